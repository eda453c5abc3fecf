package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.progress.Progress;

/**
 * A plane of dark frames seen as an astronomer sees its master dark (the mean of the frames):
 * nothing but a pixel-independent pattern over a smooth level, so each pixel's mean is compared
 * with the mean of its 24 nearest same-plane means (outliers left out), after the sensor's column and row offsets
 * are taken off, in units of the local spread of such departures. Built only for a plane whose
 * scene is fixed and whose departures do not correlate from pixel to pixel (a dark, not a
 * time-lapse of a textured field); {@link #of} says null otherwise.
 * <p>
 * Why not the streaming pass's residual against four neighbours: its level carries the four
 * neighbours' noise (a quarter of the pixel's own variance) and, on a sensor with column offsets,
 * two other columns' offsets; the mean of 24 carries a twenty-fourth, and the offsets are measured
 * over whole columns and rows.
 * <p>
 * The upper and lower tails of the plane's own departures ({@link #tailCount}) tell how many
 * normal pixels lie beyond a threshold: dark-current non-uniformity is lognormal, so the upper
 * tail is heavier than the lower one and than a Gaussian's.
 */
final class MasterDark {

	/** A plane counts as a dark where at least this part of its pixels sees a fixed scene. */
	static final double FIXED_SHARE = 0.95;
	/**
	 * Largest correlation of the departures of neighbouring pixels for a dark: a pixel-independent
	 * pattern gives about -0.05 (each pixel is in the other's median), a scene drawn by optics
	 * correlates positively.
	 */
	static final double WHITE_LIMIT = 0.15;
	/** Survival probabilities between which a tail is fitted ({@link #tailCount}). */
	static final double TAIL_FROM = 3e-2, TAIL_TO = 3e-4;
	/** Scores from which a pixel may be a point of a line segment, left out of the tail's fit. */
	static final double LINE_SCREEN = 2;
	/** Fewest pixels beyond the far end of the fitted part of a tail. */
	static final int TAIL_PIXELS = 30;
	/** Departures beyond this many robust spreads are left out of their neighbours' local level. */
	static final double OUTLIER = 4;
	/**
	 * Largest local spread, in typical (median) block spreads, where the plane's fitted tail
	 * ({@link #tailCount}) holds: a region whose pattern spreads far more than the rest (amplifier
	 * glow, where dark-current non-uniformity is a share of a larger current) has a heavier tail
	 * of its own.
	 */
	static final double TYPICAL_SPREAD = 1.25;

	private final PlaneScores plane;
	private final int pw, ph, blocksX, blocksY;
	private final float[] column, row, departure, blockSpread, upperSpread, lowerSpread;
	/** Tail models z = a + b g + c g^2 (g: the normal quantile of the survival), upper and lower. */
	private final double[] upperTail, lowerTail;
	private final int count;
	/** Each pixel's departure over the local spread of its side ({@link #score}). */
	private final float[] scores;
	/**
	 * For each plane column, the block column whose centre is on its left (or its own at the
	 * edges) and the weight of the next one in the bilinear interpolation of {@link #scoreRow}.
	 */
	private final int[] blockLeft;
	private final double[] blockWeight;
	/** Per-thread scratch of {@link #spreadOfBlock}: a block's values and their two sides. */
	private static final ThreadLocal<float[][]> BLOCK_SCRATCH = ThreadLocal.withInitial(
		() -> new float[3][PlaneScores.BLOCK * PlaneScores.BLOCK]);
	/** The median of the block spreads. */
	private final double typicalBlockSpread;

