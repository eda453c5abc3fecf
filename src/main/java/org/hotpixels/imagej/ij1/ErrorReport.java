package org.hotpixels.imagej.ij1;

import ij.IJ;
import ij.macro.Interpreter;

import org.hotpixels.FindRequest;
import org.hotpixels.progress.HotPixelsException;

/**
 * Shows a user's mistake as one sentence and stops a running macro.
 * <ul>
 * <li>From the menu: an error dialog titled after the command.</li>
 * <li>In a macro, with the ImageJ window open: ImageJ's "Macro Error" dialog with the sentence;
 * the macro stops.</li>
 * <li>In a batch macro without the ImageJ window ({@code ImageJ -batch macro.ijm}): the sentence
 * is printed as "Title: sentence" and the macro stops, without a dialog that nobody could click
 * away.</li>
 * </ul>
 */
public final class ErrorReport {

	private ErrorReport() {}

	/**
	 * {@code message} about one file of {@code folder} (one that skip_bad_frames could leave
	 * out) with that advice added to the sentence; other messages unchanged.
	 */
	public static String withSkipHint(final String message, final String folder) {
		final String prefix = new java.io.File(folder.trim()).getPath() + java.io.File.separator;
		if (folder.trim().isEmpty() || !message.startsWith(prefix) || message.contains(
			"the variance needs") || !message.endsWith(".")) return message;
		return message.substring(0, message.length() - 1) +
			"; to leave such files out, tick \"Skip unreadable or mismatched frames\" " +
			"(skip_bad_frames=true).";
	}

	/**
	 * The pipeline's hook that adds the advice of {@link #withSkipHint} to a mistake found while
	 * reading the images of {@code folder}; null: no advice (skipping is on, or frames of an image).
	 */
	public static FindRequest.Extras skipHint(final String folder) {
		return new FindRequest.Extras() {

			@Override
			public HotPixelsException whileReading(final HotPixelsException e) {
				if (folder == null) return e;
				return new HotPixelsException(withSkipHint(e.getMessage(), folder), e);
			}
		};
	}

	/** Reports {@code message} under {@code title} (the command's name). */
	static void show(final String title, final String message) {
		IJ.showProgress(1.0);
		IJ.showStatus("");
		final Interpreter macro = Interpreter.getInstance();
		if (macro != null && IJ.getInstance() == null) {
			IJ.log(title + ": " + message);
			macro.setIgnoreErrors(true); // abort without the "Macro Error" dialog
			macro.abort(message);
			return;
		}
		IJ.error(title, message);
	}
}
