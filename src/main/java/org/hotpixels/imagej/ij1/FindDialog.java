package org.hotpixels.imagej.ij1;

import ij.Macro;
import ij.gui.GenericDialog;

import org.hotpixels.HotPixelsException;

/**
 * The Find Hot Pixels dialog. Each field's label is its macro key (GenericDialog shows
 * {@code top_n} as "top n" and records {@code top_n=...}), so the recorded options match the
 * SciJava command's parameter names. In a macro, a key that is left out takes its default, not
 * the value last typed into the dialog. The checkbox is read and recorded by {@link MacroFlags},
 * so that {@code skip_bad_frames=true} works in both worlds.
 */
final class FindDialog {

	/** What was last typed into the dialog in this session (never used by macros). */
	private static FindSettings remembered = new FindSettings();

	private FindDialog() {}

	/** Shows the dialog (or reads the macro's options); null if the user cancelled. */
	static FindSettings ask() {
		final String macroOptions = Macro.getOptions();
		final boolean macro = macroOptions != null;
		final FindSettings s = macro ? new FindSettings() : remembered.copy();
		final GenericDialog gd = new GenericDialog(Find_Hot_Pixels.TITLE);
		gd.addMessage("Finds stuck, hot and dead pixels in a series of frames:\n"
			+ "the images of a folder, or the active stack when no folder is given.");
		gd.addDirectoryField("input_folder", s.inputFolder, 30);
		gd.addStringField("file_pattern", s.filePattern, 12);
		gd.addNumericField("top_n", s.topN, 0, 6, "lowest-variance pixels to list");
		gd.addNumericField("sigma", s.sigma, 1, 6, "robust SDs (lower finds fainter defects)");
		gd.addCheckbox("skip_bad_frames", s.skipBadFrames);
		gd.addDirectoryField("output_folder", s.outputFolder, 30);
		gd.addMessage("Empty output folder: results are shown, not saved.");
		gd.addHelp(About_Hot_Pixel_Finder.README_URL);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		// read in the order of the fields: the recorder writes the keys in this order
		s.inputFolder = gd.getNextString().trim();
		s.filePattern = gd.getNextString().trim();
		s.topN = (int) Math.round(number(gd.getNextNumber(), "top_n"));
		s.sigma = number(gd.getNextNumber(), "sigma");
		s.skipBadFrames = MacroFlags.read(gd, 0, "skip_bad_frames", macroOptions);
		s.outputFolder = gd.getNextString().trim();
		s.check();
		if (!macro) remembered = s.copy();
		return s;
	}

	private static double number(final double value, final String key) {
		if (Double.isNaN(value)) throw new HotPixelsException(key + " must be a number.");
		return value;
	}
}
