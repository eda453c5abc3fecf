package org.hotpixels.bench;

import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;

import org.hotpixels.stats.PixelStatistics;

/**
 * A guard on the fast paths the benchmark times: at about 500 sampled pixels per channel, the
 * statistics are recomputed here the plain way, straight from the stack. Integer data must match
 * bit for bit (exact sums, one rounding); float data within 1e-9 of a two-pass computation in
 * double precision.
 *
 * <pre>{@code
 * String verdict = SampledCheck.of(stats, imagePlus); // "exact at 1500 sampled samples"
 * }</pre>
 */
final class SampledCheck {

	private SampledCheck() {}

	static String of(final PixelStatistics stats, final ImagePlus image) {
		final ImageStack stack = image.getStack();
		final int n = stack.getSize(), size = stats.planeSize();
		int checked = 0, wrong = 0;
		for (int c = 0; c < stats.channels(); c++)
			for (int p = (c * 7919) % size; p < size; p += size / 500 + 1) {
				checked++;
				if (!matches(stats, stack, n, c, p)) wrong++;
			}
		return wrong == 0 ? (stats.type().isInteger() ? "exact" : "within 1e-9") + " at " + checked +
			" sampled samples" : String.format(Locale.ROOT, "WRONG at %d of %d sampled samples", wrong,
				checked);
	}

	private static boolean matches(final PixelStatistics stats, final ImageStack stack, final int n,
		final int c, final int p)
	{
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, mean = 0;
		long sum = 0, squares = 0;
		for (int k = 1; k <= n; k++) {
			final double v = sample(stack.getPixels(k), c, p);
			sum += (long) v;
			squares += (long) v * (long) v;
			mean += v;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		mean /= n;
		final int i = c * stats.planeSize() + p;
		if (stats.min(i) != min || stats.max(i) != max) return false;
		if (stats.type().isInteger()) return stats.mean(i) == (double) sum / n && stats.variance(
			i) == (n * squares - sum * sum) / ((double) n * (n - 1));
		double m2 = 0;
		for (int k = 1; k <= n; k++) {
			final double d = sample(stack.getPixels(k), c, p) - mean;
			m2 += d * d;
		}
		final double variance = m2 / (n - 1);
		return Math.abs(stats.mean(i) - mean) <= 1e-9 * (Math.abs(mean) + Math.sqrt(variance)) && Math
			.abs(stats.variance(i) - variance) <= 1e-9 * variance;
	}

	private static double sample(final Object pixels, final int c, final int p) {
		if (pixels instanceof byte[]) return ((byte[]) pixels)[p] & 0xff;
		if (pixels instanceof short[]) return ((short[]) pixels)[p] & 0xffff;
		if (pixels instanceof float[]) return ((float[]) pixels)[p];
		return ((int[]) pixels)[p] >> 16 - 8 * c & 0xff;
	}
}