	private MasterDark(final PlaneScores plane, final double sigma, final Progress progress) {
		this.plane = plane;
		pw = plane.width();
		ph = plane.height();
		column = new float[pw];
		row = new float[ph];
		departure = new float[pw * ph];
		// column and row offsets from every 4th pixel along them, twice
		for (int pass = 0; pass < 2; pass++)
			addLineOffsets(progress);
		departures(progress, true);
		blocksX = (pw + PlaneScores.BLOCK - 1) / PlaneScores.BLOCK;
		blocksY = (ph + PlaneScores.BLOCK - 1) / PlaneScores.BLOCK;
		blockSpread = new float[blocksX * blocksY];
		upperSpread = new float[blocksX * blocksY];
		lowerSpread = new float[blocksX * blocksY];
		final List<Integer> blocks = new ArrayList<>();
		for (int b = 0; b < blocksX * blocksY; b++)
			blocks.add(b);
		Parallelization.getTaskExecutor().forEach(blocks, b -> spreadOfBlock(b % blocksX, b / blocksX));
		typicalBlockSpread = PlaneScores.quantile(blockSpread.clone(), 0.5);
		scores = new float[pw * ph];
		blockLeft = new int[pw];
		blockWeight = new double[pw];
		for (int px = 0; px < pw; px++) {
			final double fx = blockPosition(px, blocksX);
			blockLeft[px] = (int) fx;
			blockWeight[px] = fx - blockLeft[px];
		}
		final List<Integer> rows = new ArrayList<>();
		for (int py = 0; py < ph; py++)
			rows.add(py);
		Parallelization.getTaskExecutor().forEach(rows, this::scoreRow);
		// the population's tail, without the points of column and row segments (a 256-pixel segment
		// at +4 sigma would be most of the fitted tail's far end)
		final TailPopulation population = new TailPopulation(sigma);
		count = population.count;
		// the two tails side by side
		final List<double[]> tails = Parallelization.getTaskExecutor().forEachApply(Arrays.asList(1,
			-1), sign -> fitTail(population, sign));
		upperTail = tails.get(0);
		lowerTail = tails.get(1);
	}

	/** The master-dark view of {@code plane}, or null where the plane is not a dark. */
	static MasterDark of(final PlaneScores plane, final double sigma, final Progress progress) {
		if (plane.width() < 2 * PlaneScores.BLOCK || plane.height() < 2 * PlaneScores.BLOCK || plane
			.fixedShare() < FIXED_SHARE) return null;
		final MasterDark dark = new MasterDark(plane, sigma, progress);
		return dark.correlation() <= WHITE_LIMIT && dark.count >= TAIL_PIXELS / TAIL_TO ? dark : null;
	}

	/** The departure of (px, py) from its local level over the local spread of departures. */
	float score(final int px, final int py) {
		return scores[py * pw + px];
	}

	/**
	 * Fills row {@code py} of {@link #scores}: each departure over its side's spread, interpolated
	 * bilinearly between block centres (the two block rows blended once for the whole row).
	 */
	private void scoreRow(final int py) {
		final double fy = blockPosition(py, blocksY);
		final int y0 = (int) fy, y1 = Math.min(blocksY - 1, y0 + 1);
		final double ay = fy - y0;
		final double[] up = new double[blocksX], down = new double[blocksX];
		for (int bx = 0; bx < blocksX; bx++) {
			up[bx] = (1 - ay) * upperSpread[y0 * blocksX + bx] + ay * upperSpread[y1 * blocksX + bx];
			down[bx] = (1 - ay) * lowerSpread[y0 * blocksX + bx] + ay * lowerSpread[y1 * blocksX + bx];
		}
		for (int px = 0; px < pw; px++) {
			final int x0 = blockLeft[px], x1 = Math.min(blocksX - 1, x0 + 1);
			final double ax = blockWeight[px];
			final float d = departure[py * pw + px];
			final double[] side = d >= 0 ? up : down;
			scores[py * pw + px] = (float) (d / ((1 - ax) * side[x0] + ax * side[x1]));
		}
	}

	/**
	 * How many normal pixels of the plane the fitted tail of its departures puts at or beyond
	 * {@code z} ({@code sign} 1: above, -1: below -z): a line through the tail's quantiles against
	 * the normal ones (and their square, for a skewed population), so a heavy or skewed tail
	 * predicts more than a Gaussian would.
	 */
	double tailCount(final double z, final int sign) {
		final double[] c = sign > 0 ? upperTail : lowerTail;
		if (c == null) return Double.POSITIVE_INFINITY;
		// the normal quantile g whose fitted score is z (the fit rises over the range used)
		double lo = 0, hi = 40;
		if (value(c, hi) < z) return 0;
		for (int k = 0; k < 60; k++) {
			final double g = 0.5 * (lo + hi);
			if (value(c, g) < z) lo = g;
			else hi = g;
		}
		return count * ChiSquare.upperNormalTail(0.5 * (lo + hi));
	}

	private static double value(final double[] c, final double g) {
		return c[0] + c[1] * g + c[2] * Math.max(0, g) * g;
	}

	/**
	 * The scores that tell the plane's normal population: finite, and not points of column or row
	 * segments; counted in bands of rows on ImgLib2's threads, the few segment points kept aside.
	 */
	private final class TailPopulation {

