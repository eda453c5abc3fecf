package org.hotpixels.results;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.RobustStats;
import org.hotpixels.find.FindResult;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * The pictures of {@link HtmlReport}, made cheaply from the statistics: maps downscaled by
 * sampling two pixels of each block (never every pixel of a 10-megapixel plane), small crops
 * around defects, and PNG data URIs of both.
 */
final class ReportImages {

	/** Largest size of a downscaled map, in screen pixels. */
	static final int MAP_WIDTH = 960, MAP_HEIGHT = 720;
	/** Half the side of a crop: 15x15 pixels around the defect. */
	static final int CROP_RADIUS = 7;

	private ReportImages() {}

	/** The downscale factor that fits a {@code w x h} image into the map size. */
	static int factor(final int w, final int h) {
		return Math.max(1, Math.max((w + MAP_WIDTH - 1) / MAP_WIDTH, (h + MAP_HEIGHT - 1) /
			MAP_HEIGHT));
	}

	/**
	 * A downscaled map, each output pixel the mean of two samples on the diagonal of its
	 * {@code f x f} block: the mean in colour for RGB series (one range for the three channels, so colours stay
	 * true), else the channels' average in grey; the variance on a log scale, in grey. The samples
	 * come from the result's own maps ({@link FindResult#varianceMap}, {@link FindResult#meanMap}),
	 * which the files are written from.
	 */
	static BufferedImage map(final FindResult result, final int f, final boolean variance) {
		final PixelStatistics stats = result.statistics();
		final int w = stats.width(), h = stats.height();
		final int ow = (w + f - 1) / f, oh = (h + f - 1) / f;
		final boolean colour = !variance && stats.type() == PixelType.RGB;
		final int planes = colour ? 3 : 1;
		final float[][] maps = new float[stats.channels()][];
		for (int c = 0; c < maps.length; c++)
			maps[c] = variance ? result.varianceMap(c) : result.meanMap(c);
		final float[] v = new float[ow * oh * planes];
		// two samples on the block's diagonal, a quarter and three quarters in
		final int[] offsets = f < 2 ? new int[]{ 0 } : new int[]{ f / 4, (3 * f) / 4 };
		IntStream.range(0, oh).parallel().forEach(oy -> {
			for (int ox = 0; ox < ow; ox++)
				for (int p = 0; p < planes; p++) {
					double sum = 0;
					int n = 0;
					for (final int d : offsets) {
						final int x = Math.min(w - 1, ox * f + d), y = Math.min(h - 1, oy * f + d);
						for (int c = colour ? p : 0; c < (colour ? p + 1 : maps.length); c++) {
							final double s = value(maps[c], y * w + x, variance);
							if (!Double.isNaN(s)) {
								sum += s;
								n++;
							}
						}
					}
					v[(oy * ow + ox) * planes + p] = n == 0 ? Float.NaN : (float) (sum / n);
				}
		});
		final float[] range = range(v, 0.005, 0.995);
		final BufferedImage img = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
		final int[] rgb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < ow * oh; i++) {
			int value = 0;
			for (int p = 0; p < 3; p++)
				value = value << 8 | grey(v[i * planes + (colour ? p : 0)], range);
			rgb[i] = value;
		}
		return img;
	}

	/**
	 * A mean map's value, or the log of a variance map's (a variance of 0 becomes the log of a
	 * tiny value).
	 */
	static double value(final float[] map, final int i, final boolean variance) {
		return variance ? Math.log10(map[i] + 1e-6) : map[i];
	}

	/** The mean, or the log of the variance (a variance of 0 becomes the log of a tiny value). */
	static double value(final PixelStatistics stats, final int i, final boolean variance) {
		return variance ? Math.log10(stats.variance(i) + 1e-6) : stats.mean(i);
	}

	/**
	 * A {@code (2r+1)^2} crop of one channel around the defect's peak pixel, scaled from the
	 * darkest to the brightest pixel around the defect (its own pixels excluded, so they saturate
	 * and the neighbourhood keeps its texture); pixels outside the image are black.
	 */
	static BufferedImage crop(final PixelStatistics stats, final Defect d, final int c,
		final boolean variance)
	{
		final int side = 2 * CROP_RADIUS + 1;
		final float[] v = new float[side * side];
		for (int dy = -CROP_RADIUS; dy <= CROP_RADIUS; dy++)
			for (int dx = -CROP_RADIUS; dx <= CROP_RADIUS; dx++) {
				final int x = d.x() + dx, y = d.y() + dy;
				v[(dy + CROP_RADIUS) * side + dx + CROP_RADIUS] = x < 0 || y < 0 || x >= stats.width() ||
					y >= stats.height() ? Float.NaN : (float) value(stats, stats.index(x, y, c), variance);
			}
		final float[] around = v.clone();
		for (int y = Math.max(d.yMin(), d.y() - CROP_RADIUS); y <= Math.min(d.yMax(), d.y() +
			CROP_RADIUS); y++)
			for (int x = Math.max(d.xMin(), d.x() - CROP_RADIUS); x <= Math.min(d.xMax(), d.x() +
				CROP_RADIUS); x++)
				around[(y - d.y() + CROP_RADIUS) * side + x - d.x() + CROP_RADIUS] = Float.NaN;
		final float[] range = range(around, 0, 1);
		final BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < v.length; i++)
			img.setRGB(i % side, i / side, grey(v[i], range) * 0x010101);
		return img;
	}

	/**
	 * The channel a crop shows: the defect's own, or for a defect of every channel the one whose
	 * mean departs most from the pixels left and right of it.
	 */
	static int channelOf(final PixelStatistics stats, final Defect d) {
		if (d.channel() != Defect.ALL_CHANNELS) return Math.min(d.channel(), stats.channels() - 1);
		int best = 0;
		double most = -1;
		for (int c = 0; c < stats.channels(); c++) {
			final double m = stats.mean(stats.index(d.x(), d.y(), c));
			double sum = 0;
			int n = 0;
			for (final int dx : new int[]{ -2, 2 }) {
				final int x = d.x() + dx;
				if (x < 0 || x >= stats.width()) continue;
				sum += stats.mean(stats.index(x, d.y(), c));
				n++;
			}
			final double dev = n == 0 ? 0 : Math.abs(m - sum / n);
			if (dev > most) {
				most = dev;
				best = c;
			}
		}
		return best;
	}

	/**
	 * The {@code lo} and {@code hi} quantiles of the values that are not NaN ({0, 1} if none), from
	 * at most about 100,000 of them.
	 */
	static float[] range(final float[] v, final double lo, final double hi) {
		final int stride = Math.max(1, v.length / 100_000);
		final float[] sample = new float[v.length / stride + 1];
		int n = 0;
		for (int i = 0; i < v.length; i += stride)
			if (!Float.isNaN(v[i])) sample[n++] = v[i];
		if (n == 0) return new float[]{ 0, 1 };
		final float a = RobustStats.select(sample, n, (int) (lo * (n - 1)));
		final float b = RobustStats.select(sample, n, (int) (hi * (n - 1)));
		return new float[]{ a, b > a ? b : a + 1 };
	}

	private static int grey(final float v, final float[] range) {
		if (Float.isNaN(v)) return 0;
		final double g = (v - range[0]) / (range[1] - range[0]);
		return (int) Math.round(255 * Math.max(0, Math.min(1, g)));
	}

	/** The image as a {@code data:image/png;base64,...} URI. */
	static String dataUri(final BufferedImage img) throws IOException {
		final ByteArrayOutputStream png = new ByteArrayOutputStream();
		if (!ImageIO.write(img, "png", png)) throw new IOException("No PNG writer in this Java.");
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
	}
}
