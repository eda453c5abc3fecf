package org.hotpixels.imagej.ij1;

import ij.Macro;
import ij.gui.GenericDialog;

/**
 * The Correct Hot Pixels dialog. Each field's label is its macro key, equal to the SciJava
 * command's parameter name; checkboxes are read and recorded by {@link MacroFlags}. In a macro,
 * a key that is left out takes its default.
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
		final GenericDialog gd = new GenericDialog(Correct_Hot_Pixels.TITLE);
		gd.addMessage("Repairs defects in a copy of the active image, or in copies of a folder's\n"
			+ "images written to the output folder. The originals are not changed.");
		gd.addDirectoryField("input_folder", s.inputFolder, 30);
		gd.addStringField("file_pattern", s.filePattern, 12);
		gd.addFileField("defect_file", s.defectFile, 30);
		gd.addCheckbox("use_table", s.useTable);
		gd.addToSameRow();
		gd.addMessage("(the open \"Hot Pixels\" table instead of a file)");
		gd.addChoice("cfa", CorrectSettings.CFA_CHOICES, s.cfa);
		gd.addDirectoryField("output_folder", s.outputFolder, 30);
		gd.addChoice("output_format", CorrectSettings.FORMAT_CHOICES, s.outputFormat);
		gd.addCheckbox("overwrite", s.overwrite);
		gd.addCheckbox("skip_bad_frames", s.skipBadFrames);
		gd.addHelp(About_Hot_Pixel_Finder.README_URL);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		// read in the order of the fields: the recorder writes the keys in this order
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
