package org.hotpixels.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * A series of 16-bit (or 32-bit float) dark frames like those of an astronomy or microscopy
 * camera: each pixel is a bias level, plus gain times a Poisson number of dark electrons whose mean
 * varies slightly from pixel to pixel (lognormal dark signal non-uniformity), plus Gaussian read
 * noise, clipped to 0..65535. Planted defects change a pixel's dark current: hot pixels and hot
 * column segments add electrons, cold pixels multiply them, dead pixels have none (bias and read
 * noise only), stuck pixels show a fixed value. Frame {@code i} depends only on the seed and
 * {@code i}.
 *
 * <pre>{@code
 * DarkFrameSeries darks = DarkFrameSeries.builder().size(320, 240).frames(50).seed(7).build();
 * Frame f = darks.frame(0);                           // PixelType.GRAY16, short[]
 * DarkFrameSeries clean = DarkFrameSeries.builder().biasOnly().build(); // no defects
 * }</pre>
 */
public final class DarkFrameSeries extends SeriesShape {

	private static final int NOISE_STREAM = 2;

	private final double bias, gain, darkCurrent, readNoise;
	private final List<PlantedDefect> planted;
	private final DarkCurrentMap darkMap;

	private DarkFrameSeries(final Builder b) {
		super(b.width, b.height, b.frames, b.type, b.seed);
		bias = b.bias;
		gain = b.gain;
		darkCurrent = b.darkCurrent;
		readNoise = b.readNoise;
		planted = Collections.unmodifiableList(new ArrayList<>(b.defects != null ? b.defects
			: defaultDefects(width, height, seed, darkCurrent, gain, readNoise)));
		darkMap = new DarkCurrentMap(width, height, darkCurrent, b.dsnu, FastRandom.forKey(seed, -2),
			planted);
	}

	/**
	 * A builder with the defaults: 320x240, 60 frames of 16 bits, seed 1, bias 300 ADU, gain 1.5
	 * ADU per electron, 25 dark electrons per frame with 10% non-uniformity, read noise 6 ADU, and
	 * the default defects.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Single-frame standard deviation, in ADU, of a typical pixel:
	 * {@code sqrt(gain^2 * darkCurrent + readNoise^2)}.
	 */
	public static double frameSigma(final double darkCurrent, final double gain,
		final double readNoise)
	{
		return Math.sqrt(gain * gain * darkCurrent + readNoise * readNoise);
	}

	/**
	 * A representative set at random, well separated places (chosen by the seed): strong hot
	 * pixels (20-100 times the dark current; one on the frame's edge, one a 2-pixel adjacent
	 * pair), faint hot pixels (mean 4-6 single-frame sigmas above normal), two hot column segments
	 * of 10-60 rows (1.5-3 times the dark current added), three dead and two cold (half the dark
	 * current) pixels. All in channel 0.
	 */
	public static List<PlantedDefect> defaultDefects(final int width, final int height,
		final long seed, final double darkCurrent, final double gain, final double readNoise)
	{
		final DefectLayout layout = new DefectLayout(FastRandom.forKey(seed, -1), width, height);
		final double reference = Math.max(darkCurrent, 1);
		final double sigmaElectrons = frameSigma(darkCurrent, gain, readNoise) / gain;
		final List<PlantedDefect> d = new ArrayList<>();
		for (int n = 0; n < 4; n++)
			d.add(at(layout, PlantedDefect.hot(0, 0, 0, strong(layout, reference))));
		final int[] edge = layout.placeOnEdge(4);
		d.add(PlantedDefect.hot(edge[0], edge[1], 0, strong(layout, reference)).withLabel("edge hot"));
		final int[] pair = layout.place(2, 1, 4);
		final double pairExtra = strong(layout, reference);
		d.add(PlantedDefect.hot(pair[0], pair[1], 0, pairExtra).withLabel("hot pair"));
		d.add(PlantedDefect.hot(pair[0] + 1, pair[1], 0, pairExtra).withLabel("hot pair"));
		for (int n = 0; n < 5; n++)
			d.add(at(layout, PlantedDefect.hot(0, 0, 0, layout.uniform(4, 6) * sigmaElectrons).withLabel(
				"faint hot")));
		for (int n = 0; n < 2; n++) {
			final int length = Math.min(layout.between(10, 60), height - 10);
			d.add(at(layout, PlantedDefect.hotColumn(0, 0, length - 1, 0, layout.uniform(1.5, 3) *
				reference)));
		}
		for (int n = 0; n < 3; n++)
			d.add(at(layout, PlantedDefect.dead(0, 0, 0)));
		for (int n = 0; n < 2; n++)
			d.add(at(layout, PlantedDefect.cold(0, 0, 0, 0.5)));
		return d;
	}