		/** Scores of the population: all of them, and above -sigma and below sigma. */
		final int count, belowSigma, aboveMinusSigma;
		private final double sigma;
		/** Segment points (|score| of {@link #LINE_SCREEN} or more, on a line): not counted. */
		private final java.util.BitSet onLines = new java.util.BitSet(pw * ph);
		private final List<int[]> bands = new ArrayList<>();

		TailPopulation(final double sigma) {
			this.sigma = sigma;
			for (int y = 0; y < ph; y += 64)
				bands.add(new int[]{ y, Math.min(ph, y + 64) });
			final List<BandCounts> found = Parallelization.getTaskExecutor().forEachApply(bands, band -> {
				final BandCounts c = new BandCounts();
				for (int y = band[0]; y < band[1]; y++)
					for (int x = 0; x < pw; x++) {
						final float z = scores[y * pw + x];
						if (!Float.isFinite(z)) continue;
						if (Math.abs(z) >= LINE_SCREEN && onLine(x, y, DefectDetector.LINE_LEVEL)) c.linePoints
							.add(y * pw + x);
						else {
							c.count++;
							if (z < sigma) c.below++;
							if (-z < sigma) c.above++;
						}
					}
				return c;
			});
			int n = 0, below = 0, above = 0;
			for (final BandCounts c : found) {
				n += c.count;
				below += c.below;
				above += c.above;
				for (final int i : c.linePoints)
					onLines.set(i);
			}
			count = n;
			belowSigma = below;
			aboveMinusSigma = above;
		}

		/** One band's population (all, below sigma, above -sigma) and segment points. */
		private final class BandCounts {

			int count, below, above;
			final List<Integer> linePoints = new ArrayList<>();
		}

		/** How many of {@code sign} times the population's scores are below sigma. */
		int below(final int sign) {
			return sign > 0 ? belowSigma : aboveMinusSigma;
		}

		boolean counts(final int i) {
			return Float.isFinite(scores[i]) && !onLines.get(i);
		}

		/** {@code sign} times the population's scores from {@code cut} up to (not at) sigma. */
		float[] side(final int sign, final double cut) {
			final List<float[]> parts = Parallelization.getTaskExecutor().forEachApply(bands, band -> {
				float[] values = new float[256];
				int n = 0;
				for (int i = band[0] * pw; i < band[1] * pw; i++) {
					final float v = sign * scores[i];
					if (v >= cut && v < sigma && v > Float.NEGATIVE_INFINITY && !onLines.get(i)) {
						if (n == values.length) values = java.util.Arrays.copyOf(values, 2 * n);
						values[n++] = v;
					}
				}
				return java.util.Arrays.copyOf(values, n);
			});
			int n = 0;
			for (final float[] part : parts)
				n += part.length;
			final float[] values = new float[n];
			n = 0;
			for (final float[] part : parts) {
				System.arraycopy(part, 0, values, n, part.length);
				n += part.length;
			}
			return values;
		}
	}

	/**
	 * Fits z = a + b g + c g^2 through the tail's quantiles at survival probabilities from
	 * {@link #TAIL_FROM} to {@link #TAIL_TO} (g their normal quantiles), the scores beyond the
	 * threshold's reach left out (they are defects); null when the plane is too small. The fit is
	 * made monotone (c at least -b / (2 g) at the far end).
	 */
	private double[] fitTail(final TailPopulation population, final int sign) {
		final int n = population.count;
		final int points = 10;
		final double[] g = new double[points], q = new double[points];
		final double to = Math.max(TAIL_TO, TAIL_PIXELS / (double) n);
		if (to >= TAIL_FROM / 3) return null;
		final int m = population.below(sign);
		// the tail's quantiles are among the few values above a cut that an even sample places
		// below the first of them: selections there, not among all values (the whole side if the
		// cut misses)
		final int first = tailIndex(TAIL_FROM, n, m);
		final int stride = Math.max(1, scores.length / PlaneScores.SAMPLE);
		final float[] sample = new float[(scores.length + stride - 1) / stride];
		int s = 0;
		for (int i = 0; i < scores.length; i += stride)
			if (sign * scores[i] < population.sigma && population.counts(i)) sample[s++] = sign *
				scores[i];
		final float cut = s == 0 ? Float.NEGATIVE_INFINITY : RobustStats.select(sample, s, (int) Math
			.max(0, Math.floor(s * (1 - 2 * TAIL_FROM * n / m))));
		float[] top = population.side(sign, cut);
		int offset = m - top.length; // values below the cut
		if (offset > first) {
			top = population.side(sign, Double.NEGATIVE_INFINITY);
			offset = 0;
		}
		// the quantiles in rising order, each selected among the values above the one before
		int from = 0;
		for (int k = 0; k < points; k++) {
			final double p = TAIL_FROM * Math.pow(to / TAIL_FROM, k / (points - 1.0));
			g[k] = normalQuantile(p);
			// p n normal pixels above: the ones beyond sigma are defects, left out
			final int index = tailIndex(p, n, m) - offset;
			q[k] = index < from ? q[k - 1] : RobustStats.selectFrom(top, from, top.length, index - from);
			from = Math.max(from, index + 1);
		}
		return quadraticFit(g, q);
	}

