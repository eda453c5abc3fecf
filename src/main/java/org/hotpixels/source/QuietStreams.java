package org.hotpixels.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps what a library prints on {@code System.out} and {@code System.err} from reaching the user
 * while one call runs on this thread (ImageJ's opener prints "Unsupported format or file not
 * found" and decoder exceptions there, besides returning null), so a bad file is reported once, in
 * our own sentence. Other threads print as usual.
 *
 * <pre>{@code
 * ImagePlus imp = QuietStreams.call(() -> new Opener().openImage(path));
 * }</pre>
 */
public final class QuietStreams {

	private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

	private QuietStreams() {}

	/** Something to run quietly. */
	@FunctionalInterface
	public interface Call<T> {

		T call() throws IOException;
	}

	/** Runs {@code call} with this thread's printing on the standard streams dropped. */
	public static <T> T call(final Call<T> call) throws IOException {
		install();
		final boolean was = QUIET.get();
		QUIET.set(true);
		try {
			return call.call();
		}
		finally {
			QUIET.set(was);
		}
	}

	private static synchronized void install() {
		if (!(System.out instanceof Filter)) System.setOut(new Filter(System.out));
		if (!(System.err instanceof Filter)) System.setErr(new Filter(System.err));
	}

	/** Passes everything on except what quiet threads print. */
	private static final class Filter extends PrintStream {

		Filter(final PrintStream target) {
			super(new OutputStream() {

				@Override
				public void write(final int b) {
					if (!QUIET.get()) target.write(b);
				}

				@Override
				public void write(final byte[] b, final int off, final int len) {
					if (!QUIET.get()) target.write(b, off, len);
				}

				@Override
				public void flush() {
					target.flush();
				}
			}, true);
		}
	}
}
