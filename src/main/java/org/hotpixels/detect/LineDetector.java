package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import net.imglib2.parallel.Parallelization;

/**
 * Finds column and row segments of one plane: runs of pixels in one column (row) whose means all
 * depart the same way from the columns (rows) beside them.
 * <p>
 * Each pixel's departure {@code mean - (left + right) / 2} (at the residual's reach; at the image
 * edge, from the line through the two pixels on one side) is divided by its temporal standard
 * error, then by the spread of such values in its 32x32 block (the 90% quantile of their
 * magnitude over 1.645, at least 1, so that the line itself, 1 in 16 of the sampled values,
 * does not count: a scene's texture, a dark frame's fixed pattern), turned into
 * a normal score with the tails of a t-statistic, freed of each column's own typical offset (a
 * sensor's fixed column pattern, capped so that a whole defective column keeps its excess) and
 * scaled for the correlation of neighbours along the line (a smooth scene's lines depart alike).
 * Along every column the run with the largest sum of {@code score - DRIFT} (Kadane's maximum
 * subarray; scores clipped, so that one hot pixel cannot make a line) is a segment if it is
 * {@link #MIN_LENGTH} pixels or longer, its median score is above the drift, its evidence
 * exceeds {@code sigma + 2} (pure noise reaches that about once in 10^12 runs), and the columns
 * beside it depart the other way by about half as much, as beside a defective column (beside a
 * scene's step edge one departs fully and the other not). The score of a segment is its summed
 * score over the square root of its length.
 */
final class LineDetector {

	/** Departure per pixel (in robust sigmas) that a run must exceed on average to grow. */
	static final double DRIFT = 1.5;
	/** Shortest segment: shorter runs are point defects. */
	static final int MIN_LENGTH = 5;
	/** Bounds of the neighbouring columns' departure, as a part of the line's (ideally 1/2). */
	static final double PROFILE_LOW = 0.15, PROFILE_HIGH = 0.85;
	/** Scores are clipped here for the run search: one pixel cannot make a line. */
	private static final double CLIP = DRIFT + 4;
	/** Lags over which the scores' correlation along a line is measured. */
	private static final int LAGS = 4;

	/** A segment in plane coordinates: along {@code line} (column or row), from start to end. */
	static final class Segment {

		final boolean column;
		final int line, start, end, peak;
		final double score;

		Segment(final boolean column, final int line, final int start, final int end, final int peak,
			final double score)
		{
			this.column = column;
			this.line = line;
			this.start = start;
			this.end = end;
			this.peak = peak;
			this.score = score;
		}

		int length() {
			return end - start + 1;
		}
	}

	/**
	 * One orientation of the plane: {@code lines} lines of {@code length} pixels; pixel {@code k}
	 * of line {@code l} is {@code l * lineStride + k * alongStride} of the row-major maps.
	 */
	private static final class Layout {

		final boolean column;
		final int lines, length, lineStride, alongStride;

		Layout(final boolean column, final int w, final int h) {
			this.column = column;
			lines = column ? w : h;
			length = column ? h : w;
			lineStride = column ? 1 : w;
			alongStride = column ? w : 1;
		}

		int index(final int line, final int k) {
			return line * lineStride + k * alongStride;
		}
	}

	private LineDetector() {}

	/** Column and row segments of the plane's mean map. */
	static List<Segment> find(final PlaneScores plane, final double sigma) {
		final int w = plane.width(), h = plane.height();
		final List<Segment> out = new ArrayList<>();
		final float[] z = new float[w * h];
		if (w >= 3 && h >= MIN_LENGTH) runs(plane, new Layout(true, w, h), z, sigma, out);
		if (h >= 3 && w >= MIN_LENGTH) runs(plane, new Layout(false, w, h), z, sigma, out);
		return out;
	}

	/**
	 * How far element {@code k} of the line {@code m[start + stride * j]}, {@code j < size},
	 * departs from the straight line through its neighbours {@code r} away on both sides; at the
	 * ends, from the line through the two on the one side (a scene's gradient at the image edge
	 * is no departure), scaled to the same noise.
	 */
	static float departure(final float[] m, final int start, final int stride, final int k,
		final int size, final int r)
	{
		final float v = m[start + stride * k];
		if (k - r >= 0 && k + r < size) return v - 0.5f * (m[start + stride * (k - r)] + m[start +
			stride * (k + r)]);
		// scaled to the noise of the two-sided form (variance 1.5 times a pixel's)
		final int d = k - r >= 0 ? -r : r;
		final int near = k + d, far = k + 2 * d;
		if (far < 0 || far >= size) return near >= 0 && near < size ? 0.866f * (v - m[start + stride *
			near]) : 0;
		return 0.5f * (v - (2 * m[start + stride * near] - m[start + stride * far]));
	}

