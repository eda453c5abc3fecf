package org.hotpixels.source.raw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a decoder process and collects its standard output (the image) and standard error (its
 * messages). Both streams are drained on their own threads, so a process that writes much to
 * one of them while we wait cannot block; a process that outlives its time limit is killed.
 * The process runs in the C locale, so that its messages are the English ones we parse.
 */
final class ProcessRunner {

	/** What a finished process left behind. */
	static final class Result {

		final int exitCode;
		final String stderr;
		private final Buffer stdout;

		private Result(final int exitCode, final Buffer stdout, final String stderr) {
			this.exitCode = exitCode;
			this.stdout = stdout;
			this.stderr = stderr;
		}

		/** Number of bytes written to standard output. */
		int stdoutLength() {
			return stdout.size();
		}

		/** Standard output as a stream over the collected bytes (no copy). */
		InputStream stdoutStream() {
			return stdout.stream();
		}

		/** Standard output as text. */
		String stdoutText() {
			return new String(stdout.array(), 0, stdout.size(), StandardCharsets.UTF_8);
		}
	}

	/** Thrown when the process did not finish in time; it has been killed. */
	static final class TimeoutException extends IOException {

		private static final long serialVersionUID = 1L;

		TimeoutException(final String message) {
			super(message);
		}
	}

	private ProcessRunner() {}

	/**
	 * Runs {@code command}, waits at most {@code timeoutMillis}, and returns exit code and
	 * output.
	 *
	 * @throws IOException if the program cannot be started, or it timed out (then a
	 *           {@link TimeoutException})
	 * @throws InterruptedIOException if the calling thread was interrupted; the process is
	 *           killed and the thread's interrupt flag is set again
	 */
	static Result run(final List<String> command, final long timeoutMillis) throws IOException {
		final ProcessBuilder builder = new ProcessBuilder(command);
		final Map<String, String> env = builder.environment();
		env.put("LC_ALL", "C");
		env.put("LANG", "C");
		env.remove("LANGUAGE");
		final Process process = builder.start();
		process.getOutputStream().close();
		final Drain out = new Drain(process.getInputStream(), 1 << 20);
		final Drain err = new Drain(process.getErrorStream(), 1024);
		out.start();
		err.start();
		try {
			if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new TimeoutException("did not finish within " + (timeoutMillis + 999) / 1000 + " s");
			}
			out.join(timeoutMillis);
			err.join(timeoutMillis);
		}
		catch (final InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while running " + command.get(0));
		}
		if (out.failure != null) throw out.failure;
		return new Result(process.exitValue(), out.buffer, err.buffer.toString("UTF-8"));
	}

	/** Copies one stream into memory on its own daemon thread. */
	private static final class Drain extends Thread {

		private final InputStream in;
		private final Buffer buffer;
		private volatile IOException failure;

		Drain(final InputStream in, final int size) {
			super("raw-decoder-stream");
			setDaemon(true);
			this.in = in;
			this.buffer = new Buffer(size);
		}

		@Override
		public void run() {
			final byte[] chunk = new byte[65536];
			try (InputStream stream = in) {
				int n;
				while ((n = stream.read(chunk)) >= 0)
					buffer.write(chunk, 0, n);
			}
			catch (final IOException e) {
				failure = e;
			}
		}
	}

	/** A byte buffer whose contents can be read without copying them. */
	private static final class Buffer extends ByteArrayOutputStream {

		Buffer(final int size) {
			super(size);
		}

		synchronized byte[] array() {
			return buf;
		}

		synchronized InputStream stream() {
			return new ByteArrayInputStream(buf, 0, count);
		}
	}
}
