package org.hotpixels.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where a writer puts a file: at once and atomically ({@link AtomicOutput#write}), or staged
 * with the other results of a run ({@link StagedFiles}).
 */
@FunctionalInterface
public interface FileSink {

	/** A sink that writes each file on its own, atomically. */
	FileSink ATOMIC = AtomicOutput::write;

	/** Writes {@code target}'s content through {@code body}. */
	void write(Path target, IOConsumer<OutputStream> body) throws IOException;
}