	private static double strong(final DefectLayout layout, final double reference) {
		return (layout.uniform(20, 100) - 1) * reference;
	}

	private static PlantedDefect at(final DefectLayout layout, final PlantedDefect defect) {
		final int[] p = layout.place(1, defect.length(), 4);
		return defect.movedTo(p[0], p[1]);
	}

	@Override
	public Frame frame(final int index) {
		if (index < 0 || index >= frames) throw new IndexOutOfBoundsException("Frame " + index +
			" of " + frames);
		final FastRandom random = FastRandom.forKey(seed, index, NOISE_STREAM);
		final int n = width * height;
		final Object plane = Frame.newPlane(type, n);
		for (int i = 0; i < n; i++) {
			final double v = bias + gain * PoissonSampler.sample(random, darkMap.rate(i)) + readNoise *
				random.nextGaussian();
			if (type == PixelType.GRAY32) ((float[]) plane)[i] = (float) v;
			else((short[]) plane)[i] = (short) (v <= 0 ? 0 : v >= 65535 ? 65535 : Math.round(v));
		}
		darkMap.applyStuck(plane);
		return Frame.of(frameName(index), type, width, height, plane);
	}

	@Override
	public List<PlantedDefect> planted() {
		return planted;
	}

	/** Bias level in ADU. */
	public double bias() {
		return bias;
	}

	/** ADU per electron. */
	public double gain() {
		return gain;
	}

	/** Mean dark electrons per pixel and frame. */
	public double darkCurrent() {
		return darkCurrent;
	}

	/** Read noise standard deviation in ADU. */
	public double readNoise() {
		return readNoise;
	}

	/** Mean dark electrons per frame of the pixel at (x, y), defects included. */
	public double darkRate(final int x, final int y) {
		return darkMap.rate(y * width + x);
	}

	/** Settings of a {@link DarkFrameSeries}; every one has a sensible default. */
	public static final class Builder extends SeriesBuilder<Builder> {

		private double bias = 300, gain = 1.5, darkCurrent = 25, dsnu = 0.1, readNoise = 6;

		private Builder() {
			super(PixelType.GRAY16);
		}

		/** GRAY16 (default, rounded and clipped to 0..65535) or GRAY32 (neither). */
		@Override
		void checkType(final PixelType t) {
			if (t != PixelType.GRAY16 && t != PixelType.GRAY32) throw new HotPixelsException(
				"Dark frames are 16-bit or 32-bit, not " + t.label() + ".");
		}

		/** Offset of every pixel in ADU (default 300). */
		public Builder bias(final double adu) {
			bias = adu;
			return this;
		}

		/** ADU per electron (default 1.5). */
		public Builder gain(final double aduPerElectron) {
			gain = aduPerElectron;
			return this;
		}

		/**
		 * Mean dark electrons per pixel and frame (default 25), and the relative spread of the
		 * pixels' means (lognormal sigma, default 0.1).
		 */
		public Builder darkCurrent(final double electrons, final double nonUniformity) {
			darkCurrent = Math.max(0, electrons);
			dsnu = Math.max(0, nonUniformity);
			return this;
		}

		/** Read noise standard deviation in ADU (default 6). */
		public Builder readNoise(final double adu) {
			readNoise = Math.max(0, adu);
			return this;
		}

		/** Bias frames: no dark current, no defects, read noise only. */
		public Builder biasOnly() {
			darkCurrent(0, 0);
			return noDefects();
		}

		public DarkFrameSeries build() {
			return new DarkFrameSeries(this);
		}
	}
}
