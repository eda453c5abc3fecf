package org.hotpixels.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * A series of photo-like 8-bit frames, RGB or grey, each a different random scene (see
 * {@link PhotoScene}; or any {@link Scene} per frame given to the builder) with sensor noise (shot noise growing with the square root of the signal,
 * plus read noise), and the planted defects applied to the raw sensor values before any
 * compression: stuck pixels show a fixed value, dead ones 0, hot ones get an offset (often
 * clipping at 255), cold ones a factor. Frame {@code i} depends only on the seed and {@code i}.
 *
 * <pre>{@code
 * SyntheticSeries series = SyntheticSeries.builder().size(320, 240).frames(60).seed(1).build();
 * Frame first = series.frame(0);                    // PixelType.RGB, packed int[]
 * series.writeTo(folder, OutputFormat.JPEG);        // frame_0000.jpg ... (quality 90, 4:2:0)
 * List<PlantedDefect> truth = series.planted();
 * }</pre>
 */
public final class SyntheticSeries extends SeriesShape {

	private static final int SCENE_STREAM = 1;
	private static final int NOISE_STREAM = 2;

	private final List<PlantedDefect> planted;
	private final RowDefects rowDefects;
	private final float[] noiseSigma;
	private final IntFunction<? extends Scene> scenes;

	private SyntheticSeries(final Builder b) {
		super(b.width, b.height, b.frames, b.type, b.seed);
		planted = Collections.unmodifiableList(new ArrayList<>(b.defects != null ? b.defects
			: defaultDefects(width, height, type == PixelType.RGB, seed)));
		rowDefects = new RowDefects(planted, width, height, type.channelsPerPlane());
		scenes = b.scenes;
		noiseSigma = new float[1024];
		for (int v = 0; v < noiseSigma.length; v++)
			noiseSigma[v] = (float) Math.sqrt(b.shotNoise * v + b.readNoise * b.readNoise);
	}

	/** A builder with the defaults: 320x240, 60 RGB frames, seed 1, the default defects. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A representative set of defects at random, well separated places (chosen by the seed):
	 * stuck (two in all channels, one in green only, one on the frame's edge), dead (all
	 * channels; red only), hot (two in all channels, one blue only, a 2-pixel adjacent pair) and
	 * cold (all channels; green only). A grey series gets the same kinds in channel 0.
	 */
	public static List<PlantedDefect> defaultDefects(final int width, final int height,
		final boolean rgb, final long seed)
	{
		final DefectLayout layout = new DefectLayout(FastRandom.forKey(seed, -1), width, height);
		final int all = rgb ? Defect.ALL_CHANNELS : 0;
		final int red = 0, green = rgb ? 1 : 0, blue = rgb ? 2 : 0;
		final List<PlantedDefect> d = new ArrayList<>();
		for (int n = 0; n < 2; n++)
			d.add(at(layout, PlantedDefect.stuck(0, 0, all, layout.between(40, 220))));
		d.add(at(layout, PlantedDefect.stuck(0, 0, green, layout.between(40, 220)).withLabel(rgb
			? "green-only stuck" : "stuck")));
		final int[] edge = layout.placeOnEdge(4);
		d.add(PlantedDefect.stuck(edge[0], edge[1], all, layout.between(40, 220)).withLabel(
			"edge stuck"));
		d.add(at(layout, PlantedDefect.dead(0, 0, all)));
		d.add(at(layout, PlantedDefect.dead(0, 0, red).withLabel(rgb ? "red-only dead" : "dead")));
		for (int n = 0; n < 2; n++)
			d.add(at(layout, PlantedDefect.hot(0, 0, all, layout.between(120, 200))));
		d.add(at(layout, PlantedDefect.hot(0, 0, blue, layout.between(120, 200)).withLabel(rgb
			? "blue-only hot" : "hot")));
		final int[] pair = layout.place(2, 1, 4);
		final double pairOffset = layout.between(100, 180);
		d.add(PlantedDefect.hot(pair[0], pair[1], all, pairOffset).withLabel("hot pair"));
		d.add(PlantedDefect.hot(pair[0] + 1, pair[1], all, pairOffset).withLabel("hot pair"));
		d.add(at(layout, PlantedDefect.cold(0, 0, all, 0.3)));
		d.add(at(layout, PlantedDefect.cold(0, 0, green, 0.3).withLabel(rgb ? "green-only cold"
			: "cold")));
		return d;
	}

