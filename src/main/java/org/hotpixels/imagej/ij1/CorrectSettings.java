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
 * FileCorrectionResult r = Correct_Hot_Pixels.correctFolder(s, Correct_Hot_Pixels.defects(s), Progress.NONE);
 * }</pre>
 */
public final class CorrectSettings extends SeriesSettings {

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
	/** [defect_file] Defect list: CSV, dcraw -P, Siril, RawTherapee, or a mask image. */
	public String defectFile = "";
	/** [use_table] Take the defects from the open "Hot Pixels" table instead of a file. */
	public boolean useTable;
	/** [cfa] Bayer pattern of raw mosaics, or "none". */
	public String cfa = "none";
	/** [output_format] "same", "tif" or "png". */
	public String outputFormat = "same";

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
		return (CorrectSettings) copied();
	}
}