	/** The departures across the lines of one orientation, computed where asked for. */
	private static final class Departures {

		final float[] m;
		final int w, h, r;
		final boolean column;

		Departures(final float[] m, final int w, final int h, final int r, final boolean column) {
			this.m = m;
			this.w = w;
			this.h = h;
			this.r = r;
			this.column = column;
		}

		/** The departure of pixel {@code k} of line {@code line} ({@link #departure}). */
		float at(final int line, final int k) {
			return column ? departure(m, k * w, 1, line, w, r) : departure(m, k, w, line, h, r);
		}
	}

	/** Runs {@code body} for every index below {@code n}, in chunks on ImgLib2's threads. */
	private static void parallel(final int n, final IntConsumer body) {
		final List<int[]> chunks = new ArrayList<>();
		final int chunk = Math.max(1, (n + 15) / 16);
		for (int from = 0; from < n; from += chunk)
			chunks.add(new int[]{ from, Math.min(n, from + chunk) });
		Parallelization.getTaskExecutor().forEach(chunks, c -> {
			for (int i = c[0]; i < c[1]; i++)
				body.accept(i);
		});
	}

	private static void runs(final PlaneScores plane, final Layout o, final float[] z,
		final double sigma, final List<Segment> out)
	{
		final float[] m = plane.meanMap(), e = plane.errorMap();
		final int r = plane.reach(), w = plane.width(), h = plane.height();
		// departures across the lines over their temporal errors (row by row of the plane); the
		// departures themselves are looked at again only along the few segments found
		parallel(h, y -> {
			final int row = y * w;
			if (o.column) {
				for (int x = 0; x < Math.min(w, r); x++)
					z[row + x] = departure(m, row, 1, x, w, r) / e[row + x];
				for (int x = r; x < w - r; x++)
					z[row + x] = (m[row + x] - 0.5f * (m[row + x - r] + m[row + x + r])) / e[row + x];
				for (int x = Math.max(r, w - r); x < w; x++)
					z[row + x] = departure(m, row, 1, x, w, r) / e[row + x];
			}
			else if (y >= r && y < h - r) for (int x = 0; x < w; x++)
				z[row + x] = (m[row + x] - 0.5f * (m[row + x - r * w] + m[row + x + r * w])) / e[row + x];
			else for (int x = 0; x < w; x++)
				z[row + x] = departure(m, x, w, y, h, r) / e[row + x];
		});
		final Departures across = new Departures(m, w, h, r, o.column);
		localScores(z, plane, plane.frames() - 1);
		// each line's own offset (a sensor's fixed pattern): clipped means, capped at 3 spreads
		final float[] offset = new float[o.lines];
		forEachLineChunk(o, (first, last) -> {
			// along the chunk's lines side by side: independent sums in the inner loop
			final double[] sum = new double[last - first];
			for (int k = 0; k < o.length; k++) {
				final int base = o.index(first, k);
				for (int j = 0; j < sum.length; j++) {
					// clipped at 3 by comparisons: Math.min and max on floats cost several times more
					final float v = z[base + j * o.lineStride];
					sum[j] += v > 3 ? 3 : v < -3 ? -3 : v;
				}
			}
			for (int l = first; l < last; l++)
				offset[l] = (float) (sum[l - first] / o.length);
		});
		final double middle = median(offset);
		final double cap = 3 * spread(centred(offset, middle));
		for (int l = 0; l < o.lines; l++)
			offset[l] = (float) (middle + Math.max(-cap, Math.min(cap, offset[l] - middle)));
		final double scale = 1 / Math.sqrt(varianceFactor(z, o, offset));
		final List<int[]> found = new ArrayList<>();
		forEachLineChunk(o, (first, last) -> {
			final int[][][] runs = bestRuns(z, o, first, last, offset, scale);
			for (int s = 0; s < 2; s++)
				for (int l = first; l < last; l++) {
					final int[] run = runs[s][l - first];
					if (run == null || run[1] - run[0] + 1 < MIN_LENGTH) continue;
					final int[] segment = check(z, across, o, l, run, s == 0 ? 1 : -1, offset[l], scale,
						sigma, r);
					if (segment != null) synchronized (found) {
						found.add(segment);
					}
				}
		});
		for (final int[] s : found)
			out.add(new Segment(o.column, s[0], s[1], s[2], s[3], Float.intBitsToFloat(s[4])));
	}

	/** Runs {@code body} on chunks {@code [first, last)} of the lines, on ImgLib2's threads. */
	private static void forEachLineChunk(final Layout o, final LineChunk body) {
		final int chunk = Math.max(1, Math.min(256, (o.lines + 15) / 16));
		final List<int[]> chunks = new ArrayList<>();
		for (int first = 0; first < o.lines; first += chunk)
			chunks.add(new int[]{ first, Math.min(o.lines, first + chunk) });
		Parallelization.getTaskExecutor().forEach(chunks, c -> body.run(c[0], c[1]));
	}

