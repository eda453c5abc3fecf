package org.hotpixels.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates a disk that fills up: while open, every file written through {@link AtomicOutput}
 * (and so {@link StagedFiles}) fails with "No space left on device" once {@code bytes} bytes
 * have been written in all.
 *
 * <pre>{@code
 * try (DiskFull full = DiskFull.after(100_000)) { ... }
 * }</pre>
 */
public final class DiskFull implements AutoCloseable {

	private final AtomicLong left;

	private DiskFull(final long bytes) {
		left = new AtomicLong(bytes);
		AtomicOutput.testStreamFilter = out -> new FilterOutputStream(out) {

			@Override
			public void write(final int b) throws IOException {
				take(1);
				out.write(b);
			}

			@Override
			public void write(final byte[] b, final int off, final int len) throws IOException {
				take(len);
				out.write(b, off, len);
			}
		};
	}

	public static DiskFull after(final long bytes) {
		return new DiskFull(bytes);
	}

	private void take(final int n) throws IOException {
		if (left.addAndGet(-n) < 0) throw new IOException("No space left on device");
	}

	@Override
	public void close() {
		AtomicOutput.testStreamFilter = null;
	}
}
