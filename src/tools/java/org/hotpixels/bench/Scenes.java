package org.hotpixels.bench;

import org.hotpixels.source.PixelType;

/**
 * Deterministic synthetic frames for the benchmark, with the same planted defects in every frame
 * of a series: photo-like RGB scenes (a different scene per frame, like the shots of a photo
 * series) and sensor-noise frames (dark frames or a microscope series) of any pixel type. Frame
 * {@code k} depends only on the size, the seed and {@code k}, so frames can be made in parallel.
 *
 * <pre>{@code
 * int[] rgb = Scenes.photo(3872, 2592, 7, 0);
 * Object plane = Scenes.sensor(PixelType.GRAY16, 2048, 2048, 7, 0);
 * }</pre>
 */
final class Scenes {

	/** Planted defects per series: a third stuck, a third hot, a third dead. */
	static final int DEFECTS = 12;
	/** Side of the coarse grid the smooth part of a scene is drawn on, then interpolated. */
	private static final int CELL = 16;

	private Scenes() {}

	/** A photo-like packed RGB frame: a gradient sky, soft blobs, hard-edged boxes, grain. */
	static int[] photo(final int w, final int h, final long seed, final int frame) {
		final Random r = new Random(seed * 1_000_003L + frame);
		final float[][] coarse = coarsePhoto(w, h, r);
		final int[] rgb = new int[w * h];
		final int cw = w / CELL + 2;
		final int boxes = 6 + r.nextInt(6);
		final int[] box = new int[boxes * 5];
		for (int b = 0; b < boxes; b++) {
			box[5 * b] = r.nextInt(w);
			box[5 * b + 1] = r.nextInt(h);
			box[5 * b + 2] = box[5 * b] + w / 20 + r.nextInt(w / 5);
			box[5 * b + 3] = box[5 * b + 1] + h / 20 + r.nextInt(h / 5);
			box[5 * b + 4] = r.nextInt(0x1000000);
		}
		final float[] cr = coarse[0], cg = coarse[1], cb = coarse[2];
		for (int y = 0; y < h; y++) {
			final int row = (y / CELL) * cw;
			final float fy = (y % CELL + 0.5f) / CELL;
			for (int x = 0; x < w; x++) {
				final int k = row + x / CELL;
				final float fx = (x % CELL + 0.5f) / CELL;
				final long n = r.next64();
				final int red = (int) lerp(cr, k, cw, fx, fy) + grain(n);
				final int green = (int) lerp(cg, k, cw, fx, fy) + grain(n >>> 16);
				final int blue = (int) lerp(cb, k, cw, fx, fy) + grain(n >>> 32);
				rgb[y * w + x] = clamp(red, 255) << 16 | clamp(green, 255) << 8 | clamp(blue, 255);
			}
			for (int b = 0; b < boxes; b++)
				if (y >= box[5 * b + 1] && y < box[5 * b + 3]) blend(rgb, y * w, box[5 * b], Math.min(w,
					box[5 * b + 2]), box[5 * b + 4]);
		}
		plantRgb(rgb, w, h, seed, r);
		return rgb;
	}

	/** Averages pixels {@code [x0, x1)} of a row with a colour: a half-transparent box. */
	private static void blend(final int[] rgb, final int row, final int x0, final int x1,
		final int colour)
	{
		for (int i = row + x0; i < row + x1; i++) {
			final int p = rgb[i];
			rgb[i] = ((p >> 16 & 0xff) + (colour >> 16 & 0xff)) >> 1 << 16 | ((p >> 8 & 0xff) +
				(colour >> 8 & 0xff)) >> 1 << 8 | ((p & 0xff) + (colour & 0xff)) >> 1;
		}
	}

	/** Gradient plus Gaussian blobs, per colour channel, on a grid of CELL x CELL cells. */
	private static float[][] coarsePhoto(final int w, final int h, final Random r) {
		final int cw = w / CELL + 2, ch = h / CELL + 2;
		final float[][] out = new float[3][cw * ch];
		final double angle = r.nextDouble() * 2 * Math.PI;
		final int blobs = 8 + r.nextInt(8);
		final double[] blob = new double[blobs * 6];
		for (int b = 0; b < blobs; b++) {
			blob[6 * b] = r.nextDouble() * cw;
			blob[6 * b + 1] = r.nextDouble() * ch;
			blob[6 * b + 2] = 2 + r.nextDouble() * cw / 6;
			for (int c = 0; c < 3; c++)
				blob[6 * b + 3 + c] = r.nextDouble() * 240 - 120;
		}
		for (int c = 0; c < 3; c++) {
			final double top = 40 + r.nextDouble() * 180, bottom = 20 + r.nextDouble() * 120;
			for (int gy = 0; gy < ch; gy++)
				for (int gx = 0; gx < cw; gx++) {
					final double t = ((gx * Math.cos(angle) + gy * Math.sin(angle)) / Math.max(cw, ch) +
						1) / 2;
					double v = top + (bottom - top) * t;
					for (int b = 0; b < blobs; b++) {
						final double dx = gx - blob[6 * b], dy = gy - blob[6 * b + 1], s = blob[6 * b + 2];
						v += blob[6 * b + 3 + c] * Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
					}
					out[c][gy * cw + gx] = (float) v;
				}
		}
		return out;
	}

