package org.hotpixels.imagej.ij1;

import ij.IJ;

import org.hotpixels.progress.Progress;

/**
 * Progress to ImageJ 1's status line and progress bar; Esc (in the ImageJ window or an image
 * window) cancels. Updates at most ten times a second, from any thread.
 *
 * <pre>{@code
 * FindResult r = HotPixelFinder.find(source, options, new IJProgress());
 * }</pre>
 */
public final class IJProgress implements Progress {

	private static final long INTERVAL_NANOS = 100_000_000L;

	private volatile long lastShown = System.nanoTime() - INTERVAL_NANOS;

	/** Forgets an Esc pressed before this job started. */
	public IJProgress() {
		IJ.resetEscape();
	}

	@Override
	public void progress(final long done, final long total, final String message) {
		final long now = System.nanoTime();
		if (now - lastShown < INTERVAL_NANOS && done < total) return;
		lastShown = now;
		if (message != null) IJ.showStatus(message);
		IJ.showProgress(total <= 0 ? 1.0 : Math.min(1.0, (double) done / total));
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed() || Thread.currentThread().isInterrupted();
	}

	/** Clears the progress bar (after success, failure or cancel). */
	public void finish(final String status) {
		IJ.showProgress(1.0);
		IJ.showStatus(status == null ? "" : status);
	}
}
