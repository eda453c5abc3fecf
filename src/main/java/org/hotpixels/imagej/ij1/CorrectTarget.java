package org.hotpixels.imagej.ij1;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.results.ResultImages;

/**
 * Which image Correct Hot Pixels repairs: one named by title, or by default the image Find Hot
 * Pixels last ran on (if still open), else the active image. The variance and mean maps are
 * never a target: repairing a map would "correct" the evidence, not the photograph.
 *
 * <pre>{@code
 * ImagePlus target = CorrectTarget.resolve("");   // the default
 * }</pre>
 */
public final class CorrectTarget {

	/** The choice shown when no image other than a map is open. */
	static final String NONE = "(no image)";

	private CorrectTarget() {}

	/** Titles of the open images that may be corrected (every open image but the maps). */
	static String[] candidateTitles() {
		final List<String> titles = new ArrayList<>();
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null && !ResultImages.isMap(imp)) titles.add(imp.getTitle());
		}
		return titles.toArray(new String[0]);
	}

	/** The default target, or null if none is open; may be a map (refused by {@link #resolve}). */
	static ImagePlus preferred() {
		final ImagePlus source = ResultWindows.lastSource();
		if (source != null) return source;
		final ImagePlus active = WindowManager.getCurrentImage();
		if (active != null && !ResultImages.isMap(active)) return active;
		final String[] titles = candidateTitles();
		return titles.length == 0 ? active : WindowManager.getImage(titles[0]);
	}

	/** The default target (see {@link #preferred}) for the SciJava command's dialog; may be null. */
	public static ImagePlus preferredImage() {
		return preferred();
	}

	/**
	 * The image titled {@code title} (empty: the default), checked; a one-sentence
	 * {@link HotPixelsException} when there is none or it is a map.
	 */
	public static ImagePlus resolve(final String title) {
		final ImagePlus imp = title == null || title.trim().isEmpty() ? preferred() : WindowManager
			.getImage(title.trim());
		if (imp == null) throw new HotPixelsException(title == null || title.trim().isEmpty()
			? "No image is open and no folder was given: open an image or choose a folder of images."
			: "No open image is titled '" + title.trim() + "'.");
		check(imp);
		return imp;
	}

	/** Refuses a map of Hot Pixel Finder with a sentence naming it. */
	public static void check(final ImagePlus imp) {
		if (ResultImages.isMap(imp)) throw new HotPixelsException(imp.getTitle() +
			" is a map made by Find Hot Pixels, not a photograph; choose the image the frames came " +
			"from (image=[title]) or a folder.");
	}
}
