package org.hotpixels.imagej.ij1;

import ij.IJ;
import ij.macro.Interpreter;

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
final class ErrorReport {

	private ErrorReport() {}

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
