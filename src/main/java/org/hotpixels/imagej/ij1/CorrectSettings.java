package org.hotpixels.imagej.ij1;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;

/**
 * The values of the Correct Hot Pixels dialog. Each field has a macro key equal to the
 * {@code @Parameter} name of the SciJava command (in brackets below), so one recorded macro
 * runs in plain ImageJ and in Fiji.
 *
 * <pre>{@code
 * CorrectSettings s = new CorrectSettings();
 * s.inputFolder = "/data/d80";
 * s.defectFile = "/data/d80-defects/defects.csv";
 * s.outputFolder = "/data/d80-fixed";
 * CorrectionResult r = Correct_Hot_Pixels.correctFolder(s, Correct_Hot_Pixels.defects(s), Progress.NONE);
 * }</pre>
 */
public final class CorrectSettings {

	/** Choices of {@link #cfa}. */
	public static final String[] CFA_CHOICES = { "none", "RGGB", "BGGR", "GRBG", "GBRG" };
	/** Choices of {@link #outputFormat}. */
	public static final String[] FORMAT_CHOICES = { "same", "tif", "png" };

	/**
	 * [image] Title of the open image to correct when no folder is given; empty (a macro without
	 * this key): the image Find Hot Pixels last ran on if it is open, else the active image. A
	 * variance or mean map is refused.
	 */
	public String image = "";
	/** [input_folder] Folder of images to correct; empty for {@link #image}. */
	public String inputFolder = "";
	/** [file_pattern] Glob such as {@code *.jpg}; empty for every image in the folder. */
	public String filePattern = "";
	/** [defect_file] Defect list: CSV, dcraw -P, Siril, RawTherapee, or a mask image. */
	public String defectFile = "";
	/** [use_table] Take the defects from the open "Hot Pixels" table instead of a file. */
	public boolean useTable;
	/** [cfa] Bayer pattern of raw mosaics, or "none". */
	public String cfa = "none";
	/** [output_folder] Where the corrected copies of a folder's images go. */
	public String outputFolder = "";
	/** [output_format] "same", "tif" or "png". */
	public String outputFormat = "same";
	/** [overwrite] Replace files already in the output folder. */
	public boolean overwrite;
	/** [skip_bad_frames] Leave out files that cannot be read or differ in size. */
	public boolean skipBadFrames;

	/** True if a folder of images was given (else the active image is corrected). */
	public boolean hasInputFolder() {
		return !inputFolder.trim().isEmpty();
	}

	/** The Bayer pattern, or null for "none"; a wrong name raises a one-sentence error. */
	public CfaPattern cfaPattern() {
		final String c = cfa.trim();
		if (c.isEmpty() || c.equalsIgnoreCase("none")) return null;
		final CfaPattern pattern = CfaPattern.parse(c);
		if (pattern == null) throw new HotPixelsException("cfa must be none, RGGB, BGGR, GRBG or " +
			"GBRG (got '" + cfa + "').");
		return pattern;
	}

	/** An independent copy. */
	public CorrectSettings copy() {
		final CorrectSettings c = new CorrectSettings();
		c.image = image;
		c.inputFolder = inputFolder;
		c.filePattern = filePattern;
		c.defectFile = defectFile;
		c.useTable = useTable;
		c.cfa = cfa;
		c.outputFolder = outputFolder;
		c.outputFormat = outputFormat;
		c.overwrite = overwrite;
		c.skipBadFrames = skipBadFrames;
		return c;
	}
}
