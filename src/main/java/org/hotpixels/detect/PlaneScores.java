package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.progress.Progress;
import org.hotpixels.stats.PixelStatistics;

/**
 * The robust scores of every pixel of one channel plane (or one colour site of a raw mosaic):
 * how far its mean and its log variance lie from the median of its same-plane neighbours in a
 * 5x5 window, in units of the robust spread (1.4826 MAD) of such residuals in its 32x32 block.
 * Large positive mean scores are hot pixels, large negative ones cold or dead, large negative
 * variance scores stuck pixels.
 */
final class PlaneScores {

	static final int RADIUS = 2;
	static final int BLOCK = 32;
	/**
	 * A stuck pixel varies less than 40% as much as its neighbours, however many frames (JPEG
	 * compression mixes some of the neighbours' variation back into a stuck pixel).
	 */
	static final double STUCK_LOG_RATIO = Math.log(0.4);
	/**
	 * Part of a pixel's own standard error of the mean (sd / sqrt(n)) that its mean residual is
	 * measured against at least. Neighbours share the scene, so the error of a difference is
	 * smaller than a pixel's own; but scene edges passing in single frames leave heavy-tailed
	 * structure in the mean map that a block's MAD underestimates.
	 */
	static final double OWN_ERROR_FRACTION = 0.2;