	/** Index in the sorted order of {@code m} values of the one with {@code p n} above it. */
	private static int tailIndex(final double p, final int n, final int m) {
		return (int) Math.max(0, Math.min(m - 1, Math.floor(m - p * n)));
	}

	/** Least squares a + b g + c g^2. */
	private static double[] quadraticFit(final double[] g, final double[] q) {
		final double[][] a = new double[3][4];
		for (int k = 0; k < g.length; k++) {
			final double[] basis = { 1, g[k], g[k] * g[k] };
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++)
					a[i][j] += basis[i] * basis[j];
				a[i][3] += basis[i] * q[k];
			}
		}
		for (int i = 0; i < 3; i++) {
			int pivot = i;
			for (int r = i + 1; r < 3; r++)
				if (Math.abs(a[r][i]) > Math.abs(a[pivot][i])) pivot = r;
			final double[] t = a[i];
			a[i] = a[pivot];
			a[pivot] = t;
			for (int r = 0; r < 3; r++)
				if (r != i) {
					final double f = a[r][i] / a[i][i];
					for (int c = i; c < 4; c++)
						a[r][c] -= f * a[i][c];
				}
		}
		final double[] c = { a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2] };
		final double far = g[g.length - 1];
		if (c[1] + 2 * c[2] * far <= 0) return null;
		return c;
	}

	/** The upper normal quantile of survival probability {@code p} (bisection). */
	static double normalQuantile(final double p) {
		double lo = -10, hi = 40;
		for (int k = 0; k < 100; k++) {
			final double z = 0.5 * (lo + hi);
			if (ChiSquare.upperNormalTail(z) > p) lo = z;
			else hi = z;
		}
		return 0.5 * (lo + hi);
	}

	/**
	 * True if the pixels two above and two below (or two left and two right) of (px, py) depart
	 * the same way by {@code level} local spreads or more (their median): a point of a column or
	 * row segment, which is {@link LineDetector}'s to report once, not pixel by pixel.
	 */
	boolean onLine(final int px, final int py, final double level) {
		final float z = score(px, py);
		return Math.signum(z) * along(px, py, 0, 1) >= level || Math.signum(z) * along(px, py, 1,
			0) >= level;
	}

	private double along(final int px, final int py, final int dx, final int dy) {
		// the median of the (up to four) scored ones without an array or a sort: of four, the mean
		// of the second smallest and the second largest
		float low = Float.POSITIVE_INFINITY, second = Float.POSITIVE_INFINITY;
		float high = Float.NEGATIVE_INFINITY, third = Float.NEGATIVE_INFINITY;
		int n = 0;
		for (int k = -2; k <= 2; k++) {
			final int x = px + k * dx, y = py + k * dy;
			if (k == 0 || x < 0 || y < 0 || x >= pw || y >= ph) continue;
			final float v = score(x, y);
			if (v != v) continue; // no score there
			n++;
			if (v < low) {
				second = low;
				low = v;
			}
			else if (v < second) second = v;
			if (v > high) {
				third = high;
				high = v;
			}
			else if (v > third) third = v;
		}
		switch (n) {
			case 0 :
				return 0;
			case 1 :
				return low;
			case 2 :
				return (low + high) / 2;
			case 3 :
				return second;
			default :
				return (second + third) / 2;
		}
	}

	/**
	 * True where the local spread of departures is within {@link #TYPICAL_SPREAD} of the typical
	 * block's, so that the plane's tail model applies.
	 */
	boolean typicalSpread(final int px, final int py) {
		return spreadAt(px, py) <= TYPICAL_SPREAD * typicalBlockSpread;
	}

	/**
	 * The local spread of departures at (px, py), both sides together: the block spreads
	 * interpolated bilinearly between block centres.
	 */
	double spreadAt(final int px, final int py) {
		return spread(px, py, blockSpread);
	}

	private double spread(final int px, final int py, final float[] blockSpread) {
		final double fx = blockPosition(px, blocksX), fy = blockPosition(py, blocksY);
		final int x0 = (int) fx, y0 = (int) fy;
		return interpolate(blockSpread, y0, fy - y0, x0, fx - x0);
	}

	/**
	 * Bilinear interpolation of per-block values between the block centres at block row
	 * {@code y0} and the next one (weight {@code ay}) and block column {@code x0} and the next one
	 * (weight {@code ax}), clamped at the last.
	 */
	private double interpolate(final float[] perBlock, final int y0, final double ay, final int x0,
		final double ax)
	{
		final int x1 = Math.min(blocksX - 1, x0 + 1), y1 = Math.min(blocksY - 1, y0 + 1);
		return (1 - ay) * ((1 - ax) * perBlock[y0 * blocksX + x0] + ax * perBlock[y0 * blocksX + x1]) +
			ay * ((1 - ax) * perBlock[y1 * blocksX + x0] + ax * perBlock[y1 * blocksX + x1]);
	}

	/**
	 * Where plane column (row) {@code p} lies among the centres of {@code blocks} block columns
	 * (rows): the index of the one on its left and, as the fraction, the weight of the next one
	 * (clamped at the first and last centre).
	 */
	private static double blockPosition(final int p, final int blocks) {
		return Math.max(0, Math.min(blocks - 1, (p + 0.5) / PlaneScores.BLOCK - 0.5));
	}

	/**
	 * Robust spread (1.4826 MAD about the median) of the departures of one block, and of its
	 * upper and lower halves (1.4826 times the median distance from the median on each side).
	 */
	private void spreadOfBlock(final int bx, final int by) {
		final int b = PlaneScores.BLOCK, i = by * blocksX + bx;
		final float[][] scratch = BLOCK_SCRATCH.get();
		final float[] values = scratch[0], up = scratch[1], down = scratch[2];
		int n = 0;
		for (int y = by * b; y < Math.min(ph, (by + 1) * b); y++)
			for (int x = bx * b; x < Math.min(pw, (bx + 1) * b); x++) {
				final float v = departure[y * pw + x];
				if (Float.isFinite(v)) values[n++] = v;
			}
		if (n < 8) {
			blockSpread[i] = upperSpread[i] = lowerSpread[i] = Float.NaN;
			return;
		}
		final float centre = RobustStats.median(values, n);
		// the selection left the first half at or below the centre and the rest at or above it:
		// each side's distances come from its own half, in their order (written every time,
		// kept where they count: no branch to mispredict)
		final int half = n >> 1;
		int u = 0, d = 0;
		for (int k = 0; k < half; k++) {
			final float distance = values[k] - centre;
			down[d] = -distance;
			d += distance < 0 ? 1 : 0;
			values[k] = Math.abs(distance);
		}
		for (int k = half; k < n; k++) {
			final float distance = values[k] - centre;
			up[u] = distance;
			u += distance > 0 ? 1 : 0;
			values[k] = Math.abs(distance);
		}
		final float upper = RobustStats.median(up, u), lower = RobustStats.median(down, d);
		blockSpread[i] = Math.max((float) (RobustStats.MAD_TO_SIGMA * medianBetween(values, n, Math.min(
			upper, lower), Math.max(upper, lower), up)), Float.MIN_NORMAL);
		upperSpread[i] = u < 4 ? blockSpread[i] : Math.max((float) (RobustStats.MAD_TO_SIGMA * upper),
			Float.MIN_NORMAL);
		lowerSpread[i] = d < 4 ? blockSpread[i] : Math.max((float) (RobustStats.MAD_TO_SIGMA * lower),
			Float.MIN_NORMAL);
	}

	/**
	 * The median of {@code values[0..n)} where it lies between {@code low} and {@code high} (as
	 * the median of all distances from the median lies between those of each side): selected
	 * among the values in that range only, the ones below counted; among all where it does not
	 * lie there or a bound is NaN. Reorders {@code values}; {@code range} (n long) is scratch.
	 */
	static float medianBetween(final float[] values, final int n, final float low, final float high,
		final float[] range)
	{
		final int k = n >> 1;
		int below = 0, m = 0;
		float largestBelow = Float.NEGATIVE_INFINITY;
		for (int j = 0; j < n; j++) {
			// without branches: the values come in no order
			final float v = values[j];
			final boolean isBelow = v < low;
			below += isBelow ? 1 : 0;
			largestBelow = RobustStats.max(largestBelow, isBelow ? v : Float.NEGATIVE_INFINITY);
			range[m] = v;
			m += !isBelow && v <= high ? 1 : 0;
		}
		if (!(below <= k && k < below + m)) return RobustStats.median(values, n);
		final float upper = RobustStats.select(range, m, k - below);
		if ((n & 1) == 1) return upper;
		float lower = largestBelow; // the (k-1)-th: the largest below the range, or in it
		for (int j = 0; j < k - below; j++)
			lower = RobustStats.max(lower, range[j]);
		return (lower + upper) / 2;
	}

	/**
	 * Correlation of the departures of horizontally and vertically adjacent pixels (every 4th
	 * row and column), each clipped at four local spreads.
	 */
	private double correlation() {
		double products = 0, squares = 0;
		for (int py = 0; py + 1 < ph; py += 4) {
			// spreadAt(px, py), its row's part once
			final double fy = blockPosition(py, blocksY);
			final int y0 = (int) fy;
			final double ay = fy - y0;
			for (int px = 0; px + 1 < pw; px += 4) {
				final double s = 4 * interpolate(blockSpread, y0, ay, blockLeft[px], blockWeight[px]);
				final double a = clip(departure[py * pw + px], s);
				final double r = clip(departure[py * pw + px + 1], s);
				final double d = clip(departure[(py + 1) * pw + px], s);
				if (Double.isNaN(a + r + d)) continue;
				products += a * r + a * d;
				squares += a * a + 0.5 * (r * r + d * d);
			}
		}
		return squares > 0 ? products / squares : 1;
	}

	private static double clip(final double v, final double limit) {
		return Math.max(-limit, Math.min(limit, v));
	}

	/** The mean of (px, py) less its column's and row's offsets. */
	private float corrected(final int px, final int py) {
		return plane.mean(py * pw + px) - column[px] - row[py];
	}

	/**
	 * Adds to each column's and each row's offset the median departure along it (from
	 * {@link #departures} without outliers left out: a median does not need it), sampled every 4th
	 * pixel: 4 of the 24 neighbours share the pixel's column (row), so the departure shows 20/24 of
	 * the offset. Only the departures of every 4th row and every 4th column are made for this.
	 */
	private void addLineOffsets(final Progress progress) {
		departures(progress, false);
		final float[] columns = lineMedians(true), rows = lineMedians(false);
		for (int k = 0; k < pw; k++)
			column[k] += columns[k] * 24f / 20f;
		for (int k = 0; k < ph; k++)
			row[k] += rows[k] * 24f / 20f;
	}

	private float[] lineMedians(final boolean columns) {
		final int lines = columns ? pw : ph, along = columns ? ph : pw, samples = (along + 3) / 4;
		final float[] found = new float[lines];
		// lines in chunks of 64: a column's samples are gathered row by row for the whole chunk,
		// reading memory in order
		final List<int[]> chunks = new ArrayList<>();
		for (int k = 0; k < lines; k += 64)
			chunks.add(new int[]{ k, Math.min(lines, k + 64) });
		Parallelization.getTaskExecutor().forEach(chunks, chunk -> {
			final int first = chunk[0], size = chunk[1] - first;
			final float[][] values = new float[size][samples];
			final int[] n = new int[size];
			for (int a = 0; a < along; a += 4)
				for (int j = 0; j < size; j++) {
					final float d = columns ? departure[a * pw + first + j] : departure[(first + j) * pw + a];
					if (!Float.isNaN(d)) values[j][n[j]++] = d;
				}
			for (int j = 0; j < size; j++)
				found[first + j] = n[j] == 0 ? 0 : RobustStats.median(values[j], n[j]);
		});
		return found;
	}

	/**
	 * Fills {@link #departure}: each pixel's corrected mean less the mean of its (up to) 24
	 * corrected neighbours in the 5x5 window, from sliding sums (a few operations per pixel).
	 * {@code forScores}: every pixel's departure, and the neighbours that depart by more than
	 * {@link #OUTLIER} robust spreads (strong hot and dead pixels, a few in a thousand) then left
	 * out of the means around them, so that a hot pixel does not make its neighbours look cold:
	 * nearly the median's robustness at the cost of a mean, and with less noise (a mean of 24
	 * carries 1/24 of a pixel's variance, their median about 1/15). Otherwise (for the line
	 * offsets) only the departures {@link #lineMedians} reads: every 4th row, every 4th column.
	 */
	private void departures(final Progress progress, final boolean forScores) {
		final int r = PlaneScores.RADIUS;
		final float reference = plane.mean((ph / 2) * pw + pw / 2);
		final List<int[]> bands = new ArrayList<>();
		for (int y = 0; y < ph; y += 64)
			bands.add(new int[]{ y, Math.min(ph, y + 64) });
		Parallelization.getTaskExecutor().forEach(bands, band -> {
			progress.checkCancelled();
			final int first = Math.max(0, band[0] - r), last = Math.min(ph, band[1] + r);
			// the corrected means of the band and its margins once, then their 5x5 window sums
			final float[] level = new float[(last - first) * pw];
			for (int y = first; y < last; y++) {
				final int o = (y - first) * pw, i = y * pw;
				final float rowOffset = row[y];
				for (int x = 0; x < pw; x++)
					level[o + x] = plane.mean(i + x) - column[x] - rowOffset - reference;
			}
			BoxSums.band(level, first, pw, ph, r, band[0], band[1], (y, sum, count) -> {
				final int o = (y - first) * pw;
				final int step = forScores || y % 4 == 0 ? 1 : 4;
				for (int x = 0; x < pw; x += step) {
					final float centre = level[o + x];
					departure[y * pw + x] = centre == centre && count[x] > 1 ? (float) (centre - (sum[x] -
						centre) / (count[x] - 1)) : Float.NaN;
				}
			});
		});
		if (forScores) leaveOutOutliers();
	}

	/**
	 * Leaves the outliers (beyond {@link #OUTLIER} robust spreads of the plane's departures) out of
	 * their neighbours' means, strongest first: a strong hot pixel lifts its 24 neighbours' mean
	 * and so makes them look cold, perhaps beyond the limit too; once it is left out of their
	 * means, they are normal again and not taken for outliers themselves.
	 */
	private void leaveOutOutliers() {
		final float spread = RobustStats.sigmaOfCentredCopy(departure, PlaneScores.SAMPLE);
		if (!(spread > 0)) return;
		final float limit = (float) (OUTLIER * spread);
		final List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < departure.length; i++)
			if (Math.abs(departure[i]) > limit) candidates.add(i);
		candidates.sort((a, b) -> Float.compare(Math.abs(departure[b]), Math.abs(departure[a])));
		final java.util.BitSet outlier = new java.util.BitSet(pw * ph);
		final int r = PlaneScores.RADIUS;
		for (final int i : candidates) {
			final int ox = i % pw, oy = i / pw;
			departure[i] = departureWithout(ox, oy, outlier);
			if (!(Math.abs(departure[i]) > limit)) continue;
			outlier.set(i);
			for (int y = Math.max(0, oy - r); y <= Math.min(ph - 1, oy + r); y++)
				for (int x = Math.max(0, ox - r); x <= Math.min(pw - 1, ox + r); x++)
					if (x != ox || y != oy) departure[y * pw + x] = departureWithout(x, y, outlier);
		}
	}

	/** The departure of (px, py) from the mean of its 5x5 neighbours that are not outliers. */
	private float departureWithout(final int px, final int py, final java.util.BitSet outlier) {
		final int r = PlaneScores.RADIUS;
		double sum = 0;
		int n = 0;
		for (int y = Math.max(0, py - r); y <= Math.min(ph - 1, py + r); y++)
			for (int x = Math.max(0, px - r); x <= Math.min(pw - 1, px + r); x++) {
				if (x == px && y == py || outlier.get(y * pw + x)) continue;
				final float v = corrected(x, y);
				if (v == v) {
					sum += v;
					n++;
				}
			}
		final float centre = corrected(px, py);
		return n == 0 || centre != centre ? Float.NaN : (float) (centre - sum / n);
	}
}