	private static float lerp(final float[] g, final int k, final int cw, final float fx,
		final float fy)
	{
		final float top = g[k] + (g[k + 1] - g[k]) * fx;
		final float bottom = g[k + cw] + (g[k + cw + 1] - g[k + cw]) * fx;
		return top + (bottom - top) * fy;
	}

	/** Film-grain-like noise, sigma about 9, from 16 random bits. */
	private static int grain(final long bits) {
		return (int) ((bits & 0xf) + (bits >> 4 & 0xf) + (bits >> 8 & 0xf) + (bits >> 12 & 0xf)) -
			30;
	}

	private static int clamp(final int v, final int max) {
		return v < 0 ? 0 : v > max ? max : v;
	}

	/**
	 * One plane of a sensor-noise frame: bias, a smooth illumination that drifts from frame to
	 * frame, Gaussian-like read noise, and the planted defects.
	 */
	static Object sensor(final PixelType type, final int w, final int h, final long seed,
		final int frame)
	{
		final Random r = new Random(seed * 1_000_003L + frame);
		final double max = type == PixelType.GRAY16 || type == PixelType.GRAY32 ? 60000 : 250;
		final double bias = max / 60, signal = max / 4, sigma = max / 2000 + 2;
		final Object plane = org.hotpixels.source.Frame.newPlane(type, w * h);
		final double phase = frame * 0.05;
		for (int y = 0; y < h; y++) {
			final double rowLight = Math.sin(Math.PI * y / h + phase);
			for (int x = 0; x < w; x++) {
				final double light = bias + signal * (0.6 + 0.4 * rowLight * Math.cos(2.0 * x / w));
				final int i = y * w + x;
				final long n = r.next64();
				final double noise = sigma * (((n & 0xffff) + (n >>> 16 & 0xffff) + (n >>> 32 &
					0xffff) + (n >>> 48)) / 37837.0 - 3.4641);
				set(type, plane, i, light + noise, n);
			}
		}
		plantSensor(type, plane, w, h, seed, r, max);
		return plane;
	}

	private static void set(final PixelType type, final Object plane, final int i, final double v,
		final long n)
	{
		switch (type) {
			case GRAY8:
				((byte[]) plane)[i] = (byte) clamp((int) Math.round(v), 255);
				break;
			case GRAY16:
				((short[]) plane)[i] = (short) clamp((int) Math.round(v), 65535);
				break;
			case GRAY32:
				((float[]) plane)[i] = (float) v;
				break;
			default: { // three independent 8-bit channels
				final int g = clamp((int) Math.round(v), 255);
				final int d = (int) (n >>> 59) - 16;
				((int[]) plane)[i] = clamp(g + d, 255) << 16 | g << 8 | clamp(g - d / 2, 255);
			}
		}
	}

	/** Position of planted defect {@code d}: the same in every frame of a series. */
	static int defectIndex(final int w, final int h, final long seed, final int d) {
		final Random r = new Random(seed ^ 0x5eed);
		int i = 0;
		for (int k = 0; k <= d; k++)
			i = (8 + r.nextInt(h - 16)) * w + 8 + r.nextInt(w - 16);
		return i;
	}

	private static void plantRgb(final int[] rgb, final int w, final int h, final long seed,
		final Random r)
	{
		for (int d = 0; d < DEFECTS; d++) {
			final int i = defectIndex(w, h, seed, d);
			rgb[i] = d % 3 == 0 ? 0x808080 : d % 3 == 1 ? 0xffffff : 0;
		}
	}

	private static void plantSensor(final PixelType type, final Object plane, final int w,
		final int h, final long seed, final Random r, final double max)
	{
		for (int d = 0; d < DEFECTS; d++) {
			final int i = defectIndex(w, h, seed, d);
			final double v = d % 3 == 0 ? max / 3 : d % 3 == 1 ? max * (0.8 + 0.1 * r.nextDouble()) : 0;
			if (type == PixelType.RGB) ((int[]) plane)[i] = 0x010101 * clamp((int) v, 255);
			else set(type, plane, i, v, 0);
		}
	}

	/** xorshift64*: fast, deterministic, good enough for test images. */
	static final class Random {

		private long state;

		Random(final long seed) {
			state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
			if (state == 0) state = 1;
			for (int k = 0; k < 4; k++)
				next64();
		}

		long next64() {
			state ^= state >>> 12;
			state ^= state << 25;
			state ^= state >>> 27;
			return state * 0x2545F4914F6CDD1DL;
		}

		int nextInt(final int bound) {
			return (int) ((next64() >>> 33) % bound);
		}

		double nextDouble() {
			return (next64() >>> 11) * 0x1.0p-53;
		}
	}
}