	final PixelStatistics stats;
	final int channel, x0, y0, step, pw, ph;
	final float[] mean, logVar, resMean, resLogVar;
	private final float[] blockSigmaMean, blockSigmaLogVar;
	private final int blocksX;
	/** Robust floor of the pixel minima (0 for photographs, about the bias for dark frames). */
	final double black;
	/** Robust low end of the per-pixel standard deviations: the quietest pixels' noise. */
	final double quietNoise;
	/** Top of the value range: 255 or 65535 for integer data, the largest value seen for float. */
	final double ceiling;
	final double epsilon;
	private final long frames;
	private final double logVarSamplingError;
	/** Threshold of the detection, for {@link #stuckLogRatio}. */
	private final double sigma;
	/** {@link #stuckLogRatio} by degrees of freedom, computed once each. */
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
		final int n = pw * ph;
		frames = Math.max(2, stats.frameCount());
		logVarSamplingError = Math.sqrt(2.0 / (frames - 1));
		this.sigma = sigma;
		mean = new float[n];
		logVar = new float[n];
		final float[] variance = new float[n];
		final float[] minimum = new float[n];
		for (int py = 0; py < ph; py++)
			for (int px = 0; px < pw; px++) {
				final int i = statsIndex(px, py);
				mean[py * pw + px] = (float) stats.mean(i);
				variance[py * pw + px] = (float) stats.variance(i);
				minimum[py * pw + px] = (float) stats.min(i);
			}
		black = quantile(minimum, 1e-3);
		ceiling = stats.type().isInteger() ? stats.type().maxValue() : quantile(maximumOf(stats),
			1.0);
		quietNoise = Math.sqrt(Math.max(0, quantile(variance, 0.01)));
		final double quantum = stats.type().isInteger() ? 1 : 0;
		final float medianVariance = quantile(variance, 0.5);
		epsilon = Math.max(quantum / 12, Math.max(1e-6 * medianVariance, 1e-30));
		for (int i = 0; i < n; i++)
			logVar[i] = (float) Math.log(variance[i] + epsilon);
		resMean = new float[n];
		resLogVar = new float[n];
		blocksX = (pw + BLOCK - 1) / BLOCK;
		final int blocksY = (ph + BLOCK - 1) / BLOCK;
		blockSigmaMean = new float[blocksX * blocksY];
		blockSigmaLogVar = new float[blocksX * blocksY];
		cheapResiduals(mean, resMean);
		cheapResiduals(logVar, resLogVar);
		blockSigmas(resMean, blockSigmaMean, 0.05 * quantum + 1e-6 * Math.abs(quantile(mean, 0.5)));
		blockSigmas(resLogVar, blockSigmaLogVar, 0.05);
		exactResiduals(sigma, progress);
	}

	private float[] maximumOf(final PixelStatistics stats) {
		final float[] max = new float[pw * ph];
		for (int py = 0; py < ph; py++)
			for (int px = 0; px < pw; px++)
				max[py * pw + px] = (float) stats.max(statsIndex(px, py));
		return max;
	}

	/** Index into the statistics of plane pixel (px, py). */
	int statsIndex(final int px, final int py) {
		return stats.index(x0 + step * px, y0 + step * py, channel);
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
		return stuckLogRatios.computeIfAbsent(k, d -> Math.min(STUCK_LOG_RATIO, ChiSquare
			.lowestLogVarianceRatio(d, sigma)));
	}

	/**
	 * Residuals of every pixel against the plain mean of its 24 neighbours: cheap, and for the
	 * block scales as good as the median's (for Gaussian noise their spreads differ by 1%; near
	 * scene edges the mean's is a little larger, which errs on the side of fewer false defects).
	 */
	private void cheapResiduals(final float[] map, final float[] residual) {
		final float[] box = neighbourMeans(map);
		for (int i = 0; i < map.length; i++)
			residual[i] = map[i] - box[i];
	}

	/**
	 * Exact residuals against the 5x5 neighbour median, computed only where the cheap residual
	 * could reach the threshold: at least half of it in units of the block's scale (a defect's
	 * median residual is close to its mean residual; the screen errs on the side of computing).
	 * Elsewhere the residual becomes NaN, which scores as "normal".
	 */
	private void exactResiduals(final double sigma, final Progress progress) {
		forEachBand(progress, (py, buffer) -> {
			for (int px = 0; px < pw; px++) {
				final int i = py * pw + px, b = (py / BLOCK) * blocksX + px / BLOCK;
				resMean[i] = Math.abs(resMean[i]) >= 0.5 * sigma * blockSigmaMean[b] ? mean[i] -
					neighbourMedian(mean, px, py, buffer) : Float.NaN;
				resLogVar[i] = resLogVar[i] <= -0.5 * sigma * Math.max(logVarSamplingError,
					blockSigmaLogVar[b]) ? logVar[i] - neighbourMedian(logVar, px, py, buffer)
						: Float.NaN;
			}
		});
	}

	/** The mean of the finite values of the 5x5 window around each pixel, centre excluded. */
	private float[] neighbourMeans(final float[] map) {
		final int r = RADIUS;
		final float[] rowSum = new float[map.length];
		final byte[] rowCount = new byte[map.length];
		for (int y = 0; y < ph; y++) {
			final int row = y * pw;
			for (int x = 0; x < pw; x++) {
				float sum = 0;
				int count = 0;
				for (int xx = Math.max(0, x - r); xx <= Math.min(pw - 1, x + r); xx++) {
					final float v = map[row + xx];
					if (!Float.isNaN(v)) {
						sum += v;
						count++;
					}
				}
				rowSum[row + x] = sum;
				rowCount[row + x] = (byte) count;
			}
		}
		final float[] out = new float[map.length];
		for (int y = 0; y < ph; y++)
			for (int x = 0; x < pw; x++) {
				float sum = 0;
				int count = 0;
				for (int yy = Math.max(0, y - r); yy <= Math.min(ph - 1, y + r); yy++) {
					sum += rowSum[yy * pw + x];
					count += rowCount[yy * pw + x];
				}
				final float centre = map[y * pw + x];
				if (!Float.isNaN(centre)) {
					sum -= centre;
					count--;
				}
				out[y * pw + x] = count > 0 ? sum / count : Float.NaN;
			}
		return out;
	}

	/** Runs {@code row} for every row, in bands of 16 rows on ImgLib2's threads; cancellable. */
	private void forEachBand(final Progress progress, final RowAction row) {
		final List<int[]> bands = new ArrayList<>();
		for (int y = 0; y < ph; y += 16)
			bands.add(new int[] { y, Math.min(ph, y + 16) });
		Parallelization.getTaskExecutor().forEach(bands, band -> {
			progress.checkCancelled();
			final float[] buffer = new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)];
			for (int py = band[0]; py < band[1]; py++)
				row.run(py, buffer);
		});
	}

	private interface RowAction {

		void run(int py, float[] buffer);
	}

	/** Median of the finite values around (px, py) in the 5x5 window, centre excluded. */
	float neighbourMedian(final float[] map, final int px, final int py, final float[] buffer) {
		int n = 0;
		for (int y = Math.max(0, py - RADIUS); y <= Math.min(ph - 1, py + RADIUS); y++)
			for (int x = Math.max(0, px - RADIUS); x <= Math.min(pw - 1, px + RADIUS); x++) {
				if (x == px && y == py) continue;
				final float v = map[y * pw + x];
				if (!Float.isNaN(v)) buffer[n++] = v;
			}
		return RobustStats.median(buffer, n);
	}

	private void blockSigmas(final float[] residual, final float[] sigmas, final double floor) {
		final float[] buffer = new float[BLOCK * BLOCK];
		for (int b = 0; b < sigmas.length; b++) {
			final int bx = (b % blocksX) * BLOCK, by = (b / blocksX) * BLOCK;
			int n = 0;
			for (int y = by; y < Math.min(ph, by + BLOCK); y++)
				for (int x = bx; x < Math.min(pw, bx + BLOCK); x++) {
					final float r = residual[y * pw + x];
					if (!Float.isNaN(r)) buffer[n++] = r;
				}
			sigmas[b] = n == 0 ? Float.NaN : RobustStats.sigmaOfCentred(buffer, n);
		}
		// a flat block (saturated sky, a constant test pattern) must not make tiny deviations huge
		final float typical = quantile(sigmas.clone(), 0.5);
		final float lowest = (float) Math.max(floor, 0.5 * (Float.isNaN(typical) ? 0 : typical));
		for (int b = 0; b < sigmas.length; b++)
			sigmas[b] = Float.isNaN(sigmas[b]) ? lowest : Math.max(lowest, sigmas[b]);
	}

	/**
	 * Score of the mean of pixel (px, py): its residual over the larger of its block's robust
	 * sigma and a part of its own standard error of the mean.
	 */
	float meanScore(final int px, final int py) {
		final int i = py * pw + px;
		final double ownError = OWN_ERROR_FRACTION * Math.sqrt(Math.max(0, Math.exp(logVar[i]) -
			epsilon) / frames);
		return (float) (resMean[i] / Math.max(ownError, blockSigmaMean[(py / BLOCK) * blocksX + px /
			BLOCK]));
	}

	/**
	 * Score of the log variance of pixel (px, py): residual over its block's robust sigma, at
	 * least the sampling error of a log variance from n samples, sqrt(2 / (n - 1)).
	 */
	float varianceScore(final int px, final int py) {
		return (float) (resLogVar[py * pw + px] / Math.max(logVarSamplingError,
			blockSigmaLogVar[(py / BLOCK) * blocksX + px / BLOCK]));
	}

	/** The q-quantile of the finite values of {@code values} (a strided sample of large arrays). */
	static float quantile(final float[] values, final double q) {
		final int stride = Math.max(1, values.length / 1_000_000);
		final float[] sample = new float[(values.length + stride - 1) / stride];
		int n = 0;
		for (int i = 0; i < values.length; i += stride)
			if (!Float.isNaN(values[i])) sample[n++] = values[i];
		if (n == 0) return Float.NaN;
		return RobustStats.select(sample, n, (int) Math.min(n - 1, Math.floor(q * n)));
	}
}
