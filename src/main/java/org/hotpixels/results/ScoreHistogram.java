package org.hotpixels.results;

import java.util.Locale;

import org.hotpixels.detect.RobustStats;
import org.hotpixels.find.FindResult;
import org.hotpixels.stats.PixelStatistics;

/**
 * The population histogram of {@link HtmlReport}: an approximate score for a sample of pixels
 * (up to {@link #SAMPLES} per channel, on a regular grid), drawn as an inline SVG with the
 * detection threshold. A pixel's score is its mean (or log variance) minus the median of its 8
 * nearest same-channel neighbours (same-colour sites two pixels apart on a raw mosaic), divided by
 * 1.4826 times the median absolute deviation of these differences over the channel's sample. The
 * detector's own scores use a wider neighbourhood and local scales, so this shows the shape of
 * the population and its tails, not the exact decision for a pixel near the threshold.
 */
final class ScoreHistogram {

	/** Pixels sampled per channel: enough for the tails, cheap on a 10-megapixel plane. */
	static final int SAMPLES = 100_000;
	/** Bins of a half score each from -LIMIT to +LIMIT; beyond, the end bins take them. */
	static final double LIMIT = 40, BIN = 0.5;

	final long[] meanCounts, varianceCounts;
	long sampled;

	private ScoreHistogram() {
		final int bins = (int) Math.round(2 * LIMIT / BIN);
		meanCounts = new long[bins];
		varianceCounts = new long[bins];
	}

	/** Samples every channel of a find's result, from its maps (which the files are written from). */
	static ScoreHistogram of(final FindResult result) {
		final PixelStatistics stats = result.statistics();
		final ScoreHistogram h = new ScoreHistogram();
		final int step = result.cfa() == null ? 1 : 2;
		final int w = stats.width(), ht = stats.height();
		final int stride = Math.max(1, (int) Math.ceil(Math.sqrt((double) w * ht / SAMPLES)));
		final int cap = (w / stride + 1) * (ht / stride + 1);
		final double[] meanDiff = new double[cap], varDiff = new double[cap];
		final double[] nb = new double[8];
		for (int c = 0; c < stats.channels(); c++) {
			final float[] means = result.meanMap(c), variances = result.varianceMap(c);
			int nm = 0, nv = 0;
			for (int y = step; y < ht - step; y += stride)
				for (int x = step; x < w - step; x += stride) {
					final int i = y * w + x;
					final double m = means[i];
					if (!Double.isNaN(m)) {
						final double med = neighbourMedian(means, w, i, step, false, nb);
						if (!Double.isNaN(med)) meanDiff[nm++] = m - med;
					}
					final double v = ReportImages.value(variances, i, true);
					if (!Double.isNaN(v)) {
						final double med = neighbourMedian(variances, w, i, step, true, nb);
						if (!Double.isNaN(med)) varDiff[nv++] = v - med;
					}
				}
			h.add(h.meanCounts, meanDiff, nm);
			h.add(h.varianceCounts, varDiff, nv);
			h.sampled += nm;
		}
		return h;
	}

	/** The median of the 8 neighbours {@code step} pixels from pixel {@code i} of a map {@code w} wide. */
	private static double neighbourMedian(final float[] map, final int w, final int i, final int step,
		final boolean variance, final double[] nb)
	{
		int n = 0;
		for (int dy = -step; dy <= step; dy += step)
			for (int dx = -step; dx <= step; dx += step) {
				if (dx == 0 && dy == 0) continue;
				final double v = ReportImages.value(map, i + dy * w + dx, variance);
				if (!Double.isNaN(v)) nb[n++] = v;
			}
		if (n == 0) return Double.NaN;
		// at most 8 values: insertion sort
		for (int k = 1; k < n; k++) {
			final double v = nb[k];
			int j = k - 1;
			for (; j >= 0 && nb[j] > v; j--)
				nb[j + 1] = nb[j];
			nb[j + 1] = v;
		}
		return (n & 1) == 1 ? nb[n / 2] : (nb[n / 2 - 1] + nb[n / 2]) / 2;
	}

