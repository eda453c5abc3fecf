package org.hotpixels.results;

import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.process.FloatProcessor;

import org.hotpixels.detect.Defect;
import org.hotpixels.stats.PixelStatistics;

/**
 * The per-pixel maps of a series as 32-bit ImageJ images, one labelled slice per channel, with
 * the defects as a point overlay (on the slice of their channel, or every slice).
 *
 * <pre>{@code
 * ImagePlus variance = ResultImages.varianceMap(stats, defects);
 * }</pre>
 */
public final class ResultImages {

	private ResultImages() {}

	/** Sample variance of every pixel and channel, defects as overlay points. */
	public static ImagePlus varianceMap(final PixelStatistics stats, final List<Defect> defects) {
		final ImagePlus imp = map(stats, "Variance", true);
		imp.setOverlay(overlay(defects, stats.channels()));
		return imp;
	}

	/** Mean of every pixel and channel. */
	public static ImagePlus meanMap(final PixelStatistics stats) {
		return map(stats, "Mean", false);
	}

	private static ImagePlus map(final PixelStatistics stats, final String what,
		final boolean variance)
	{
		final ImageStack stack = new ImageStack(stats.width(), stats.height());
		for (int c = 0; c < stats.channels(); c++) {
			final float[] pixels = variance ? stats.varianceMap(c) : stats.meanMap(c);
			stack.addSlice(what.toLowerCase() + " " + channelName(stats, c), new FloatProcessor(stats
				.width(), stats.height(), pixels));
		}
		final ImagePlus imp = new ImagePlus(what + " of " + stats.frameCount() + " frames", stack);
		imp.setProperty("Info", what + " over " + stats.frameCount() + " frames, " + stats
			.shapeLabel() + ", computed by Hot Pixel Finder");
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
		if (n == 0) return new double[] { 0, 1 };
		java.util.Arrays.sort(sample, 0, n);
		final double lo = sample[(int) (0.001 * (n - 1))], hi = sample[(int) (0.999 * (n - 1))];
		return hi > lo ? new double[] { lo, hi } : new double[] { lo, lo + 1 };
	}

	/** "red", "green", "blue" for RGB statistics, "channel 2" for other multi-channel data, "" for grey. */
	public static String channelName(final PixelStatistics stats, final int c) {
		if (stats.type() == org.hotpixels.source.PixelType.RGB) return new String[] { "red", "green",
			"blue" }[c % 3];
		return stats.channels() == 1 ? "" : "channel " + c;
	}

	/** One overlay point per defect, on its channel's slice (every slice for all channels). */
	public static Overlay overlay(final List<Defect> defects, final int channels) {
		final Overlay overlay = new Overlay();
		for (final Defect d : defects) {
			final PointRoi point = new PointRoi(d.x() + 0.5, d.y() + 0.5);
			point.setName(d.toString());
			point.setStrokeColor(colour(d));
			point.setPointType(PointRoi.CIRCLE);
			point.setSize(3);
			if (d.channel() != Defect.ALL_CHANNELS && channels > 1) point.setPosition(d.channel() + 1);
			overlay.add(point);
		}
		return overlay;
	}

	private static java.awt.Color colour(final Defect d) {
		if (d.kind() == null) return java.awt.Color.yellow;
		switch (d.kind()) {
			case HOT:
				return java.awt.Color.red;
			case COLD:
				return java.awt.Color.cyan;
			case DEAD:
				return java.awt.Color.blue;
			default:
				return java.awt.Color.yellow;
		}
	}
}
