package org.hotpixels.imagej.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;

import org.hotpixels.results.ResultImages;

/**
 * The Correct Hot Pixels dialog. Each field is added under its macro key, equal to the SciJava
 * command's parameter name, then shows words ({@link MacroFlags#words}); checkboxes are read and
 * recorded by {@link MacroFlags}. The image to correct is named: a choice of the open images
 * other than the maps, defaulting to the image Find Hot Pixels ran on. In a macro, a key that is
 * left out takes its default (see {@link CorrectSettings}).
 */
final class CorrectDialog {

	/** What was last typed into the dialog in this session (never used by macros). */
	private static CorrectSettings remembered = new CorrectSettings();

	private CorrectDialog() {}

	/** Shows the dialog (or reads the macro's options); null if the user cancelled. */
	static CorrectSettings ask() {
		final String macroOptions = Macro.getOptions();
		final boolean macro = macroOptions != null;
		final CorrectSettings s = macro ? new CorrectSettings() : remembered.copy();
		final String[] titles = CorrectTarget.candidateTitles();
		final ImagePlus preferred = CorrectTarget.preferred();
		final GenericDialog gd = new GenericDialog(Correct_Hot_Pixels.TITLE);
		gd.addMessage("Repairs defects in a copy of an image, or in copies of a folder's images\n" +
			"written to the output folder. The originals are not changed.");
		if (titles.length > 0 || macro) { // none open: nothing to choose or record
			gd.addChoice("image", titles.length == 0 ? new String[]{ CorrectTarget.NONE } : titles,
				preferred == null || ResultImages.isMap(preferred) ? titles.length == 0 ? CorrectTarget.NONE
					: titles[0] : preferred.getTitle());
			MacroFlags.words(gd, "Image to correct");
		}
		else gd.addMessage("No image is open: choose a folder of images.");
		gd.addDirectoryField("input_folder", s.inputFolder, 30);
		MacroFlags.words(gd, "or a folder of images");
		gd.addStringField("file_pattern", s.filePattern, 12);
		MacroFlags.words(gd, "File pattern (e.g. *.jpg)");
		gd.addFileField("defect_file", s.defectFile, 30);
		MacroFlags.words(gd, "Defect list file");
		gd.addCheckbox("use_table", s.useTable);
		MacroFlags.checkboxWords(gd, "Use the open \"Hot Pixels\" table instead of a file");
		gd.addChoice("cfa", CorrectSettings.CFA_CHOICES, s.cfa);
		MacroFlags.words(gd, "Raw Bayer pattern");
		gd.addDirectoryField("output_folder", s.outputFolder, 30);
		MacroFlags.words(gd, "Save corrected folder to");
		gd.addChoice("output_format", CorrectSettings.FORMAT_CHOICES, s.outputFormat);
		MacroFlags.words(gd, "Output format");
		gd.addCheckbox("overwrite", s.overwrite);
		MacroFlags.checkboxWords(gd, "Replace files already in the output folder");
		gd.addCheckbox("skip_bad_frames", s.skipBadFrames);
		MacroFlags.checkboxWords(gd, "Skip unreadable or mismatched files (one line in the Log each)");
		gd.addHelp(About_Hot_Pixel_Finder.helpHtml());
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		// read in the order of the fields: the recorder writes the keys in this order
		final String image = titles.length > 0 || macro ? gd.getNextChoice() : CorrectTarget.NONE;
		// (a title that is not open is our one-sentence error, not ImageJ's dialog)
		s.image = macro && Macro.getValue(macroOptions, "image", null) == null || image.equals(
			CorrectTarget.NONE) ? "" : image;
		s.inputFolder = gd.getNextString().trim();
		s.filePattern = gd.getNextString().trim();
		s.defectFile = gd.getNextString().trim();
		s.useTable = MacroFlags.read(gd, 0, "use_table", macroOptions);
		s.cfa = gd.getNextChoice(); // not getNextChoiceIndex: a bad value is our error, not a dialog
		s.outputFolder = gd.getNextString().trim();
		s.outputFormat = gd.getNextChoice();
		s.overwrite = MacroFlags.read(gd, 1, "overwrite", macroOptions);
		s.skipBadFrames = MacroFlags.read(gd, 2, "skip_bad_frames", macroOptions);
		s.cfaPattern(); // checks the name
		if (!macro) remembered = s.copy();
		return s;
	}
}
