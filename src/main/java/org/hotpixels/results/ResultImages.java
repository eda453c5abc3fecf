package org.hotpixels.results;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.IntFunction;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatProcessor;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.detect.RobustStats;
import org.hotpixels.find.FindResult;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * The per-pixel maps of a series as 32-bit ImageJ images, one labelled slice per channel, with
 * the defects as an overlay: a circle per defect (a line along a column or row segment),
 * labelled with its kind, on the slice of its channel or every slice. Maps carry the property
 * {@link #MAP_PROPERTY}, so that Correct Hot Pixels can refuse to "repair" them.
 *
 * <pre>{@code
 * ImagePlus variance = ResultImages.varianceMap(stats, defects, "stack.tif");
 * }</pre>
 */
public final class ResultImages {

	/** Image property ("variance" or "mean") that marks a map made by Hot Pixel Finder. */
	public static final String MAP_PROPERTY = "HotPixelFinder.map";
	/** Marker colour of defects brighter than their neighbours (hot); absent from Fire and grey. */
	public static final Color BRIGHTER = new Color(0, 255, 0);
	/** Marker colour of stuck defects. */
	public static final Color STUCK = Color.cyan;
	/** Marker colour of defects darker than their neighbours (dead, cold). */
	public static final Color DARKER = new Color(255, 0, 255);

	private static final String INFO_MARK = "computed by Hot Pixel Finder";

	private ResultImages() {}

	/** Sample variance of every pixel and channel, defects as overlay (title without a source). */
	public static ImagePlus varianceMap(final PixelStatistics stats, final List<Defect> defects) {
		return varianceMap(stats, defects, null);
	}

	/**
	 * Sample variance of every pixel and channel with the defects as overlay, titled
	 * "Variance of SOURCE (N frames)" ({@code source} null: "Variance of N frames").
	 */
	public static ImagePlus varianceMap(final PixelStatistics stats, final List<Defect> defects,
		final String source)
	{
		final ImagePlus imp = map(stats, "Variance", true, source);
		imp.setOverlay(overlay(defects, stats.channels()));
		return imp;
	}

	/**
	 * The variance map of a find's result, with its defects as overlay, made of the result's own
	 * maps ({@link FindResult#varianceMap}) without a copy, for the files.
	 */
	public static ImagePlus varianceMap(final FindResult result) {
		return varianceMap(result, null);
	}

	/**
	 * The variance map of a find's result with its defects as overlay, titled like
	 * {@link #varianceMap(PixelStatistics, List, String)}, made of the result's own maps without a
	 * copy: for a window once the result's files are written (editing the window edits the maps).
	 */
	public static ImagePlus varianceMap(final FindResult result, final String source) {
		final ImagePlus imp = map(result.statistics(), "Variance", result::varianceMap, source);
		imp.setOverlay(overlay(result.defects(), result.statistics().channels()));
		return imp;
	}

	/** The mean map of a find's result, made of the result's own maps ({@link FindResult#meanMap}). */
	public static ImagePlus meanMap(final FindResult result) {
		return map(result.statistics(), "Mean", result::meanMap, null);
	}

	/**
	 * The mean map of a find's result with its defects as overlay, titled like the variance map,
	 * made of the result's own maps: for a window, like {@link #varianceMap(FindResult, String)}.
	 */
	public static ImagePlus meanMap(final FindResult result, final String source) {
		final ImagePlus imp = map(result.statistics(), "Mean", result::meanMap, source);
		imp.setOverlay(overlay(result.defects(), result.statistics().channels()));
		return imp;
	}

	/** Mean of every pixel and channel. */
	public static ImagePlus meanMap(final PixelStatistics stats) {
		return map(stats, "Mean", false, null);
	}

	/** Mean of every pixel and channel with the defects as overlay, titled like the variance map. */
	public static ImagePlus meanMap(final PixelStatistics stats, final List<Defect> defects,
		final String source)
	{
		final ImagePlus imp = map(stats, "Mean", false, source);
		imp.setOverlay(overlay(defects, stats.channels()));
		return imp;
	}

	/** True if {@code imp} is a variance or mean map of Hot Pixel Finder (also after saving it). */
	public static boolean isMap(final ImagePlus imp) {
		if (imp.getProperty(MAP_PROPERTY) != null) return true;
		final Object info = imp.getProperty("Info");
		return info instanceof String && ((String) info).contains(INFO_MARK);
	}

	private static ImagePlus map(final PixelStatistics stats, final String what,
		final boolean variance, final String source)
	{
		return map(stats, what, variance ? stats::varianceMap : stats::meanMap, source);
	}

	/** A stack of the maps {@code maps.apply(c)} of every channel, shown without a copy. */
	private static ImagePlus map(final PixelStatistics stats, final String what,
		final IntFunction<float[]> maps, final String source)
	{
		final ImageStack stack = new ImageStack(stats.width(), stats.height());
		for (int c = 0; c < stats.channels(); c++) {
			final float[] pixels = maps.apply(c);
			stack.addSlice(what.toLowerCase() + " " + channelName(stats, c), new FloatProcessor(stats
				.width(), stats.height(), pixels));
		}
		final String frames = stats.frameCount() + " frames";
		final ImagePlus imp = new ImagePlus(what + " of " + (source == null || source.isEmpty() ? frames
			: source + " (" + frames + ")"), stack);
		imp.setProperty("Info", what + " over " + stats.frameCount() + " frames" + (source == null ? ""
			: " of " + source) + ", " + stats.shapeLabel() + ", " + INFO_MARK);
		imp.setProperty(MAP_PROPERTY, what.toLowerCase());
		final double[] range = displayRange(stack);
		imp.setDisplayRange(range[0], range[1]);
		return imp;
	}

	/**
	 * 0.1% to 99.9% of the first slice: defects and saturated regions stay visible without
	 * flattening everything else.
	 */
	private static double[] displayRange(final ImageStack stack) {
		final float[] p = (float[]) stack.getPixels(1);
		final int stride = Math.max(1, p.length / 200_000);
		final float[] sample = new float[(p.length + stride - 1) / stride];
		int n = 0;
		for (int i = 0; i < p.length; i += stride)
			if (!Float.isNaN(p[i])) sample[n++] = p[i];
		if (n == 0) return new double[]{ 0, 1 };
		final double lo = RobustStats.select(sample, n, (int) (0.001 * (n - 1)));
		final double hi = RobustStats.select(sample, n, (int) (0.999 * (n - 1)));
		return hi > lo ? new double[]{ lo, hi } : new double[]{ lo, lo + 1 };
	}

	/** "red", "green", "blue" for RGB statistics, "channel 2" for other multi-channel data, "" for grey. */
	public static String channelName(final PixelStatistics stats, final int c) {
		if (stats.type() == PixelType.RGB) return new String[]{ "red", "green", "blue" }[c % 3];
		return stats.channels() == 1 ? "" : "channel " + c;
	}

	/**
	 * The defects as overlay: a hollow circle (a fixed size on screen, so visible at any zoom)
	 * around each defect's pixel, a line along a column or row segment, each named and labelled
	 * with its kind; on its channel's slice, or every slice for all channels.
	 */
	public static Overlay overlay(final List<Defect> defects, final int channels) {
		final Overlay overlay = new Overlay();
		for (final Defect d : defects) {
			final Roi roi = marker(d);
			roi.setName(d.kind() == null ? "defect" : d.kind().label());
			roi.setStrokeColor(colour(d));
			if (d.channel() != Defect.ALL_CHANNELS && channels > 1) roi.setPosition(d.channel() + 1);
			overlay.add(roi);
		}
		overlay.drawLabels(true);
		overlay.drawNames(true);
		overlay.drawBackgrounds(true);
		overlay.setLabelColor(Color.black);
		overlay.setLabelFont(new Font("SansSerif", Font.BOLD, 11));
		return overlay;
	}

	private static Roi marker(final Defect d) {
		if (d.kind() == DefectKind.COLUMN) return new Line(d.xMin() + 0.5, d.yMin(), d.xMin() + 0.5, d
			.yMax() + 1.0);
		if (d.kind() == DefectKind.ROW) return new Line(d.xMin(), d.yMin() + 0.5, d.xMax() + 1.0, d
			.yMin() + 0.5);
		final PointRoi point = new PointRoi(d.x() + 0.5, d.y() + 0.5);
		point.setPointType(PointRoi.CIRCLE);
		point.setSize(4); // extra large: a ring around the pixel, which stays visible inside it
		return point;
	}

	/** Green for brighter than the neighbours, magenta for darker, cyan for stuck. */
	static Color colour(final Defect d) {
		if (d.kind() == null) return BRIGHTER;
		switch (d.kind()) {
			case HOT :
				return BRIGHTER;
			case COLD :
			case DEAD :
				return DARKER;
			case COLUMN :
			case ROW :
				return d.mean() < d.neighbourMean() ? DARKER : BRIGHTER;
			default :
				return STUCK;
		}
	}
}
