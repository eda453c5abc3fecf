package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotpixels.stats.PixelStatistics;

/**
 * Stuck values confined to one channel of colour frames (8-bit RGB, such as JPEG), from the log
 * variance of that channel against the other two at the same pixel.
 * <p>
 * 4:2:0 JPEG keeps one chroma sample per 2x2 block, and the decoder spreads it further, so a
 * pixel stuck in blue (or red) alone keeps 70-85% of its neighbours' variance there (and some of
 * it leaks into the other channels): nowhere near the 40% that {@link PlaneScores} asks of a
 * stuck pixel, and within the sampling error that it allows a log variance. Yet a photograph's
 * variation is mostly shared by the three channels (luma), so two quantities spread far less
 * from pixel to pixel than that error:
 * <ol>
 * <li>the channel's own log variance against the median of its 5x5 neighbours', in units of its
 * block's own spread ({@link PlaneScores#channelVarianceScore}), under 90% of the neighbours'
 * variance and beyond what chance gives for the frames ({@link PlaneScores#channelChanceLogRatio});
 * </li>
 * <li>the cross-channel contrast: the channel's log variance minus the mean of the other two's
 * at the same pixel, as a residual against the median of the same quantity of the 5x5
 * neighbours, in units of its block's robust spread ({@link #score}). A one-channel stuck pixel
 * lowers its own channel only.</li>
 * </ol>
 * A pixel is stuck in one channel when both reach {@code -sigma}, its loss of variance is its
 * own ({@link #onePixel}) and it stands out of the chance dips around it ({@link #localScore}:
 * with fewer than about 30 frames, a texture that some scenes put at a pixel dips one channel's
 * variance there by 10-20%); on clean photo series each test alone flags a few normal pixels (an
 * edge that several scenes share, a spot of colour), together none from 60 frames on. The score
 * is the weakest of the three. Only red and blue are tested: green carries most of the luma, which
 * JPEG keeps for every pixel, so a pixel stuck in green alone loses most of its variance there
 * and {@link PlaneScores}' own variance test finds it (as it finds every one-channel stuck pixel
 * of lossless frames). Fixed scenes are left to the noise model of {@link PlaneScores}.
 * <p>
 * Use: {@link #keep} each plane's log variances as it is scored and {@link #propose} its pixels
 * that pass (1); after the last plane, {@link #confirmed} returns those that pass (2). Only the
 * proposals (a handful per plane) and the blocks that hold them cost anything.
 */
final class CrossChannel {

	/** Channels of a colour frame. */
	static final int CHANNELS = 3;
	/**
	 * Fewest frames for this test: with fewer, the few scenes' chance dips in one channel's
	 * variance pass both its tests, as a log variance of few degrees of freedom has a long lower
	 * tail (the independent check's 2000x1500 JPEG series: 10 and 14 false one-channel stuck
	 * pixels with 8 frames, 4 and 6 with 10, 0 and 2 with 12).
	 */
	static final int LEAST_FRAMES = 12;
	/**
	 * A pixel stuck in one channel of a 4:2:0 JPEG keeps at most about 85% of its neighbours'
	 * variance there (measured 70-85% for blue at q85-q95): one that keeps more is no evidence of
	 * a stuck value (a slightly lower gain lowers the variance a little, too).
	 */
	static final double ONE_CHANNEL_LOG_RATIO = Math.log(0.9);
	/**
	 * The strongest loss of variance among the 8 neighbours, as a part of the pixel's own (both
	 * against the median of its 5x5 neighbours), up to which the loss is the pixel's own: 4:2:0
	 * JPEG spreads a stuck pixel's chroma over its 2x2 block, but the other pixels there lose at
	 * most 2/3 as much (measured up to 0.64 at 30 frames, 0.31-0.48 at 60); the chance dips of a
	 * few frames' scenes are lines and blobs (0.62-1.0 at 30 frames).
	 */
	static final double NEIGHBOUR_SHARE = 0.7;
	/** Blocks sampled for the typical spread, which bounds each block's from below. */
	private static final int TYPICAL_BLOCKS = 64;

	private final PixelStatistics stats;
	private final int width, height, blocksX, blocksY;
	/** Each channel's {@link PlaneScores#epsilon}, added to variances before their logarithm. */
	private final double[] epsilon = new double[CHANNELS];
	/** Robust spread of the contrast residuals per channel and block; 0 until computed. */
	private final float[][] spreads;
	private final float[] typical = new float[CHANNELS];
	private final List<Candidate> proposals = new ArrayList<>();

	CrossChannel(final PixelStatistics stats) {
		this.stats = stats;
		this.width = stats.width();
		this.height = stats.height();
		blocksX = (width + PlaneScores.BLOCK - 1) / PlaneScores.BLOCK;
		blocksY = (height + PlaneScores.BLOCK - 1) / PlaneScores.BLOCK;
		spreads = new float[CHANNELS][blocksX * blocksY];
	}

