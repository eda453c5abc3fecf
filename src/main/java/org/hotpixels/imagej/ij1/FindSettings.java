package org.hotpixels.imagej.ij1;

import org.hotpixels.find.FindOptions;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.DefectDetector;

/**
 * The values of the Find Hot Pixels dialog. Each field has a macro key equal to the
 * {@code @Parameter} name of the SciJava command (in brackets below), so one recorded macro
 * runs in plain ImageJ and in Fiji.
 *
 * <pre>{@code
 * FindSettings s = new FindSettings();
 * s.inputFolder = "/data/d80";
 * FindResult r = Find_Hot_Pixels.find(s, null, Progress.NONE);
 * }</pre>
 */
public final class FindSettings extends SeriesSettings {

	/** Values of {@link #input}. */
	public static final String IMAGE = "image", FOLDER = "folder";

	/**
	 * [input] Where the frames come from: {@value #IMAGE} (the active image) or {@value #FOLDER}
	 * (the input folder); empty (a macro without this key): the folder when one is given,
	 * else the active image.
	 */
	public String input = "";
	/** [top_n] Length of the lowest-variance ranking. */
	public int topN = 10;
	/** [sigma] Detection threshold in robust standard deviations. */
	public double sigma = DefectDetector.DEFAULT_SIGMA;

	/** True if the frames come from the folder (else from the active image). */
	public boolean hasInputFolder() {
		final String in = input.trim();
		if (in.isEmpty()) return !inputFolder.trim().isEmpty();
		return in.equalsIgnoreCase(FOLDER);
	}

	/** Checks the numbers; a mistake raises {@link HotPixelsException} with one sentence. */
	public void check() {
		final String in = input.trim();
		if (!in.isEmpty() && !in.equalsIgnoreCase(IMAGE) && !in.equalsIgnoreCase(FOLDER))
			throw new HotPixelsException("input must be image or folder (got '" + input + "').");
		if (in.equalsIgnoreCase(FOLDER) && inputFolder.trim().isEmpty()) throw new HotPixelsException(
			"input=folder needs an input_folder: choose the folder of images.");
		if (topN < 0) throw new HotPixelsException("top_n must be 0 or more (got " + topN + ").");
		if (!(sigma >= 1)) throw new HotPixelsException("sigma must be at least 1 (got " + sigma +
			").");
	}

	/** The core's options for these settings. */
	public FindOptions options() {
		final FindOptions options = new FindOptions();
		options.topN = topN;
		options.sigma = sigma;
		options.skipBadFrames = skipBadFrames;
		return options;
	}

	/** An independent copy. */
	public FindSettings copy() {
		return (FindSettings) copied();
	}
}
