package org.hotpixels.io.jpeg;

/**
 * Repairs defects in a JPEG file in place, at the level of its 8x8 DCT blocks, as
 * {@code jpegtran -drop} inserts a block: only the blocks that hold a defect are re-encoded, every
 * other block keeps its quantised coefficients (so it decodes to the same pixels), and every other
 * segment (EXIF, ICC profile, comments, quantisation tables, sampling) is copied as it was. The
 * file size stays within a few bytes of the original's.
 * <p>
 * The repair works on the components the file stores (Y, Cb, Cr at their own resolution, or
 * grey): the coefficients are decoded, each component is brought to samples and handed to a
 * {@link SampleRepair} (the corrector's median of valid neighbours, in
 * {@code org.hotpixels.correct}); the blocks whose samples it changed are transformed and
 * quantised again with the file's own tables.
 * Only baseline JPEG (8-bit, Huffman, one scan) is handled, as cameras and most programs write it;
 * a progressive or otherwise unusual file is a {@link JpegException}, and the caller re-encodes
 * it. Defect coordinates are those of the stored image (before any EXIF rotation).
 * </p>
 *
 * <pre>{@code
 * JpegBlockRepair.Result r = JpegBlockRepair.repair(Files.readAllBytes(in), (samples, w, h,
 * 	sh, shMax, sv, svMax) -> repairSomehow(samples, w, h));
 * Files.write(out, r.bytes());
 * }</pre>
 */
public final class JpegBlockRepair {

	/** A repaired file and what changed in it. */
	public static final class Result {

		private final byte[] bytes;
		private final int blocksChanged, blocks;

		Result(final byte[] bytes, final int blocksChanged, final int blocks) {
			this.bytes = bytes;
			this.blocksChanged = blocksChanged;
			this.blocks = blocks;
		}

		/** The repaired JPEG file. */
		public byte[] bytes() {
			return bytes;
		}

		/** DCT blocks re-encoded, over all components. */
		public int blocksChanged() {
			return blocksChanged;
		}

		/** DCT blocks in the file, over all components. */
		public int blocks() {
			return blocks;
		}
	}

	/** Repairs the samples of one component. */
	public interface SampleRepair {

		/**
		 * Returns the repaired samples (0-255) of a {@code width x height} component, row by row;
		 * the component is sampled {@code h/hMax} of the image's resolution across and
		 * {@code v/vMax} down (so a pixel (x, y) of the image is sample (x * h / hMax, y * v / vMax)).
		 * May change and return {@code samples} itself.
		 */
		float[] repair(float[] samples, int width, int height, int h, int hMax, int v, int vMax);

		/**
		 * The 8x8 blocks ({@code by * blocksW + bx}) whose samples {@link #repair} reads, or null
		 * for all of them; the others are left at 0 and never decoded.
		 */
		default boolean[] blocksRead(final int blocksW, final int blocksH, final int h, final int hMax,
			final int v, final int vMax)
		{
			return null;
		}
	}

	private JpegBlockRepair() {}

	/**
	 * Repairs the samples of each component of a JPEG file given as bytes; throws
	 * {@link JpegException} for a file that cannot be repaired in place.
	 */
	public static Result repair(final byte[] jpeg, final SampleRepair repair) {
		final JpegStream s = JpegStream.parse(jpeg);
		int changed = 0, blocks = 0;
		final double[] nat = new double[64], px = new double[64];
		for (final JpegStream.Component c : s.components) {
			blocks += c.blocksW * c.blocksH;
			final int cw = (s.width * c.h + s.hMax() - 1) / s.hMax();
			final int ch = (s.height * c.v + s.vMax() - 1) / s.vMax();
			final int[] q = s.quant[c.tq];
			final float[] plane = new float[cw * ch];
			// decode the samples the repair reads (the padding blocks beyond the image are not needed)
			final boolean[] read = repair.blocksRead(c.blocksW, c.blocksH, c.h, s.hMax(), c.v, s.vMax());
			for (int by = 0; by * 8 < ch; by++)
				for (int bx = 0; bx * 8 < cw; bx++) {
					if (read != null && !read[by * c.blocksW + bx]) continue;
					final int block = (by * c.blocksW + bx) * 64;
					for (int k = 0; k < 64; k++)
						nat[Dct.ZIGZAG[k]] = c.coef[block + k] * q[k];
					Dct.inverse(nat, px);
					for (int y = 0; y < 8 && by * 8 + y < ch; y++)
						for (int x = 0; x < 8 && bx * 8 + x < cw; x++)
							plane[(by * 8 + y) * cw + bx * 8 + x] = (float) Math.max(0, Math.min(255, px[y * 8 +
								x] + 128));
				}
			final float[] out = repair.repair(plane.clone(), cw, ch, c.h, s.hMax(), c.v, s.vMax());
			final boolean[] dirty = new boolean[c.blocksW * c.blocksH];
			for (int i = 0; i < plane.length; i++)
				if (Float.floatToIntBits(out[i]) != Float.floatToIntBits(plane[i])) dirty[(i / cw / 8) *
					c.blocksW + (i % cw) / 8] = true;
			for (int b = 0; b < dirty.length; b++) {
				if (!dirty[b]) continue;
				final int bx = b % c.blocksW, by = b / c.blocksW, block = b * 64;
				for (int k = 0; k < 64; k++)
					nat[Dct.ZIGZAG[k]] = c.coef[block + k] * q[k];
				Dct.inverse(nat, px); // the padding samples, as they were
				for (int y = 0; y < 8; y++)
					for (int x = 0; x < 8; x++) {
						final int sx = bx * 8 + x, sy = by * 8 + y;
						if (sx < cw && sy < ch) px[y * 8 + x] = out[sy * cw + sx] - 128;
					}
				Dct.forward(px, nat);
				for (int k = 0; k < 64; k++) {
					final long v = Math.round(nat[Dct.ZIGZAG[k]] / q[k]);
					c.coef[block + k] = (short) Math.max(k == 0 ? -2047 : -1023, Math.min(k == 0 ? 2047
						: 1023, v));
				}
				changed++;
			}
		}
		return new Result(changed == 0 ? jpeg.clone() : s.write(), changed, blocks);
	}
}