	/** True for the channels this test looks at: red (0) and blue (2). */
	static boolean tests(final int channel) {
		return channel == 0 || channel == 2;
	}

	/**
	 * Notes how a channel's log variances are taken (step 1) once it is scored: the few pixels
	 * this test looks at recompute them from the statistics, the same values as the channel's
	 * map, which is not kept (a 10-megapixel photo's three would hold 120 MB).
	 */
	void keep(final PlaneScores plane) {
		epsilon[plane.channel()] = plane.epsilon();
	}

	/** The log variance of {@code channel} at pixel {@code i} (= y * width + x), as in its map. */
	private float logVar(final int channel, final int i) {
		return RobustStats.fastLog((float) (stats.variance(stats.index(i % width, i / width, channel)) +
			epsilon[channel]));
	}

	/** A pixel stuck in its channel by test (1); kept until every channel is scored. */
	synchronized void propose(final Candidate candidate) {
		proposals.add(candidate);
	}

	/**
	 * The proposals whose cross-channel contrast and local score also reach {@code -sigma} and
	 * whose loss of variance is their own, each scored by the weakest of its three tests.
	 */
	List<Candidate> confirmed(final double sigma) {
		final List<Candidate> out = new ArrayList<>();
		for (final Candidate c : proposals) {
			final double z = score(c.channel, c.x, c.y);
			if (!(z <= -sigma) || !onePixel(c.channel, c.x, c.y)) continue;
			final double local = localScore(c.channel, c.x, c.y);
			if (local <= -sigma) out.add(new Candidate(c.x, c.y, c.channel, c.kind, Math.min(c.score, Math
				.min(-z, -local)), c.neighbourMean, c.neighbourVariance));
		}
		return out;
	}

	/**
	 * The log-variance residual of (x, y) in {@code channel} (against the median of its 5x5
	 * neighbours) over the robust spread of the same residuals of the 16 pixels two away, outside
	 * the 2x2 block whose chroma 4:2:0 JPEG shares: the scale of chance dips at this very spot. A
	 * block's spread is that of its typical pixel; where a texture or an edge that some scenes put
	 * here makes the variances around a pixel vary more, a few frames dip one channel's variance
	 * by 10-20% by chance (the independent check's 16-frame photos: six false stuck pixels, each
	 * within 5.6 of these local spreads). Minus infinity (no evidence against the pixel: the test
	 * passes) where fewer than eight of those pixels have a value inside the image.
	 */
	double localScore(final int channel, final int x, final int y) {
		final float[] ring = new float[16], buffer = new float[24];
		int n = 0;
		final int r = PlaneScores.RADIUS;
		for (int v = y - r; v <= y + r; v++)
			for (int u = x - r; u <= x + r; u++)
				if (Math.max(Math.abs(u - x), Math.abs(v - y)) == r && u >= 0 && v >= 0 && u < width &&
					v < height)
				{
					final double d = logVarResidual(channel, u, v, buffer);
					if (!Double.isNaN(d)) ring[n++] = (float) d;
				}
		if (n < 8) return Double.NEGATIVE_INFINITY;
		final double spread = Math.max(RobustStats.sigmaOfCentred(ring, n), PlaneScores.LEAST_SPREAD);
		return logVarResidual(channel, x, y, buffer) / spread;
	}

	/** The log variance of (x, y) in {@code channel} minus the median of its 5x5 neighbours'. */
	private double logVarResidual(final int channel, final int x, final int y, final float[] buffer) {
		return logVar(channel, y * width + x) - medianAround(x, y, (u, v) -> logVar(channel, v * width +
			u), buffer);
	}

	/** A value per pixel (u, v) of the image, NaN where there is none. */
	private interface PixelValue {

		float at(int u, int v);
	}

	/**
	 * The median of the values of the (up to 24) neighbours of (x, y) in its 5x5 window inside
	 * the image, NaN ones left out; NaN if none is left. {@code buffer} holds 24.
	 */
	private float medianAround(final int x, final int y, final PixelValue value,
		final float[] buffer)
	{
		int n = 0;
		for (int v = Math.max(0, y - PlaneScores.RADIUS); v <= Math.min(height - 1, y +
			PlaneScores.RADIUS); v++)
			for (int u = Math.max(0, x - PlaneScores.RADIUS); u <= Math.min(width - 1, x +
				PlaneScores.RADIUS); u++)
			{
				if (u == x && v == y) continue;
				final float l = value.at(u, v);
				if (!Float.isNaN(l)) buffer[n++] = l;
			}
		return RobustStats.median(buffer, n);
	}