	private interface LineChunk {

		void run(int first, int last);
	}

	/**
	 * Kadane's maximum subarray of {@code min(CLIP, sign * score) - DRIFT} along each line of
	 * {@code [first, last)}, for both signs in one sweep, along the chunk's lines side by side (the
	 * inner loop runs over independent lines; for columns memory is read in order, for rows the
	 * chunk's few cache lines per step stay in the cache): per sign (hot first) and line {start,
	 * end, evidence as float bits}, or null if nothing is positive.
	 */
	private static int[][][] bestRuns(final float[] z, final Layout o, final int first,
		final int last, final float[] offset, final double scale)
	{
		final int n = last - first;
		final Kadane up = new Kadane(n), down = new Kadane(n);
		for (int k = 0; k < o.length; k++) {
			final int base = o.index(first, k);
			for (int j = 0; j < n; j++) {
				final double v = (z[base + j * o.lineStride] - offset[first + j]) * scale;
				// the common case: nothing to add on either side, and no run going on
				if (Math.abs(v) <= DRIFT && up.current[j] <= 0 && down.current[j] <= 0) continue;
				up.add(j, k, Math.min(CLIP, v) - DRIFT);
				down.add(j, k, Math.min(CLIP, -v) - DRIFT);
			}
		}
		return new int[][][]{ up.runs(), down.runs() };
	}

	/** Running state of Kadane's maximum subarray for each of a chunk's lines. */
	private static final class Kadane {

		final double[] current, best;
		final int[] currentStart, bestStart, bestEnd;

		Kadane(final int n) {
			current = new double[n];
			best = new double[n];
			currentStart = new int[n];
			bestStart = new int[n];
			bestEnd = new int[n];
			java.util.Arrays.fill(bestEnd, -1);
		}

		/**
		 * Adds {@code v} to the run of line {@code j}. A run at or below zero restarts at the next
		 * value (its current value then no longer matters), so a value at or below zero added to
		 * it may be skipped.
		 */
		void add(final int j, final int k, final double v) {
			if (current[j] <= 0) {
				current[j] = v;
				currentStart[j] = k;
			}
			else current[j] += v;
			if (current[j] > best[j]) {
				best[j] = current[j];
				bestStart[j] = currentStart[j];
				bestEnd[j] = k;
			}
		}

		int[][] runs() {
			final int[][] out = new int[best.length][];
			for (int j = 0; j < out.length; j++)
				if (bestEnd[j] >= 0) out[j] = new int[]{ bestStart[j], bestEnd[j], Float.floatToIntBits(
					(float) best[j]) };
			return out;
		}
	}

	/** The segment {line, start, end, peak, score bits} if the run passes every test, else null. */
	private static int[] check(final float[] z, final Departures across, final Layout o, final int l,
		final int[] run, final int sign, final float offset, final double scale, final double sigma,
		final int reach)
	{
		if (Float.intBitsToFloat(run[2]) < sigma + 2) return null;
		final int from = run[0], to = run[1], length = to - from + 1;
		final float[] values = new float[length];
		double sum = 0;
		int peak = from;
		for (int k = from; k <= to; k++) {
			final float v = (float) (sign * (z[o.index(l, k)] - offset) * scale);
			values[k - from] = v;
			sum += v;
			if (v > values[peak - from]) peak = k;
		}
		if (RobustStats.median(values, length) < DRIFT || !lineProfile(across, o, l, from, to, reach))
			return null;
		return new int[]{ l, from, to, peak, Float.floatToIntBits((float) (sign * sum / Math.sqrt(
			length))) };
	}

	/**
	 * True if the lines beside line {@code l} (at the residual's reach) both depart the opposite
	 * way by about half as much over the segment, as they do beside a defective column.
	 */
	private static boolean lineProfile(final Departures across, final Layout o, final int l,
		final int from, final int to, final int reach)
	{
		if (l - reach < 0 || l + reach >= o.lines) return edgeProfile(across, o, l, from, to, reach);
		double centre = 0, left = 0, right = 0;
		for (int k = from; k <= to; k++) {
			centre += across.at(l, k);
			left += across.at(l - reach, k);
			right += across.at(l + reach, k);
		}
		final double a = left / centre, b = right / centre;
		return a <= -PROFILE_LOW && a >= -PROFILE_HIGH && b <= -PROFILE_LOW && b >= -PROFILE_HIGH;
	}

