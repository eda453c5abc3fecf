package org.hotpixels.imagej.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;

import org.hotpixels.progress.HotPixelsException;

/**
 * The Find Hot Pixels dialog. Each field is added under its macro key (equal to the SciJava
 * command's parameter name) and then shows words ({@link MacroFlags#words}). Where the frames
 * come from is explicit: the active image (named, with its frame count) or the folder; the
 * choice defaults to the active image when one is open, never to last run's folder. In a macro,
 * a key that is left out takes its default (see {@link FindSettings}).
 */
final class FindDialog {

	/** What was last typed into the dialog in this session (never used by macros). */
	private static FindSettings remembered = new FindSettings();

	private FindDialog() {}

	/**
	 * Shows the dialog (or reads the macro's options) for the active image {@code image}
	 * (null: none); null if the user cancelled.
	 */
	static FindSettings ask(final ImagePlus image) {
		final String macroOptions = Macro.getOptions();
		final boolean macro = macroOptions != null;
		final FindSettings s = macro ? new FindSettings() : remembered.copy();
		if (!macro) s.input = image != null ? FindSettings.IMAGE : FindSettings.FOLDER;
		final GenericDialog gd = new GenericDialog(Find_Hot_Pixels.TITLE);
		gd.addMessage("Finds stuck, hot and dead pixels in a series of frames.");
		gd.addChoice("input", new String[]{ FindSettings.IMAGE, FindSettings.FOLDER }, s.input.isEmpty()
			? FindSettings.IMAGE : s.input);
		MacroFlags.words(gd, "Frames from");
		gd.addMessage(image == null ? "No image is open: choose the folder." : "The image is " +
			describe(image) + ".");
		gd.addDirectoryField("input_folder", s.inputFolder, 30);
		MacroFlags.words(gd, "Folder of images");
		gd.addStringField("file_pattern", s.filePattern, 12);
		MacroFlags.words(gd, "File pattern (e.g. *.jpg)");
		gd.addNumericField("top_n", s.topN, 0, 6, "pixels");
		MacroFlags.words(gd, "Lowest-variance list");
		gd.addNumericField("sigma", s.sigma, 1, 6, "robust SDs (lower finds fainter defects)");
		MacroFlags.words(gd, "Sensitivity");
		gd.addCheckbox("skip_bad_frames", s.skipBadFrames);
		MacroFlags.checkboxWords(gd, "Skip unreadable or mismatched frames (one line in the Log each)");
		gd.addDirectoryField("output_folder", s.outputFolder, 30);
		MacroFlags.words(gd, "Save results to");
		gd.addCheckbox("overwrite", s.overwrite);
		MacroFlags.checkboxWords(gd, "Replace results already in that folder");
		gd.addMessage("Empty output folder: results are shown, not saved.");
		gd.addHelp(About_Hot_Pixel_Finder.helpHtml());
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		// read in the order of the fields: the recorder writes the keys in this order
		final String input = gd.getNextChoice();
		s.input = macro && Macro.getValue(macroOptions, "input", null) == null ? "" : input;
		s.inputFolder = gd.getNextString().trim();
		s.filePattern = gd.getNextString().trim();
		s.topN = (int) Math.round(number(gd.getNextNumber(), "top_n"));
		s.sigma = number(gd.getNextNumber(), "sigma");
		s.skipBadFrames = MacroFlags.read(gd, 0, "skip_bad_frames", macroOptions);
		s.outputFolder = gd.getNextString().trim();
		s.overwrite = MacroFlags.read(gd, 1, "overwrite", macroOptions);
		s.check();
		if (!macro) remembered = s.copy();
		return s;
	}

	/** "stack.tif (40 frames)", or "(3 channels x 40 frames)" for a colour hyperstack. */
	static String describe(final ImagePlus image) {
		final int frames = image.getNChannels() > 1 && !image.isRGB() ? image.getStackSize() / image
			.getNChannels() : image.getStackSize();
		return image.getTitle() + " (" + frames + " frame" + (frames == 1 ? "" : "s") + ")";
	}

	private static double number(final double value, final String key) {
		if (Double.isNaN(value)) throw new HotPixelsException(key + " must be a number.");
		return value;
	}
}
