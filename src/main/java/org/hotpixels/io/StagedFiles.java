package org.hotpixels.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several output files that appear together or not at all: each is written completely under a
 * temporary name beside its target (as {@link AtomicOutput} does), and only {@link #commit()}
 * renames them all into place. Closing without committing, after a failure or a cancellation,
 * deletes the temporary files, so a half-finished run leaves no file under a final name.
 *
 * <pre>{@code
 * try (StagedFiles files = new StagedFiles()) {
 *   files.write(dir.resolve("variance.tif"), out -> TiffWriter.write(map, out));
 *   files.writeText(dir.resolve("defects.csv"), w -> DefectCsv.write(w, defects));
 *   files.commit();
 * }
 * }</pre>
 */
public final class StagedFiles implements AutoCloseable {

	private final List<Path> temporaries = new ArrayList<>();
	private final List<Path> targets = new ArrayList<>();
	private boolean committed;

	/** Writes the content of {@code target} through a buffered stream, under a temporary name. */
	public void write(final Path target, final IOConsumer<OutputStream> body) throws IOException {
		if (committed) throw new IllegalStateException("Already committed");
		temporaries.add(AtomicOutput.writeTemporary(target, body));
		targets.add(target);
	}

	/** Writes the content of {@code target} as UTF-8 text, under a temporary name. */
	public void writeText(final Path target, final IOConsumer<Writer> body) throws IOException {
		write(target, out -> {
			final Writer writer = new BufferedWriter(new OutputStreamWriter(out,
				StandardCharsets.UTF_8));
			body.accept(writer);
			writer.flush();
		});
	}

	/** Moves every file written into place, replacing older versions. */
	public void commit() throws IOException {
		committed = true;
		while (!temporaries.isEmpty()) {
			AtomicOutput.moveIntoPlace(temporaries.get(0), targets.get(0));
			temporaries.remove(0);
			targets.remove(0);
		}
	}

	/** Deletes the temporary files of a group that was not committed. */
	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (final Path tmp : temporaries)
			try {
				Files.deleteIfExists(tmp);
			}
			catch (final IOException e) {
				failure = e;
			}
		temporaries.clear();
		targets.clear();
		if (failure != null) throw failure;
	}
}
