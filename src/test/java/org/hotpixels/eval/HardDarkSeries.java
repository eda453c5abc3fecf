package org.hotpixels.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SeriesShape;
import org.hotpixels.demo.PoissonSampler;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * 16-bit dark frames harder than {@link org.hotpixels.demo.DarkFrameSeries}: each pixel is the
 * bias plus its column's fixed offset plus the frame's row offset, plus gain times a Poisson
 * number of dark electrons (rate from {@link DarkSensor#rate}: corner rise and amplifier glow,
 * times a lognormal non-uniformity, plus the planted excess), plus read noise; rounded and
 * clipped to 0..65535. Planted HOT defects add electrons per frame, DEAD ones have no dark
 * current (value 0: at the bias) or read 0 ADU (value 1), STUCK ones show a fixed value.
 *
 * <pre>{@code
 * DarkSensor sensor = DarkSensor.warm();
 * HardDarkSeries s = new HardDarkSeries(sensor, 1024, 768, 100, 21, DarkDefects.create(sensor, 1024, 768, 21));
 * }</pre>
 */
final class HardDarkSeries extends SeriesShape {

	private static final int NOISE_STREAM = 2;

	private final DarkSensor sensor;
	private final List<PlantedDefect> planted;
	private final float[] rate, columnBias;
	private final List<int[]> fixed = new ArrayList<>();

	HardDarkSeries(final DarkSensor sensor, final int width, final int height, final int frames,
		final long seed, final List<PlantedDefect> planted)
	{
		super(width, height, frames, PixelType.GRAY16, seed);
		this.sensor = sensor;
		this.planted = Collections.unmodifiableList(new ArrayList<>(planted));
		final FastRandom random = FastRandom.forKey(seed, -2);
		columnBias = new float[width];
		for (int x = 0; x < width; x++)
			columnBias[x] = (float) (sensor.columnBiasSigma * random.nextGaussian());
		rate = new float[width * height];
		final double s = sensor.dsnu;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				rate[y * width + x] = (float) (sensor.rate(x, y, width, height) * Math.exp(s * random
					.nextGaussian() - 0.5 * s * s));
		for (final PlantedDefect d : planted) {
			d.checkFits(width, height, 1);
			for (int y = d.y(); y <= d.yEnd(); y++) {
				final int i = y * width + d.x();
				if (d.kind() == DefectKind.HOT) rate[i] += d.value();
				else if (d.kind() == DefectKind.COLD) rate[i] *= d.value();
				else if (d.kind() == DefectKind.DEAD && d.value() == 0) rate[i] = 0;
				else fixed.add(new int[]{ i, d.kind() == DefectKind.DEAD ? 0 : (int) d.value() });
			}
		}
	}

	@Override
	public Frame frame(final int index) {
		final FastRandom random = FastRandom.forKey(seed, index, NOISE_STREAM);
		final short[] plane = new short[width * height];
		final double gain = sensor.gain, read = sensor.readNoise;
		for (int y = 0; y < height; y++) {
			final double row = sensor.bias + sensor.rowNoise * random.nextGaussian();
			for (int x = 0, i = y * width; x < width; x++, i++) {
				final double v = row + columnBias[x] + gain * PoissonSampler.sample(random, rate[i]) +
					read * random.nextGaussian();
				plane[i] = (short) (v <= 0 ? 0 : v >= 65535 ? 65535 : Math.round(v));
			}
		}
		for (final int[] f : fixed)
			plane[f[0]] = (short) f[1];
		return Frame.of(frameName(index), PixelType.GRAY16, width, height, plane);
	}

	/**
	 * The spread of the master dark of {@code n} frames about its local level, as an astronomer
	 * measures it: the robust spread of the differences of horizontally adjacent pixels of the
	 * expected master dark (dark-current non-uniformity, column offsets), over the square root
	 * of 2, combined with the frames' noise over sqrt(n).
	 */
	double masterSigma(final int n) {
		final float[] d = new float[(width - 1) * height];
		int k = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x + 1 < width; x++) {
				final int i = y * width + x;
				d[k++] = (float) (sensor.gain * (rate[i] - rate[i + 1]) + columnBias[x] - columnBias[x +
					1]);
			}
		for (int i = 0; i < d.length; i++)
			d[i] = Math.abs(d[i]);
		java.util.Arrays.sort(d);
		final double spatial = 1.4826 * d[d.length / 2] / Math.sqrt(2);
		final double t = sensor.temporalSigma();
		return Math.sqrt(spatial * spatial + t * t / n);
	}

	DarkSensor sensor() {
		return sensor;
	}

	@Override
	public List<PlantedDefect> planted() {
		return planted;
	}
}