	/** The cross-channel contrast residual of (x, y) in units of its block's spread. */
	double score(final int channel, final int x, final int y) {
		return residual(channel, x, y, new float[24]) / spread(channel, (y / PlaneScores.BLOCK) *
			blocksX + x / PlaneScores.BLOCK);
	}

	/**
	 * True if none of the 8 neighbours of (x, y) loses more than {@link #NEIGHBOUR_SHARE} as much
	 * log variance in {@code channel} as (x, y) itself, both against the median of the 5x5
	 * neighbours of (x, y).
	 */
	boolean onePixel(final int channel, final int x, final int y) {
		final double median = medianAround(x, y, (u, v) -> logVar(channel, v * width + u),
			new float[24]);
		if (Double.isNaN(median)) return false;
		final double loss = median - logVar(channel, y * width + x);
		for (int v = Math.max(0, y - 1); v <= Math.min(height - 1, y + 1); v++)
			for (int u = Math.max(0, x - 1); u <= Math.min(width - 1, x + 1); u++)
				if ((u != x || v != y) && median - logVar(channel, v * width + u) > NEIGHBOUR_SHARE * loss)
					return false;
		return loss > 0;
	}

	/** Log variance of {@code channel} at pixel {@code i} minus the mean of the other two's. */
	private float contrast(final int channel, final int i) {
		return logVar(channel, i) - 0.5f * (logVar((channel + 1) % CHANNELS, i) + logVar((channel + 2) %
			CHANNELS, i));
	}

	/** The contrast of (x, y) minus the median of its 5x5 neighbours'. */
	private double residual(final int channel, final int x, final int y, final float[] buffer) {
		return contrast(channel, y * width + x) - medianAround(x, y, (u, v) -> contrast(channel, v *
			width + u), buffer);
	}

	/**
	 * The robust spread (1.4826 MAD about zero) of the contrast residuals of block {@code b}, from
	 * every other pixel of every other row, at least half the typical block's and
	 * {@link PlaneScores#LEAST_SPREAD}; computed once, when first asked for.
	 */
	private synchronized double spread(final int channel, final int b) {
		if (typical[channel] == 0) {
			final int step = Math.max(1, spreads[channel].length / TYPICAL_BLOCKS);
			final float[] sample = new float[(spreads[channel].length + step - 1) / step];
			int n = 0;
			for (int k = 0; k < spreads[channel].length; k += step) {
				final float s = blockSpread(channel, k);
				if (!Float.isNaN(s)) sample[n++] = s;
			}
			typical[channel] = (float) Math.max(PlaneScores.LEAST_SPREAD, n == 0 ? 0 : 0.5 * RobustStats
				.median(sample, n));
		}
		if (spreads[channel][b] == 0) {
			final float s = blockSpread(channel, b);
			spreads[channel][b] = Float.isNaN(s) ? typical[channel] : Math.max(typical[channel], s);
		}
		return spreads[channel][b];
	}

	/**
	 * The robust spread of block {@code b}'s contrast residuals ({@link #residual}, the same
	 * values), each pixel's contrast computed once for the block and its margin: the sampled
	 * pixels' 5x5 neighbourhoods overlap, and each contrast takes three logarithms.
	 */
	private float blockSpread(final int channel, final int b) {
		final int r = PlaneScores.RADIUS, x0 = (b % blocksX) * PlaneScores.BLOCK, y0 = (b / blocksX) *
			PlaneScores.BLOCK;
		final int x1 = Math.min(width, x0 + PlaneScores.BLOCK), y1 = Math.min(height, y0 +
			PlaneScores.BLOCK);
		final int left = Math.max(0, x0 - r), top = Math.max(0, y0 - r);
		final int tileWidth = Math.min(width, x1 + r) - left, tileHeight = Math.min(height, y1 + r) -
			top;
		final float[] contrasts = new float[tileWidth * tileHeight];
		for (int v = 0; v < tileHeight; v++)
			for (int u = 0; u < tileWidth; u++)
				contrasts[v * tileWidth + u] = contrast(channel, (top + v) * width + left + u);
		final int stride = width >= 2 * PlaneScores.BLOCK && height >= 2 * PlaneScores.BLOCK ? 2 : 1;
		final float[] values = new float[PlaneScores.BLOCK * PlaneScores.BLOCK];
		final float[] buffer = new float[24];
		int n = 0;
		final PixelValue tile = (u, v) -> contrasts[(v - top) * tileWidth + u - left];
		for (int y = y0; y < y1; y += stride)
			for (int x = x0; x < x1; x += stride) {
				final float residual = tile.at(x, y) - medianAround(x, y, tile, buffer);
				if (!Float.isNaN(residual)) values[n++] = residual;
			}
		return n == 0 ? Float.NaN : RobustStats.sigmaOfCentred(Arrays.copyOf(values, n), n);
	}
}