	private static PlantedDefect at(final DefectLayout layout, final PlantedDefect defect) {
		final int[] p = layout.place(1, defect.length(), 4);
		return defect.movedTo(p[0], p[1]);
	}

	@Override
	public Frame frame(final int index) {
		if (index < 0 || index >= frames) throw new IndexOutOfBoundsException("Frame " + index +
			" of " + frames);
		final Scene scene = scenes != null ? scenes.apply(index) : new PhotoScene(FastRandom.forKey(
			seed, index, SCENE_STREAM), width, height);
		final FastRandom noise = FastRandom.forKey(seed, index, NOISE_STREAM);
		final float[] r = new float[width], g = new float[width], b = new float[width];
		final Object plane = Frame.newPlane(type, width * height);
		for (int y = 0; y < height; y++) {
			scene.renderRow(y, r, g, b);
			if (type == PixelType.RGB) {
				addNoise(r, noise);
				addNoise(g, noise);
				addNoise(b, noise);
				rowDefects.apply(y, r, g, b);
				pack(r, g, b, (int[]) plane, y * width);
			}
			else {
				for (int x = 0; x < width; x++)
					r[x] = 0.299f * r[x] + 0.587f * g[x] + 0.114f * b[x];
				addNoise(r, noise);
				rowDefects.apply(y, r);
				final byte[] out = (byte[]) plane;
				for (int x = 0, i = y * width; x < width; x++, i++)
					out[i] = (byte) clip(r[x]);
			}
		}
		return Frame.of(frameName(index), type, width, height, plane);
	}

	private void addNoise(final float[] row, final FastRandom noise) {
		final int top = noiseSigma.length - 1;
		for (int x = 0; x < width; x++) {
			final float v = row[x];
			final int level = v <= 0 ? 0 : v >= top ? top : (int) v;
			row[x] = v + noiseSigma[level] * (float) noise.nextGaussian();
		}
	}

	private void pack(final float[] r, final float[] g, final float[] b, final int[] out,
		final int offset)
	{
		for (int x = 0; x < width; x++)
			out[offset + x] = 0xff000000 | clip(r[x]) << 16 | clip(g[x]) << 8 | clip(b[x]);
	}

	/** Rounds to the nearest 8-bit value, saturating at 0 and 255. */
	static int clip(final float v) {
		return v <= 0 ? 0 : v >= 254.5f ? 255 : (int) (v + 0.5f);
	}

	@Override
	public List<PlantedDefect> planted() {
		return planted;
	}

	/** Settings of a {@link SyntheticSeries}; every one has a sensible default. */
	public static final class Builder extends SeriesBuilder<Builder> {

		private double shotNoise = 0.25, readNoise = 1.5;
		private IntFunction<? extends Scene> scenes;

		private Builder() {
			super(PixelType.RGB);
		}

		/** RGB (default) or GRAY8 frames. */
		@Override
		void checkType(final PixelType t) {
			if (t != PixelType.RGB && t != PixelType.GRAY8) throw new HotPixelsException(
				"Photo-like series are RGB or 8-bit, not " + t.label() + ".");
		}

		/** 8-bit grey frames (the luminance of the scene) instead of RGB. */
		public Builder grey() {
			return pixelType(PixelType.GRAY8);
		}

		/**
		 * Noise of a sample of value v: Gaussian with variance {@code shot * v + read^2} (in 8-bit
		 * units; default shot 0.25, read 1.5).
		 */
		public Builder noise(final double shot, final double read) {
			shotNoise = Math.max(0, shot);
			readNoise = Math.max(0, read);
			return this;
		}

		/**
		 * The scene of each frame, by index (default: a random {@link PhotoScene} per frame from
		 * the seed); called from several threads when frames are made in parallel.
		 */
		public Builder scenes(final IntFunction<? extends Scene> sceneOfFrame) {
			scenes = sceneOfFrame;
			return this;
		}

		public SyntheticSeries build() {
			return new SyntheticSeries(this);
		}
	}
}