	/** Scales the differences by their robust spread and counts them into the bins. */
	private void add(final long[] counts, final double[] d, final int n) {
		if (n == 0) return;
		// the median and the median absolute deviation by selection (in float: for bins of half a
		// score)
		final float[] a = new float[n];
		for (int i = 0; i < n; i++)
			a[i] = (float) d[i];
		final double median = RobustStats.select(a, n, n / 2);
		float largest = 0;
		for (int i = 0; i < n; i++) {
			a[i] = (float) Math.abs(d[i] - median);
			largest = Math.max(largest, a[i]);
		}
		double scale = 1.4826 * RobustStats.select(a, n, n / 2);
		if (!(scale > 0)) scale = Math.max(1e-12, largest / 100);
		for (int i = 0; i < n; i++) {
			final double s = (d[i] - median) / scale;
			final int bin = (int) Math.floor((s + LIMIT) / BIN);
			counts[Math.max(0, Math.min(counts.length - 1, bin))]++;
		}
	}

	/** Number of sampled pixels whose score lies beyond {@code sigma} either way. */
	static long beyond(final long[] counts, final double sigma) {
		long n = 0;
		for (int b = 0; b < counts.length; b++) {
			final double lo = -LIMIT + b * BIN, hi = lo + BIN;
			if (hi <= -sigma || lo >= sigma) n += counts[b];
		}
		return n;
	}

	/**
	 * An inline SVG bar chart of the counts (log scale) with dashed lines at plus and minus
	 * {@code sigma}; {@code title} names the score.
	 */
	static String svg(final long[] counts, final double sigma, final String title) {
		final int width = 640, height = 200, left = 44, bottom = 26, top = 18;
		final double plotW = width - left - 10, plotH = height - bottom - top;
		long max = 1;
		for (final long c : counts)
			max = Math.max(max, c);
		final double logMax = Math.log10(max + 1);
		final StringBuilder sb = new StringBuilder(8192);
		sb.append("<svg class=\"hist\" viewBox=\"0 0 ").append(width).append(' ').append(height).append(
			"\" width=\"").append(width).append("\" height=\"").append(height).append(
				"\" role=\"img\"><title>").append(title).append("</title>");
		sb.append("<text x=\"").append(left).append("\" y=\"12\" class=\"ht\">").append(title).append(
			"</text>");
		final double barW = plotW / counts.length;
		for (int b = 0; b < counts.length; b++) {
			if (counts[b] == 0) continue;
			final double hgt = plotH * Math.log10(counts[b] + 1) / logMax;
			final double lo = -LIMIT + b * BIN;
			final boolean out = lo + BIN <= -sigma || lo >= sigma;
			sb.append(String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" class=\"%s\"><title>%s to %s: %d</title></rect>",
				left + b * barW, top + plotH - hgt, Math.max(0.5, barW - 0.3), hgt, out ? "bo" : "bi", fmt(
					lo), fmt(lo + BIN), counts[b]));
		}
		// axes, ticks and the threshold
		sb.append(String.format(Locale.ROOT,
			"<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/>", left, top + plotH,
			left + plotW, top + plotH));
		for (int t = (int) -LIMIT; t <= LIMIT; t += 10) {
			final double x = left + (t + LIMIT) / (2 * LIMIT) * plotW;
			sb.append(String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/><text x=\"%.1f\" y=\"%.1f\" class=\"tk\">%s%d</text>",
				x, top + plotH, x, top + plotH + 4, x, top + plotH + 16, t == -LIMIT ? "\u2264" : t == LIMIT
					? "\u2265" : "", t));
		}
		for (int e = 0; e <= (int) Math.floor(logMax); e++) {
			final double y = top + plotH - plotH * Math.log10(Math.pow(10, e) + 1) / logMax;
			sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tk ty\">1e%d</text>",
				left - 4, y + 4, e));
		}
		for (final double s : new double[]{ -sigma, sigma }) {
			final double x = left + (Math.max(-LIMIT, Math.min(LIMIT, s)) + LIMIT) / (2 * LIMIT) * plotW;
			sb.append(String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" class=\"th\"/><text x=\"%.1f\" y=\"%d\" class=\"tk tl\">%s%s</text>",
				x, top, x, top + plotH, x + 3, top + 10, s < 0 ? "\u2212" : "+", fmt(Math.abs(s))));
		}
		return sb.append("</svg>").toString();
	}

	private static String fmt(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}
}
