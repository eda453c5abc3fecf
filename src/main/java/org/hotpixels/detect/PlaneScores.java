package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * The maps and robust scores of one channel plane (or one colour site of a raw mosaic), in plane
 * coordinates {@code (px, py)} = image {@code (x0 + step * px, y0 + step * py)}.
 * <p>
 * <b>Mean score</b> (hot, cold, dead): the pixel's mean spatial residual (against its four
 * same-channel neighbours, from the streaming pass) over its temporal standard error, a
 * t-statistic that a changing scene does not inflate, divided by the root mean square of the
 * same t-statistic over a ring of pixels around it (clipped, so that another defect in the ring
 * does not hide this one; never below 1), and turned into a normal score with the tail
 * probability of a t-statistic (its error pooled with its eight neighbours', never below its own:
 * 9 (n - 1) degrees of freedom, more where the ring's spatial spread dominates, as
 * Satterthwaite's formula gives: few frames give heavy tails only to the temporal part). Where the scene is fixed (a dark frame's pattern, a
 * time-lapse of one field), the ring's spread is large and the score becomes "how far out of its
 * neighbourhood". A pixel counts only if it stands out in every direction (horizontal,
 * vertical, both diagonals): scene edges and column defects do not. A ring whose t-statistics
 * correlate negatively from pixel to pixel ({@link #ringCorrelation}) holds a pattern that is
 * independent from pixel to pixel (dark-current non-uniformity), not a scene's texture.
 * <p>
 * <b>Variance score</b> (stuck): the log variance against the median of the 5x5 same-plane
 * neighbours, in units of the robust spread of such residuals in the 32x32 block, at least the
 * sampling error of a log variance from n frames; computed only where a cheap residual (against
 * the neighbours' plain mean) could reach the threshold. In colour frames also in units of the
 * block's own spread, without that floor ({@link #channelVarianceScore}), for
 * {@link CrossChannel}'s test of stuck values confined to one channel.
 * <p>
 * Speed: one pass fills the maps (mean, log variance, t and its error); candidates are screened
 * against limits set once per 32x32 block ({@link #forEachCandidate}); the costly tests (ring,
 * directions, sharpness, 5x5 medians) run for the few candidates only.
 */
final class PlaneScores {

	static final int RADIUS = 2;
	/** Values sampled (evenly) for a plane's quantiles and spreads. */
	static final int SAMPLE = 250_000;
	static final int BLOCK = 32;
	/**
	 * A stuck pixel varies less than 40% as much as its neighbours, however many frames (JPEG
	 * compression mixes some of the neighbours' variation back into a stuck pixel).
	 */
	static final double STUCK_LOG_RATIO = Math.log(0.4);
	/** Least {@link #blockSpreadLogVar}: half a percent of variance (flat blocks spread by 0). */
	static final double LEAST_SPREAD = 0.005;
	/**
	 * Where the ring's spread is this many temporal errors or more, or the scene is fixed
	 * ({@link #fixedScene}), the score rests on spatial contrast (a dark frame's pattern, a
	 * time-lapse of one field), and a defect must also be {@link #sharp}.
	 */
	static final double SPATIAL_RING = 2;
	/** A pixel varying at most this many times as much as its residual sees a fixed scene. */
	static final double FIXED_SCENE_RATIO = 2;
	/**
	 * Where the ring's spread is this many temporal errors or more, the pixel sits in a fixed
	 * textured scene: its mean says nothing a detail of the scene could not say, and only a
	 * variance that departs from the noise model ({@link #noiseScore}) reveals a defect.
	 */
	static final double TEXTURED_RING = 5;
	/**
	 * A ring whose t-statistics correlate below this at the residual's reach
	 * ({@link #ringCorrelation}) is a pixel-independent fixed pattern, not a scene's texture.
	 */
	static final double WHITE_CORRELATION = -0.2;
	/** Largest part of a point's departure that its neighbours may carry on (see {@link #sharp}). */
	static final double SHARPNESS = 0.15;
	/** The ring reaches this many pixels beyond the residual's neighbours: 200+ values. */
	static final int RING_WIDTH = 6;
	/** Independent error estimates pooled into a mean score's denominator ({@link #meanScore}). */
	static final int POOLED = 9;
	/** Ring values are clipped at this many of the ring's robust spreads. */
	static final double RING_CLIP = 4;
	/**
	 * Every directional residual of a point defect reaches at least this part of its mean
	 * residual, with the same sign (along an edge or a column one of them is near zero).
	 */
	static final double DIRECTION_FRACTION = 0.2;

	private final PixelStatistics stats;
	private final int channel, x0, y0, step, pw, ph;
	/** Reach of the residuals in plane pixels. */
	private final int reach;
	private final float[] mean, logVar;
	/**
	 * Log variance residuals against the plain mean of the 5x5 neighbours (cheap, for the block
	 * scales and for screening); {@link #logVarResidual} gives the exact ones.
	 */
	private final float[] cheapLogVar;
	/**
	 * The temporal standard error of the mean spatial residual, and their ratio, a t-statistic
	 * (the mean residual is their product: one map fewer to fill).
	 */
	private final float[] error, t;
	private final float[] blockSigmaLogVar;
	/**
	 * The block's own robust spread of the log-variance residuals, at least half the typical
	 * block's but without the floors of {@link #blockSigmaLogVar}, in colour frames (null
	 * otherwise): neighbours that share a photograph's scenes vary alike, far more closely than
	 * independent noise would let them.
	 */
	private final float[] blockSpreadLogVar;
	private final int blocksX;
	/** Robust global spread of {@link #t} (1 where the scene changes from frame to frame). */
	private final double tSpread;
	/** Robust spread of {@link #t} per 32x32 block, for screening. */
	private final float[] blockSpreadT;
	/** The noise model of a fixed scene, variance = noiseSlope x mean + noiseIntercept. */
	private final double noiseSlope, noiseIntercept;
	/** Robust floor of the pixel minima (0 for photographs, about the bias for dark frames). */
	private final double black;
	/** Robust low end of the per-pixel standard deviations: the quietest pixels' noise. */
	private final double quietNoise;
	/** Top of the value range: 255 or 65535 for integer data, the largest value seen for float. */
	private final double ceiling;
	private final double epsilon;
	private final long frames;
	private final double logVarSamplingError;
	/** Threshold of the detection, for {@link #stuckLogRatio}. */
	private final double sigma;
	/** {@link #fixedShare}, once known. */
	private volatile Double fixedShare;
	/** Chi-square bounds ({@link #chanceLogRatio}) by degrees of freedom, computed once each. */
	private final Map<Long, Double> stuckLogRatios = new HashMap<>();

	/**
	 * Scores the plane of {@code channel} made of pixels (x0 + step * px, y0 + step * py): step 1
	 * for whole channels, step 2 for one colour site of a 2x2 CFA mosaic.
	 */
	PlaneScores(final PixelStatistics stats, final int channel, final int x0, final int y0,
		final int step, final double sigma, final Progress progress)
	{
		this.stats = stats;
		this.channel = channel;
		this.x0 = x0;
		this.y0 = y0;
		this.step = step;
		this.pw = (stats.width() - x0 + step - 1) / step;
		this.ph = (stats.height() - y0 + step - 1) / step;
		this.reach = Math.max(1, stats.residualReach() / step);
		final int n = pw * ph;
		frames = Math.max(2, stats.frameCount());
		logVarSamplingError = Math.sqrt(2.0 / (frames - 1));
		this.sigma = sigma;
		mean = new float[n];
		logVar = new float[n];
		error = new float[n];
		t = new float[n];
		final boolean integer = stats.type().isInteger();
		// the plane's levels from an even sample first, so that one pass fills every map
		final int stride = Math.max(1, n / SAMPLE);
		final int samples = (n + stride - 1) / stride;
		final float[] sampleMean = new float[samples], sampleVariance = new float[samples],
			sampleMinimum = new float[samples];
		forEachRange(samples, (from, to) -> {
			for (int k = from; k < to; k++) {
				final int o = k * stride, i = statsIndex(o % pw, o / pw);
				sampleMean[k] = (float) stats.mean(i);
				sampleVariance[k] = (float) stats.variance(i);
				sampleMinimum[k] = (float) stats.min(i);
			}
		});
		double top = Double.NEGATIVE_INFINITY;
		if (!integer) {
			final double[] tops = new double[ph];
			forEachRange(ph, (from, to) -> {
				for (int py = from; py < to; py++) {
					double rowTop = Double.NEGATIVE_INFINITY;
					for (int px = 0; px < pw; px++) {
						final double max = stats.max(statsIndex(px, py));
						if (max > rowTop) rowTop = max;
					}
					tops[py] = rowTop;
				}
			});
			for (final double rowTop : tops)
				if (rowTop > top) top = rowTop;
		}
		black = quantile(sampleMinimum, 1e-3);
		ceiling = integer ? stats.type().maxValue() : top;
		quietNoise = Math.sqrt(Math.max(0, quantile(sampleVariance, 0.01)));
		final double quantum = integer ? 1 : 0;
		final float medianVariance = quantile(sampleVariance, 0.5);
		epsilon = Math.max(quantum / 12, Math.max(1e-6 * medianVariance, 1e-30));
		// the standard error of a mean residual cannot be below the rounding of the values
		final double floor = integer ? 1.0 / (12 * frames) : Math.pow(1e-6 * Math.abs(quantile(
			sampleMean.clone(), 0.5)), 2) / frames + 1e-30;
		// row by row from the statistics' bulk accessor (the same values as per pixel)
		forEachBandRange(progress, (from, to) -> {
			final double[] rowMean = new double[pw], rowVariance = new double[pw], rowResidual =
				new double[pw], rowResidualVariance = new double[pw], rowCount = new double[pw];
			for (int py = from; py < to; py++) {
				stats.row(channel, y0 + step * py, x0, step, pw, rowMean, rowVariance, rowResidual,
					rowResidualVariance, rowCount);
				final int row = py * pw;
				for (int px = 0; px < pw; px++) {
					final int o = row + px;
					mean[o] = (float) rowMean[px];
					logVar[o] = RobustStats.fastLog((float) (rowVariance[px] + epsilon));
					final float residualMean = (float) rowResidual[px];
					// NaN below two samples: no score
					error[o] = (float) Math.sqrt(rowResidualVariance[px] / Math.max(1, rowCount[px]) + floor);
					t[o] = residualMean / error[o];
				}
			}
		});
		final double[] noise = fitNoise(sampleMean, sampleVariance);
		noiseSlope = noise[0];
		noiseIntercept = noise[1];
		final float spread = RobustStats.sigmaOfCentredCopy(t, SAMPLE);
		tSpread = Float.isNaN(spread) ? 1 : Math.max(1, spread);
		cheapLogVar = new float[n];
		blocksX = (pw + BLOCK - 1) / BLOCK;
		cheapResiduals(logVar, cheapLogVar, progress);
		// one robust spread per block of the log-variance residuals, floored two ways
		final float[] logVarSpreads = blockSigmas(cheapLogVar);
		blockSigmaLogVar = floored(logVarSpreads, 0.05);
		blockSpreadLogVar = stats.type() == PixelType.RGB && step == 1 ? floored(logVarSpreads,
			LEAST_SPREAD) : null;
		blockSpreadT = floored(blockSigmas(t), 1);
	}

	/** Plane width and height. */
	int width() {
		return pw;
	}

	int height() {
		return ph;
	}

	int channel() {
		return channel;
	}

	/** Image x of plane column px; image y of plane row py. */
	int imageX(final int px) {
		return x0 + step * px;
	}

	int imageY(final int py) {
		return y0 + step * py;
	}

	/** Image pixels between plane pixels: 1, or 2 for a colour site of a raw mosaic. */
	int step() {
		return step;
	}

	PixelStatistics stats() {
		return stats;
	}

	/** Reach of the residuals in plane pixels. */
	int reach() {
		return reach;
	}

	long frames() {
		return frames;
	}

	/** The temporal mean of plane pixel {@code i} (= py * width + px). */
	float mean(final int i) {
		return mean[i];
	}

	/** Log of the variance of plane pixel {@code i} plus {@link #epsilon}. */
	float logVar(final int i) {
		return logVar[i];
	}

	/** The temporal variance of plane pixel {@code i}, from {@link #logVar}, at least 0. */
	double variance(final int i) {
		return Math.max(0, Math.exp(logVar[i]) - epsilon);
	}

	/** The mean spatial residual of plane pixel {@code i}. */
	float resMean(final int i) {
		return t[i] * error[i];
	}

	/** The mean map, read-only, row by row ({@link LineDetector}). */
	float[] meanMap() {
		return mean;
	}

	/** The temporal standard errors of the mean residuals, read-only, row by row. */
	float[] errorMap() {
		return error;
	}

	/** The largest value of plane pixel (px, py). */
	double max(final int px, final int py) {
		return stats.max(statsIndex(px, py));
	}

	/** Robust floor of the pixel minima (0 for photographs, about the bias for dark frames). */
	double black() {
		return black;
	}

	/** Top of the value range: 255 or 65535 for integer data, the largest value seen for float. */
	double ceiling() {
		return ceiling;
	}

	/** Robust low end of the per-pixel standard deviations: the quietest pixels' noise. */
	double quietNoise() {
		return quietNoise;
	}

	/** Added to variances before their logarithm. */
	double epsilon() {
		return epsilon;
	}

	boolean integer() {
		return stats.type().isInteger();
	}

	/** Median of the means of the 5x5 neighbours of (px, py). */
	double neighbourMean(final int px, final int py) {
		return neighbourMedian(mean, px, py, new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)]);
	}

	/** Median of the variances of the 5x5 neighbours of (px, py), at least 0. */
	double neighbourVariance(final int px, final int py) {
		return Math.max(0, Math.exp(neighbourMedian(logVar, px, py, new float[(2 * RADIUS + 1) * (2 *
			RADIUS + 1)])) - epsilon);
	}

	/** Index into the statistics of plane pixel (px, py). */
	int statsIndex(final int px, final int py) {
		return stats.index(x0 + step * px, y0 + step * py, channel);
	}

	/**
	 * The mean score of pixel (px, py): its t-statistic over the clipped root mean square of the
	 * t-statistics in the ring of pixels {@code reach + 1} to {@code reach + RING_WIDTH} away (at least 1),
	 * or 0 when some direction does not show the pixel standing out.
	 */
	float meanScore(final int px, final int py, final double ringSpread) {
		final int i = py * pw + px;
		if (!(Math.abs(t[i]) > 0) || !standsOutEveryWay(px, py)) return 0;
		final double ring = Math.max(1, ringSpread);
		if ((ring >= SPATIAL_RING || fixedScene(i)) && !sharp(px, py)) return 0;
		final double pooled = pooledError(px, py);
		final double dof = (frames - 1) * (pooledCount(px, py) < 4 ? 1 : POOLED);
		return (float) RobustStats.tToZ(resMean(i) / pooled / ring, dof * ring * ring * ring * ring);
	}

	/**
	 * An upper bound of the magnitude of {@link #meanScore} that needs no exact ring: the mean
	 * residual over the pooled error and over a lower bound of the ring's spread
	 * ({@link #ringSpreadFloor}; a t-statistic's normal score is below the t-statistic), 0 where
	 * the pixel does not stand out every way, or where it would need to be {@link #sharp} and is
	 * not.
	 */
	double meanScoreBound(final int px, final int py) {
		final int i = py * pw + px;
		if (!(Math.abs(t[i]) > 0) || !standsOutEveryWay(px, py)) return 0;
		final double ring = ringSpreadFloor(px, py);
		if ((ring >= SPATIAL_RING || fixedScene(i)) && !sharp(px, py)) return 0;
		return Math.abs(resMean(i)) / pooledError(px, py) / ring;
	}

	/**
	 * The temporal error of (px, py) pooled with its eight neighbours' (their median, never below
	 * the pixel's own): nine estimates of n - 1 degrees of freedom each, so few frames give thin
	 * tails. The pixel's own where fewer than four neighbours have an error.
	 */
	private double pooledError(final int px, final int py) {
		final float[] around = new float[8];
		final int n = neighbourErrors(px, py, around);
		final int i = py * pw + px;
		return Math.max(error[i], n < 4 ? error[i] : RobustStats.median(around, n));
	}

	private int pooledCount(final int px, final int py) {
		return neighbourErrors(px, py, new float[8]);
	}

	private int neighbourErrors(final int px, final int py, final float[] around) {
		int n = 0;
		for (int dy = -reach; dy <= reach; dy += reach)
			for (int dx = -reach; dx <= reach; dx += reach) {
				final int x = px + dx, y = py + dy;
				if ((dx != 0 || dy != 0) && x >= 0 && y >= 0 && x < pw && y < ph && error[y * pw + x] > 0)
					around[n++] = error[y * pw + x];
			}
		return n;
	}

	/**
	 * True if nothing but noise changes pixel {@code i} from frame to frame: its variance is not
	 * above twice its residual's (a changing scene moves a pixel and its neighbours alike, so
	 * there the pixel varies far more than its residual). A dark frame and a time-lapse of one
	 * field are fixed scenes.
	 */
	boolean fixedScene(final int i) {
		final double variance = Math.exp(logVar[i]) - epsilon;
		final double residual = (double) error[i] * error[i] * frames;
		return variance <= FIXED_SCENE_RATIO * residual;
	}

	/**
	 * How far the variance of pixel {@code i} lies from what shot and read noise give at its own
	 * mean (variance = slope x mean + intercept, fitted robustly over the plane), in sampling
	 * errors of a log variance: the evidence that tells a defect from a detail of a fixed scene,
	 * which follows the noise model as every normal pixel does.
	 */
	double noiseScore(final int i) {
		final double predicted = predictedVariance(i);
		return (logVar[i] - Math.log(predicted + epsilon)) / logVarSamplingError;
	}

	/**
	 * True if the variance of pixel {@code i} lies below what the noise model predicts at its mean
	 * by as much as chance reaches no more often than a {@code sigma} event: on a plane where most
	 * pixels see a fixed scene, by the exact chi-square bound for the frames' degrees of freedom
	 * ({@link #noiseScore}'s normal one would let many chance pixels through with few frames),
	 * elsewhere by that normal one ({@link #fixedShare}).
	 */
	boolean belowNoiseModel(final int i) {
		return fixedShare() >= 0.5 ? Math.log(noiseRatio(i)) < chanceLogRatio(frames - 1) : noiseScore(
			i) <= -sigma;
	}

	/**
	 * The share of an even sample of the plane's pixels that see a fixed scene ({@link #fixedScene}):
	 * about all of them in dark frames or a time-lapse of one field (fewer with very few frames,
	 * whose variances scatter), few in a changing scene. Where most pixels are fixed, every pixel
	 * meets the noise model's test, so its bound must be the exact one ({@link #belowNoiseModel});
	 * in a changing scene the few pixels that meet it are quiet against their own residual
	 * already, and the normal bound of {@link #noiseScore} keeps stuck values that JPEG blurs (one
	 * colour's, with 30 frames).
	 */
	double fixedShare() {
		Double share = fixedShare;
		if (share == null) {
			final int n = pw * ph, stride = Math.max(1, n / SAMPLE);
			int found = 0, sampled = 0;
			for (int i = 0; i < n; i += stride, sampled++)
				if (fixedScene(i)) found++;
			fixedShare = share = found / (double) Math.max(1, sampled);
		}
		return share;
	}

	/** Variance per unit of mean of the noise model (1 / gain for shot noise), at least 0. */
	double noiseSlope() {
		return noiseSlope;
	}

	/** The variance of pixel {@code i} over what the noise model predicts at its mean. */
	double noiseRatio(final int i) {
		final double predicted = predictedVariance(i);
		return Math.exp(logVar[i]) / (predicted + epsilon);
	}

	/** The noise model's variance at the mean of pixel {@code i}, at least a tenth of the quietest. */
	private double predictedVariance(final int i) {
		return Math.max(noiseSlope * mean[i] + noiseIntercept, 0.1 * quietNoise * quietNoise);
	}

	/**
	 * Fits variance = slope x mean + intercept through the medians of 32 bins of a sample of
	 * pixels sorted by mean (Theil-Sen over the bins): where the scene is fixed, every normal
	 * pixel follows it (shot noise over the gain plus read noise squared).
	 */
	private double[] fitNoise(final float[] means, final float[] variances) {
		final int stride = Math.max(1, means.length / 20000);
		// the finite points sorted by mean, ties in sample order: a key of the mean's bits (made
		// to sort as the floats do) above the point's position
		final long[] keys = new long[(means.length + stride - 1) / stride];
		int count = 0;
		for (int i = 0; i < means.length; i += stride)
			if (Float.isFinite(means[i]) && Float.isFinite(variances[i])) {
				final int bits = Float.floatToIntBits(means[i]);
				keys[count] = (long) (bits ^ (bits >> 31) & 0x7fffffff) << 32 | i;
				count++;
			}
		if (count < 64) return new double[]{ 0, quietNoise * quietNoise };
		Arrays.sort(keys, 0, count);
		final int bins = 32, per = count / bins;
		final double[] m = new double[bins], v = new double[bins];
		final float[] buffer = new float[per];
		for (int b = 0; b < bins; b++) {
			for (int k = 0; k < per; k++)
				buffer[k] = means[(int) keys[b * per + k]];
			m[b] = RobustStats.median(buffer, per);
			for (int k = 0; k < per; k++)
				buffer[k] = variances[(int) keys[b * per + k]];
			v[b] = RobustStats.median(buffer, per);
		}
		final float[] slopes = new float[bins * (bins - 1) / 2];
		int n = 0;
		for (int a = 0; a < bins; a++)
			for (int b = a + 1; b < bins; b++)
				if (m[b] > m[a]) slopes[n++] = (float) ((v[b] - v[a]) / (m[b] - m[a]));
		final double slope = n == 0 ? 0 : Math.max(0, RobustStats.median(slopes, n));
		final float[] intercepts = new float[bins];
		for (int b = 0; b < bins; b++)
			intercepts[b] = (float) (v[b] - slope * m[b]);
		return new double[]{ slope, RobustStats.median(intercepts, bins) };
	}

	/**
	 * A cheap upper bound of {@link #meanScore}'s magnitude before the ring is looked at, for
	 * screening: the ring's spread is rarely below 70% of its block's.
	 */
	float meanScreen(final int px, final int py) {
		return (float) (t[py * pw + px] / Math.max(1, 0.7 * blockSpreadT[(py / BLOCK) * blocksX + px /
			BLOCK]));
	}

	/**
	 * Calls {@code candidate} with every px of row {@code py} that may reach a mean screen
	 * ({@link #meanScreen}) of {@code low} or a variance score ({@link #varianceScore}, in colour
	 * frames also {@link #channelVarianceScore}) of {@code -sigma}: two comparisons per pixel
	 * against limits set once per block (a hair looser than the scores, which the caller then
	 * computes for these few pixels).
	 */
	void forEachCandidate(final int py, final double low, final double sigma,
		final java.util.function.IntConsumer candidate)
	{
		final int row = py * pw, blockRow = (py / BLOCK) * blocksX;
		final double loose = 1 - 1e-5;
		for (int bx = 0; bx * BLOCK < pw; bx++) {
			final int b = blockRow + bx;
			final float tLimit = (float) (loose * low * Math.max(1, 0.7 * blockSpreadT[b]));
			final double scale = Math.max(logVarSamplingError, blockSigmaLogVar[b]);
			final float varianceLimit = (float) (-loose * sigma * scale);
			final double cheapLimit = -0.5 * sigma * scale;
			final double channelLimit = blockSpreadLogVar == null ? Double.NEGATIVE_INFINITY : -0.5 *
				sigma * blockSpreadLogVar[b];
			for (int px = bx * BLOCK; px < Math.min(pw, (bx + 1) * BLOCK); px++)
				if (Math.abs(t[row + px]) >= tLimit || cheapLogVar[row + px] <= cheapLimit &&
					logVarResidual(px, py) <= varianceLimit || cheapLogVar[row + px] <= channelLimit &&
						channelVarianceScore(px, py) <= -loose * sigma) candidate.accept(px);
		}
	}

	/**
	 * Root mean square of the t-statistics of the ring around (px, py), each clipped at
	 * {@link #RING_CLIP} times the ring's own robust spread (1.4826 times their median
	 * magnitude): a hot neighbour barely counts, a scene's texture and edges count fully.
	 */
	double ringSpread(final int px, final int py) {
		final int inner = reach, outer = reach + RING_WIDTH;
		final float[] values = new float[(2 * outer + 1) * (2 * outer + 1)];
		int n = 0;
		for (int y = Math.max(0, py - outer); y <= Math.min(ph - 1, py + outer); y++)
			for (int x = Math.max(0, px - outer); x <= Math.min(pw - 1, px + outer); x++) {
				if (Math.abs(x - px) <= inner && Math.abs(y - py) <= inner) continue;
				final float v = t[y * pw + x];
				if (!Float.isNaN(v)) values[n++] = Math.abs(v);
			}
		if (n == 0) return tSpread;
		final double clip = RING_CLIP * RobustStats.MAD_TO_SIGMA * RobustStats.median(values.clone(),
			n);
		double sum = 0;
		for (int k = 0; k < n; k++) {
			final double c = Math.min(clip, values[k]);
			sum += c * c;
		}
		return Math.sqrt(sum / n);
	}

	/**
	 * A lower bound of {@code max(1, ringSpread(px, py))} without the ring's median, for
	 * screening (in a dark frame's fixed pattern thousands of pixels have a large t-statistic and
	 * a ring to match). Where more than half of the ring's magnitudes reach {@code a} (half the
	 * typical magnitude of the pixel's block), so does their median, the clip is at least
	 * {@link #RING_CLIP} robust spreads of {@code a}, and the root mean square of the values
	 * clipped there is at most the ring's spread; 1 otherwise.
	 */
	double ringSpreadFloor(final int px, final int py) {
		final int inner = reach, outer = reach + RING_WIDTH;
		final float a = (float) (0.5 * blockSpreadT[(py / BLOCK) * blocksX + px / BLOCK] /
			RobustStats.MAD_TO_SIGMA);
		final double clip = RING_CLIP * RobustStats.MAD_TO_SIGMA * a;
		double sum = 0;
		int n = 0, reaching = 0;
		for (int y = Math.max(0, py - outer); y <= Math.min(ph - 1, py + outer); y++)
			for (int x = Math.max(0, px - outer); x <= Math.min(pw - 1, px + outer); x++) {
				if (Math.abs(x - px) <= inner && Math.abs(y - py) <= inner) continue;
				final float v = Math.abs(t[y * pw + x]);
				if (Float.isNaN(v)) continue;
				n++;
				if (v >= a) reaching++;
				final double c = Math.min(clip, v);
				sum += c * c;
			}
		if (n == 0 || reaching < (n >> 1) + 1) return 1;
		return Math.max(1, Math.sqrt(sum / n));
	}

	/**
	 * Correlation of the ring's t-statistics (about their median) with those {@code reach} to the
	 * right and below, over pairs within the ring. A pattern that is independent from pixel to
	 * pixel (a sensor's dark-current non-uniformity) gives residuals that correlate at about -0.4
	 * at the residual's reach (each pixel is a neighbour of the other); a scene's texture, drawn
	 * over several pixels by the optics, correlates less or positively.
	 */
	double ringCorrelation(final int px, final int py) {
		final int inner = reach, outer = reach + RING_WIDTH;
		final int xa = Math.max(0, px - outer), xb = Math.min(pw - 1, px + outer);
		final int ya = Math.max(0, py - outer), yb = Math.min(ph - 1, py + outer);
		final float[] values = new float[(2 * outer + 1) * (2 * outer + 1)];
		int n = 0;
		for (int y = ya; y <= yb; y++)
			for (int x = xa; x <= xb; x++) {
				final float v = t[y * pw + x];
				if (!inRing(px, py, x, y, inner) || Float.isNaN(v)) continue;
				values[n++] = v;
			}
		if (n < 16) return 0;
		final double centre = RobustStats.median(values, n);
		double products = 0, squares = 0;
		for (int y = ya; y <= yb; y++)
			for (int x = xa; x <= xb; x++) {
				if (!inRing(px, py, x, y, inner)) continue;
				final double a = t[y * pw + x] - centre;
				if (Double.isNaN(a)) continue;
				if (x + reach <= xb && inRing(px, py, x + reach, y, inner)) {
					final double b = t[y * pw + x + reach] - centre;
					if (!Double.isNaN(b)) {
						products += a * b;
						squares += 0.5 * (a * a + b * b);
					}
				}
				if (y + reach <= yb && inRing(px, py, x, y + reach, inner)) {
					final double b = t[(y + reach) * pw + x] - centre;
					if (!Double.isNaN(b)) {
						products += a * b;
						squares += 0.5 * (a * a + b * b);
					}
				}
			}
		return squares > 0 ? products / squares : 0;
	}

	private static boolean inRing(final int px, final int py, final int x, final int y,
		final int inner)
	{
		return Math.abs(x - px) > inner || Math.abs(y - py) > inner;
	}

	/**
	 * True if the mean of (px, py) departs from both neighbours {@code reach} away in every
	 * direction, the same way as its residual: a point defect does, an edge or a line does not.
	 */
	boolean standsOutEveryWay(final int px, final int py) {
		final float centre = mean[py * pw + px];
		final double r = resMean(py * pw + px);
		final double needed = DIRECTION_FRACTION * Math.abs(r);
		final int[][] directions = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { 1, -1 } };
		for (final int[] d : directions) {
			final double a = at(px + reach * d[0], py + reach * d[1], px - reach * d[0], py - reach *
				d[1]);
			final double b = at(px - reach * d[0], py - reach * d[1], px + reach * d[0], py + reach *
				d[1]);
			final double departure = Math.signum(r) * (centre - 0.5 * (a + b));
			if (!(departure >= needed)) return false;
		}
		return true;
	}

	/**
	 * True if the departure of (px, py) from its four neighbours {@code reach} away is not carried
	 * on by those neighbours (their median departs from the four at twice the reach by at most
	 * {@link #SHARPNESS} as much): a defect is one pixel, the optics blur every point of a scene
	 * over its neighbours. The median lets a defect's partner in a hot pair pass.
	 */
	boolean sharp(final int px, final int py) {
		return sharp(px, py, 0);
	}

	/**
	 * {@link #sharp(int, int)}, where the neighbours may carry on the departure by
	 * {@code tolerance} more than {@link #SHARPNESS} allows (the noise of the two medians of four
	 * on a plane whose pattern is independent from pixel to pixel).
	 */
	boolean sharp(final int px, final int py, final double tolerance) {
		final float centre = mean[py * pw + px];
		final float near = median4(px, py, reach), far = median4(px, py, 2 * reach);
		final double step = centre - near;
		return Math.abs(step) > 0 && (Math.signum(step) * (near - far) - tolerance) / Math.abs(
			step) <= SHARPNESS;
	}

	private float median4(final int px, final int py, final int d) {
		final float a = at(px - d, py, px + d, py), b = at(px + d, py, px - d, py);
		final float c = at(px, py - d, px, py + d), e = at(px, py + d, px, py - d);
		final float lo = Math.max(Math.min(a, b), Math.min(c, e));
		final float hi = Math.min(Math.max(a, b), Math.max(c, e));
		return 0.5f * (lo + hi);
	}

	/** The mean at (x, y), or at its mirror image (mx, my) when (x, y) is outside the plane. */
	private float at(final int x, final int y, final int mx, final int my) {
		final boolean inside = x >= 0 && x < pw && y >= 0 && y < ph;
		final int ux = inside ? x : Math.max(0, Math.min(pw - 1, mx));
		final int uy = inside ? y : Math.max(0, Math.min(ph - 1, my));
		return mean[uy * pw + ux];
	}

	/**
	 * Log of the variance ratio (pixel to neighbours) below which pixel (px, py) counts as stuck:
	 * at most {@link #STUCK_LOG_RATIO}, and lower still where chance alone makes that ratio more
	 * likely than a {@code sigma} event: the exact chi-square lower quantile for the frames'
	 * degrees of freedom (with 10 frames one normal pixel in 1e9 varies less than 0.5% as much as
	 * it should), or for more degrees where the block's log variances spread less than
	 * independent noise gives (neighbours that share a photograph's scenes vary alike).
	 */
	double stuckLogRatio(final int px, final int py) {
		final double spread = blockSigmaLogVar[(py / BLOCK) * blocksX + px / BLOCK];
		final long k = Math.max(frames - 1, Math.round(Math.min(1e6, 2 / (spread * spread))));
		return Math.min(STUCK_LOG_RATIO, chanceLogRatio(k));
	}

	/**
	 * The chance bound of {@link #stuckLogRatio} (without its 40% cap) for the block's own spread
	 * ({@link #channelVarianceScore}): the log variance ratio that chance reaches no more often
	 * than a {@code sigma} event, for the frames' degrees of freedom or, where the block's log
	 * variances spread less than independent noise gives, for 2 / spread^2 of them (rounded to
	 * two significant digits beyond 100, which moves the bound by under 1%, so that few are
	 * computed).
	 */
	double channelChanceLogRatio(final int px, final int py) {
		final double spread = blockSpreadLogVar[(py / BLOCK) * blocksX + px / BLOCK];
		long k = Math.max(frames - 1, Math.round(Math.min(1e6, 2 / (spread * spread))));
		if (k > 100) {
			final double unit = Math.pow(10, Math.floor(Math.log10(k)) - 1);
			k = Math.round(Math.round(k / unit) * unit);
		}
		return chanceLogRatio(k);
	}

	/** The chi-square bound of a log variance ratio with {@code k} degrees of freedom, cached. */
	private double chanceLogRatio(final long k) {
		synchronized (stuckLogRatios) {
			return stuckLogRatios.computeIfAbsent(k, d -> ChiSquare.lowestLogVarianceRatio(d, sigma));
		}
	}

	/**
	 * Residuals of every pixel against the plain mean of its 24 neighbours: cheap, and for the
	 * block scales as good as the median's (for Gaussian noise their spreads differ by 1%), from
	 * {@link BoxSums} band by band.
	 */
	private void cheapResiduals(final float[] map, final float[] residual, final Progress progress) {
		final int r = RADIUS;
		forEachBandRange(progress, (from, to) -> {
			BoxSums.band(map, 0, pw, ph, r, from, to, (y, sum, count) -> {
				for (int x = 0; x < pw; x++) {
					final float centre = map[y * pw + x];
					final boolean valid = centre == centre;
					final double s = valid ? sum[x] - centre : sum[x];
					final int c = valid ? count[x] - 1 : count[x];
					residual[y * pw + x] = c > 0 ? (float) (centre - s / c) : Float.NaN;
				}
			});
		});
	}

	/**
	 * The log variance of pixel (px, py) minus the median of its 5x5 same-plane neighbours', where
	 * the cheap residual (against their plain mean) could reach the threshold: at or below half of
	 * -sigma in units of the block's scale. Elsewhere NaN, which scores as "normal".
	 */
	double logVarResidual(final int px, final int py) {
		final int i = py * pw + px, b = (py / BLOCK) * blocksX + px / BLOCK;
		if (!(cheapLogVar[i] <= -0.5 * sigma * Math.max(logVarSamplingError, blockSigmaLogVar[b])))
			return Float.NaN;
		return (float) (logVar[i] - neighbourMedian(logVar, px, py, new float[(2 * RADIUS + 1) * (2 *
			RADIUS + 1)]));
	}

	/** Runs {@code row} for every row, in bands of 16 rows on ImgLib2's threads; cancellable. */
	void forEachBand(final Progress progress, final RowAction row) {
		final List<int[]> bands = new ArrayList<>();
		for (int y = 0; y < ph; y += 16)
			bands.add(new int[]{ y, Math.min(ph, y + 16) });
		Parallelization.getTaskExecutor().forEach(bands, band -> {
			progress.checkCancelled();
			final float[] buffer = new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)];
			for (int py = band[0]; py < band[1]; py++)
				row.run(py, buffer);
		});
	}

	/** Runs {@code band} for bands {@code [from, to)} of 16 rows on ImgLib2's threads; cancellable. */
	private void forEachBandRange(final Progress progress, final BandAction band) {
		final List<int[]> bands = new ArrayList<>();
		for (int y = 0; y < ph; y += 16)
			bands.add(new int[]{ y, Math.min(ph, y + 16) });
		Parallelization.getTaskExecutor().forEach(bands, b -> {
			progress.checkCancelled();
			band.run(b[0], b[1]);
		});
	}

	/** Runs {@code range} on chunks {@code [from, to)} of {@code [0, n)} on ImgLib2's threads. */
	private static void forEachRange(final int n, final BandAction range) {
		final List<int[]> chunks = new ArrayList<>();
		final int chunk = Math.max(4096, (n + 15) / 16);
		for (int from = 0; from < n; from += chunk)
			chunks.add(new int[]{ from, Math.min(n, from + chunk) });
		Parallelization.getTaskExecutor().forEach(chunks, c -> range.run(c[0], c[1]));
	}

	private interface BandAction {

		void run(int from, int to);
	}

	interface RowAction {

		void run(int py, float[] buffer);
	}

	/** Median of the finite values around (px, py) in the 5x5 window, centre excluded. */
	private float neighbourMedian(final float[] map, final int px, final int py,
		final float[] buffer)
	{
		int n = 0;
		for (int y = Math.max(0, py - RADIUS); y <= Math.min(ph - 1, py + RADIUS); y++)
			for (int x = Math.max(0, px - RADIUS); x <= Math.min(pw - 1, px + RADIUS); x++) {
				if (x == px && y == py) continue;
				final float v = map[y * pw + x];
				if (!Float.isNaN(v)) buffer[n++] = v;
			}
		return RobustStats.median(buffer, n);
	}

	/**
	 * Robust spread (1.4826 MAD about zero) of the residuals of each 32x32 block, from every
	 * other pixel of every other row (256 values); NaN for a block without values.
	 */
	private float[] blockSigmas(final float[] residual) {
		final float[] sigmas = new float[blocksX * ((ph + BLOCK - 1) / BLOCK)];
		final List<Integer> blocks = new ArrayList<>();
		for (int b = 0; b < sigmas.length; b++)
			blocks.add(b);
		Parallelization.getTaskExecutor().forEach(blocks, b -> {
			final float[] buffer = new float[BLOCK * BLOCK / 4];
			final int bx = (b % blocksX) * BLOCK, by = (b / blocksX) * BLOCK;
			final int stride = pw >= 2 * BLOCK && ph >= 2 * BLOCK ? 2 : 1;
			int n = 0;
			for (int y = by; y < Math.min(ph, by + BLOCK); y += stride)
				for (int x = bx; x < Math.min(pw, bx + BLOCK); x += stride) {
					final float r = residual[y * pw + x];
					if (!Float.isNaN(r) && n < buffer.length) buffer[n++] = r;
				}
			sigmas[b] = n == 0 ? Float.NaN : RobustStats.sigmaOfCentred(buffer, n);
		});
		return sigmas;
	}

	/**
	 * The block spreads {@code sigmas}, each at least {@code floor} and half the typical block's:
	 * a flat block (saturated sky, a constant test pattern) must not make tiny deviations huge.
	 */
	private static float[] floored(final float[] sigmas, final double floor) {
		final float typical = quantile(sigmas.clone(), 0.5);
		final float lowest = (float) Math.max(floor, 0.5 * (Float.isNaN(typical) ? 0 : typical));
		final float[] out = new float[sigmas.length];
		for (int b = 0; b < sigmas.length; b++)
			out[b] = Float.isNaN(sigmas[b]) ? lowest : Math.max(lowest, sigmas[b]);
		return out;
	}

	/**
	 * The log-variance residual of pixel (px, py) ({@link #logVarResidual}'s exact one) over its
	 * block's own spread ({@link #blockSpreadLogVar}), in colour frames; NaN elsewhere and where
	 * the cheap residual does not reach half of {@code -sigma} in that unit. A stuck value
	 * confined to one channel of a 4:2:0 JPEG keeps 70-85% of its neighbours' variance: far
	 * beyond the block's spread, far within the sampling error that {@link #varianceScore} allows.
	 */
	float channelVarianceScore(final int px, final int py) {
		return (float) (channelLogVarResidual(px, py) / blockSpreadLogVar[(py / BLOCK) * blocksX + px /
			BLOCK]);
	}

	/**
	 * The log variance of pixel (px, py) minus the median of its 5x5 neighbours', where
	 * {@link #channelVarianceScore} is defined; NaN elsewhere.
	 */
	double channelLogVarResidual(final int px, final int py) {
		if (blockSpreadLogVar == null) return Double.NaN;
		final int i = py * pw + px;
		final double spread = blockSpreadLogVar[(py / BLOCK) * blocksX + px / BLOCK];
		if (!(cheapLogVar[i] <= -0.5 * sigma * spread)) return Double.NaN;
		return logVar[i] - neighbourMedian(logVar, px, py, new float[(2 * RADIUS + 1) * (2 * RADIUS +
			1)]);
	}

	/**
	 * Score of the log variance of pixel (px, py): residual over its block's robust sigma, at
	 * least the sampling error of a log variance from n samples, sqrt(2 / (n - 1)).
	 */
	float varianceScore(final int px, final int py) {
		return (float) (logVarResidual(px, py) / Math.max(logVarSamplingError, blockSigmaLogVar[(py /
			BLOCK) * blocksX + px / BLOCK]));
	}

	/** The q-quantile of the finite values of {@code values} (a strided sample of large arrays). */
	static float quantile(final float[] values, final double q) {
		final int stride = Math.max(1, values.length / SAMPLE);
		final float[] sample = new float[(values.length + stride - 1) / stride];
		int n = 0;
		for (int i = 0; i < values.length; i += stride)
			if (!Float.isNaN(values[i])) sample[n++] = values[i];
		if (n == 0) return Float.NaN;
		return RobustStats.select(sample, n, (int) Math.min(n - 1, Math.floor(q * n)));
	}
}
