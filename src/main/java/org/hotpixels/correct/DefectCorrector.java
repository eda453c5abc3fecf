package org.hotpixels.correct;

import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * Repairs defective pixels: every pixel that a defect covers (its bounding box, in its channel or
 * in every channel for {@link Defect#ALL_CHANNELS}) becomes the median of its valid same-channel
 * neighbours. The window starts at 3x3 and widens to 5x5, then 7x7, until it holds at least
 * {@link #MIN_NEIGHBOURS} valid neighbours; a neighbour is valid when it lies inside the image and
 * is not itself defective in that channel, so clusters, columns, borders and corners are repaired
 * from good pixels only. With a {@link CfaPattern} (a raw Bayer mosaic, one channel) the window
 * steps two pixels at a time, so only same-colour sites are used (5x5, 9x9, 13x13 sensor pixels);
 * these are the sites of the same 2x2 sub-plane whatever the pattern, so the two greens of a
 * Bayer block are repaired separately. A {@link org.hotpixels.detect.DefectKind#COLUMN} segment
 * is repaired from the (same-colour) columns beside it only, never from its own column beyond its
 * ends, and a {@link org.hotpixels.detect.DefectKind#ROW} segment from the rows above and below.
 * An even number of neighbours gives the mean of the two middle values, rounded half up for
 * integer types. In float images a NaN or infinite neighbour is not valid either: the window
 * widens past such neighbours just as past defects. A pixel without any valid neighbour in the
 * widest window stays as it is (see {@link #unrepairedCount()}).
 * <p>
 * Every other pixel is copied bit for bit; the input frame is never modified. For packed RGB
 * only the byte of the defective channel changes. The masks and neighbour lists are built once in
 * the constructor, so one corrector serves every frame of a series; {@link #correct(Frame)} may be
 * called from several threads at once.
 * </p>
 *
 * <pre>{@code
 * DefectCorrector corrector = new DefectCorrector(defects, 640, 480, 1);
 * for (int i = 0; i < source.size(); i++)
 * 	save(corrector.correct(source.read(i)));
 * }</pre>
 */
public final class DefectCorrector {

	/**
	 * Fewest valid neighbours a window must hold before it stops widening: 3 already gives a
	 * median that ignores one outlier, and a corner pixel has exactly 3 neighbours in 3x3.
	 */
	public static final int MIN_NEIGHBOURS = 3;

	private final int width, height, channels;
	private final CfaPattern cfa;
	private final int skipped;
	private final NeighbourTable table;
	private final ChannelMasks masks;

	/**
	 * A corrector for images of the given size and channel count. A defect outside the image is
	 * an error ({@link HotPixelsException}).
	 */
	public DefectCorrector(final List<Defect> defects, final int width, final int height,
		final int channels)
	{
		this(defects, width, height, channels, null, false);
	}

	/**
	 * A corrector for images of the given size and channel count.
	 *
	 * @param cfa the colour filter array of a raw mosaic (single channel), or null for ordinary
	 *          images
	 * @param skipOutside true to skip (and count, see {@link #skippedCount()}) defects outside
	 *          the image or in a channel it does not have; false to throw a
	 *          {@link HotPixelsException} naming the first of them
	 */
	public DefectCorrector(final List<Defect> defects, final int width, final int height,
		final int channels, final CfaPattern cfa, final boolean skipOutside)
	{
		if (width <= 0 || height <= 0 || channels <= 0) throw new IllegalArgumentException(
			"Empty image: " + width + "x" + height + "x" + channels);
		if (cfa != null && channels != 1) throw new HotPixelsException("A " + cfa +
			" colour filter pattern needs a single-channel raw mosaic, not an image with " + channels +
			" channels.");
		this.width = width;
		this.height = height;
		this.channels = channels;
		this.cfa = cfa;
		final ChannelMasks masks = ChannelMasks.of(defects, width, height, channels, skipOutside);
		this.skipped = masks.skipped();
		this.table = NeighbourTable.build(masks, cfa == null ? 1 : 2, MIN_NEIGHBOURS);
		this.masks = masks;
	}

	/** A corrector for frames shaped like {@code like} (its size and channel count). */
	public static DefectCorrector forFrame(final List<Defect> defects, final Frame like,
		final CfaPattern cfa, final boolean skipOutside)
	{
		return new DefectCorrector(defects, like.width(), like.height(), like.channels(), cfa,
			skipOutside);
	}

	/**
	 * Returns a corrected copy of {@code frame} (same name, type and size). Throws
	 * {@link HotPixelsException} if the frame's size or channel count differs from this
	 * corrector's.
	 */
	public Frame correct(final Frame frame) {
		if (frame.width() != width || frame.height() != height || frame.channels() != channels)
			throw new HotPixelsException(frame.name() + " is " + shape(frame.width(), frame.height(),
				frame.channels()) + ", but the defects were set up for " + shape(width, height, channels) +
				".");
		final Object[] out = new Object[frame.planeCount()];
		for (int p = 0; p < out.length; p++)
			out[p] = copy(frame.plane(p));
		final PixelType type = frame.type();
		final int[] ints = type == PixelType.GRAY32 ? null : new int[table.maxNeighbours];
		for (int c = 0; c < channels; c++) {
			final int from = table.channelStart[c], to = table.channelStart[c + 1];
			if (from == to) continue;
			switch (type) {
				case GRAY8 :
					correct((byte[]) frame.plane(c), (byte[]) out[c], from, to, ints);
					break;
				case GRAY16 :
					correct((short[]) frame.plane(c), (short[]) out[c], from, to, ints);
					break;
				case GRAY32 :
					correct((float[]) frame.plane(c), (float[]) out[c], c, from, to);
					break;
				default :
					correct((int[]) frame.plane(c / 3), (int[]) out[c / 3], 16 - 8 * (c % 3), from, to, ints);
			}
		}
		return Frame.of(frame.name(), type, width, height, out);
	}

	private void correct(final byte[] in, final byte[] out, final int from, final int to,
		final int[] v)
	{
		for (int e = from; e < to; e++) {
			final int n0 = table.start[e], n = table.start[e + 1] - n0;
			if (n == 0) continue;
			for (int i = 0; i < n; i++)
				v[i] = in[table.neighbours[n0 + i]] & 0xff;
			out[table.pixel[e]] = (byte) Medians.median(v, n);
		}
	}

	private void correct(final short[] in, final short[] out, final int from, final int to,
		final int[] v)
	{
		for (int e = from; e < to; e++) {
			final int n0 = table.start[e], n = table.start[e + 1] - n0;
			if (n == 0) continue;
			for (int i = 0; i < n; i++)
				v[i] = in[table.neighbours[n0 + i]] & 0xffff;
			out[table.pixel[e]] = (short) Medians.median(v, n);
		}
	}

	/**
	 * Float planes: the table's neighbours that are finite; where fewer than
	 * {@link #MIN_NEIGHBOURS} are, the window widens past the NaN and infinite ones as well.
	 */
	private void correct(final float[] in, final float[] out, final int channel, final int from,
		final int to)
	{
		final int side = 2 * NeighbourTable.MAX_RADIUS + 1;
		final float[] v = new float[side * side];
		final int[] window = new int[side * side];
		final int step = cfa == null ? 1 : 2;
		for (int e = from; e < to; e++) {
			final int n0 = table.start[e], n1 = table.start[e + 1];
			int n = 0;
			for (int i = n0; i < n1; i++) {
				final float value = in[table.neighbours[i]];
				if (Float.isFinite(value)) v[n++] = value;
			}
			for (int r = 1; n < MIN_NEIGHBOURS && r <= NeighbourTable.MAX_RADIUS; r++) {
				final int p = table.pixel[e];
				final int k = NeighbourTable.collect(p, r, step, masks.mask(channel), masks.columns(channel)
					.get(p), masks.rows(channel).get(p), width, height, window);
				n = 0;
				for (int i = 0; i < k; i++) {
					final float value = in[window[i]];
					if (Float.isFinite(value)) v[n++] = value;
				}
			}
			if (n > 0) out[table.pixel[e]] = Medians.median(v, n);
		}
	}

	/** Packed RGB: only the byte at {@code shift} (16 red, 8 green, 0 blue) changes. */
	private void correct(final int[] in, final int[] out, final int shift, final int from,
		final int to, final int[] v)
	{
		for (int e = from; e < to; e++) {
			final int n0 = table.start[e], n = table.start[e + 1] - n0;
			if (n == 0) continue;
			for (int i = 0; i < n; i++)
				v[i] = (in[table.neighbours[n0 + i]] >> shift) & 0xff;
			final int p = table.pixel[e];
			out[p] = (out[p] & ~(0xff << shift)) | (Medians.median(v, n) << shift);
		}
	}

	private static String shape(final int w, final int h, final int c) {
		return w + "x" + h + " with " + c + (c == 1 ? " channel" : " channels");
	}

	private static Object copy(final Object plane) {
		if (plane instanceof byte[]) return ((byte[]) plane).clone();
		if (plane instanceof short[]) return ((short[]) plane).clone();
		if (plane instanceof float[]) return ((float[]) plane).clone();
		return ((int[]) plane).clone();
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int channels() {
		return channels;
	}

	/** The colour filter pattern, or null for ordinary images. */
	public CfaPattern cfa() {
		return cfa;
	}

	/** Number of defective pixels to repair in each frame, counted once per channel. */
	public int pixelCount() {
		return table.size();
	}

	/** Number of defects skipped because they lie outside the image (only when asked to skip). */
	public int skippedCount() {
		return skipped;
	}

	/**
	 * Number of defective pixels (per channel) with no valid neighbour even in the widest window;
	 * they are left unchanged. Non-zero only for huge defect clusters.
	 */
	public int unrepairedCount() {
		return table.unrepairable();
	}
}
