package org.hotpixels.imagej;

import ij.IJ;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.hotpixels.progress.Progress;

/**
 * Progress to SciJava's {@link StatusService}; cancelled when the command is, or (as in plain
 * ImageJ, and in Fiji, whose windows are ImageJ 1's) when Esc is pressed in an ImageJ window.
 */
final class StatusProgress implements Progress {

	private final StatusService status;
	private final Cancelable command;
	private long lastShown;

	StatusProgress(final StatusService status, final Cancelable command) {
		this.status = status;
		this.command = command;
		IJ.resetEscape(); // forget an Esc pressed before this run
	}

	@Override
	public void progress(final long done, final long total, final String message) {
		final long now = System.nanoTime();
		if (status == null || now - lastShown < 100_000_000L && done < total) return;
		lastShown = now;
		final int max = (int) Math.min(Integer.MAX_VALUE, Math.max(1, total));
		status.showStatus((int) Math.min(max, done), max, message);
	}

	@Override
	public boolean isCancelled() {
		return command.isCanceled() || Thread.currentThread().isInterrupted() || IJ.escapePressed();
	}
}
