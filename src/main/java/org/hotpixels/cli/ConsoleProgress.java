package org.hotpixels.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.hotpixels.progress.Progress;

/**
 * A progress line on standard error: rewritten in place on a terminal, a line every 10% when
 * the output is a file or pipe. Ctrl-C sets {@link #cancel()}, which the core sees through
 * {@link #isCancelled()}.
 */
final class ConsoleProgress implements Progress {

	private final PrintStream err;
	private final boolean terminal = System.console() != null;
	private final long start = System.nanoTime();
	private volatile boolean cancelled;
	private long lastPrint;
	private long lastDecile = -1;
	private int lastLength;

	ConsoleProgress(final PrintStream err) {
		this.err = err;
	}

	@Override
	public synchronized void progress(final long done, final long total, final String message) {
		final long now = System.nanoTime();
		final long decile = total > 0 ? done * 10 / total : 0;
		if (terminal ? now - lastPrint < 200_000_000L && done < total : decile == lastDecile) return;
		lastPrint = now;
		lastDecile = decile;
		final double seconds = (now - start) / 1e9;
		final String line = String.format(Locale.ROOT, "[%3d%%] %d/%d %s (%.1f s)", total > 0 ? done *
			100 / total : 0, done, total, message, seconds);
		if (terminal) {
			err.print("\r" + line + spaces(lastLength - line.length()));
			lastLength = line.length();
		}
		else err.println(line);
		err.flush();
	}

	/** Ends the in-place line so the next output starts on a fresh line. */
	synchronized void finish() {
		if (terminal && lastLength > 0) {
			err.print("\r" + spaces(lastLength) + "\r");
			err.flush();
		}
		lastLength = 0;
	}

	private static String spaces(final int n) {
		final StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++)
			b.append(' ');
		return b.toString();
	}

	void cancel() {
		cancelled = true;
	}

	@Override
	public boolean isCancelled() {
		return cancelled;
	}
}
