package org.hotpixels.demo;

import java.util.List;

import org.hotpixels.detect.DefectKind;

/**
 * The mean dark electrons per frame of every pixel of a dark series: lognormal around the mean
 * (keeping the mean), then changed by the planted defects; plus the stuck pixels' fixed values.
 */
final class DarkCurrentMap {

	private final float[] rate;
	private final int[] stuckIndex;
	private final double[] stuckValue;

	DarkCurrentMap(final int width, final int height, final double mean, final double sigma,
		final FastRandom random, final List<PlantedDefect> defects)
	{
		rate = new float[width * height];
		final double logMean = Math.log(Math.max(mean, Double.MIN_NORMAL)) - 0.5 * sigma * sigma;
		for (int i = 0; i < rate.length; i++)
			rate[i] = mean <= 0 ? 0 : (float) Math.exp(logMean + sigma * random.nextGaussian());
		int stuck = 0;
		for (final PlantedDefect d : defects) {
			d.checkFits(width, height, 1);
			if (d.kind() == DefectKind.STUCK) stuck += d.length();
		}
		stuckIndex = new int[stuck];
		stuckValue = new double[stuck];
		stuck = 0;
		for (final PlantedDefect d : defects)
			for (int y = d.y(); y <= d.yEnd(); y++) {
				final int i = y * width + d.x();
				switch (d.kind()) {
					case HOT :
						rate[i] += d.value();
						break;
					case COLD :
						rate[i] *= d.value();
						break;
					case DEAD :
						rate[i] = 0;
						break;
					default :
						stuckIndex[stuck] = i;
						stuckValue[stuck++] = d.value();
				}
			}
	}

	/** Mean dark electrons per frame of pixel {@code i} (row-major index). */
	double rate(final int i) {
		return rate[i];
	}

	/** Sets the stuck pixels of a {@code short[]} or {@code float[]} plane to their values. */
	void applyStuck(final Object plane) {
		for (int k = 0; k < stuckIndex.length; k++) {
			final double v = stuckValue[k];
			if (plane instanceof short[]) ((short[]) plane)[stuckIndex[k]] = (short) Math.max(0, Math.min(
				65535, Math.round(v)));
			else((float[]) plane)[stuckIndex[k]] = (float) v;
		}
	}
}