	/**
	 * {@link #lineProfile} for a line at the image edge, where one side is unknown: the line
	 * inside departs the other way by about half as much, and the next one barely (beside a
	 * scene's edge one pixel in from the border it departs the same way by half).
	 */
	private static boolean edgeProfile(final Departures across, final Layout o, final int l,
		final int from, final int to, final int reach)
	{
		final int inward = l - reach < 0 ? reach : -reach;
		final int near = l + inward, far = l + 2 * inward;
		if (near < 0 || near >= o.lines || far < 0 || far >= o.lines) return true;
		double centre = 0, first = 0, second = 0;
		for (int k = from; k <= to; k++) {
			centre += across.at(l, k);
			first += across.at(near, k);
			second += across.at(far, k);
		}
		final double a = first / centre, b = second / centre;
		return a <= -PROFILE_LOW && a >= -PROFILE_HIGH && Math.abs(b) <= 2 * PROFILE_LOW;
	}

	/**
	 * Turns departures over their errors into local scores in place: over the spread in their
	 * 32x32 block (the 90% quantile of their magnitude over 1.645, at least 1), then normal scores
	 * with the tails of a t-statistic (only beyond the drift, where it matters).
	 */
	private static void localScores(final float[] u, final PlaneScores plane, final double dof) {
		final int w = plane.width(), h = plane.height(), block = PlaneScores.BLOCK;
		final int bx = (w + block - 1) / block, by = (h + block - 1) / block;
		final float[] spread = new float[bx * by];
		parallel(spread.length, b -> {
			final float[] buffer = new float[block * block / 4];
			final int x0 = (b % bx) * block, y0 = (b / bx) * block;
			final int stride = w >= 2 * block && h >= 2 * block ? 2 : 1;
			int n = 0;
			for (int y = y0; y < Math.min(h, y0 + block); y += stride)
				for (int x = x0; x < Math.min(w, x0 + block); x += stride) {
					final float v = u[y * w + x];
					if (Float.isFinite(v) && n < buffer.length) buffer[n++] = Math.abs(v);
				}
			spread[b] = n == 0 ? 1 : (float) Math.max(1, RobustStats.select(buffer, n, (int) (0.90 * (n -
				1))) / 1.645);
		});
		parallel(h, y -> {
			final int row = y * w;
			for (int b = 0; b < bx; b++) {
				// one spread, and so one dof, per block
				final float s = spread[(y / block) * bx + b];
				final double blockDof = dof * s * s;
				final boolean plain = !(blockDof > 0) || Double.isInfinite(blockDof) || blockDof > 1e7;
				final double tail = RobustStats.tailFactor(blockDof);
				final int from = row + b * block, to = row + Math.min(w, (b + 1) * block);
				// the divisions alone first, which C2 turns into SIMD code
				for (int i = from; i < to; i++)
					u[i] /= s;
				for (int i = from; i < to; i++) {
					final float v = u[i];
					if (!Float.isFinite(v)) u[i] = 0;
					else if (!plain && Math.abs(v) > DRIFT) u[i] = (float) RobustStats.fastTToZ(v, blockDof,
						tail);
				}
			}
		});
	}

	/**
	 * The factor by which the variance of a sum of n consecutive scores along a line exceeds n
	 * times their variance: 1 + 2 times the sum of their correlations at lags 1 to {@link #LAGS}
	 * (from clipped values of 64 evenly spaced lines, so that defects do not count), at least 1.
	 */
	static double varianceFactor(final float[] z, final Layout o, final float[] offset) {
		final double[] products = new double[LAGS + 1];
		final int stride = Math.max(1, o.lines / 64);
		final double[] clipped = new double[o.length];
		for (int l = 0; l < o.lines; l += stride) {
			for (int k = 0; k < o.length; k++)
				clipped[k] = clip(z[o.index(l, k)] - offset[l]);
			for (int k = 0; k + LAGS < o.length; k++) {
				final double a = clipped[k];
				for (int j = 0; j <= LAGS; j++)
					products[j] += a * clipped[k + j];
			}
		}
		if (!(products[0] > 0)) return 1;
		double factor = 1;
		for (int k = 1; k <= LAGS; k++)
			factor += 2 * Math.max(0, products[k] / products[0]);
		return factor;
	}

	private static double clip(final double v) {
		return Math.max(-4, Math.min(4, v));
	}

	/** Robust spread about zero, never zero (a flat map gets a tiny unit). */
	private static double spread(final float[] values) {
		final double s = RobustStats.sigmaOfCentredCopy(values);
		return Double.isNaN(s) || s <= 0 ? 1e-6 : s;
	}

	private static float median(final float[] values) {
		final float[] copy = values.clone();
		return RobustStats.median(copy, copy.length);
	}

	private static float[] centred(final float[] values, final double middle) {
		final float[] out = new float[values.length];
		for (int i = 0; i < values.length; i++)
			out[i] = (float) (values[i] - middle);
		return out;
	}
}
