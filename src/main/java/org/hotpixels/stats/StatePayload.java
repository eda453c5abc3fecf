package org.hotpixels.stats;

import java.io.IOException;

import org.hotpixels.source.PixelType;

/**
 * The per-sample part of a statistics file, in logical values that do not depend on how the
 * accumulators lay out their arrays. Each block holds one value for every sample (index
 * {@code c * width * height + y * width + x}), blocks one after the other:
 * <ul>
 * <li>8-bit and RGB: int sum, long sum of squares, byte min, byte max (14 bytes per sample);</li>
 * <li>16-bit: long sum, long sum of squares, char min, char max (20 bytes);</li>
 * <li>32-bit: int count, double mean, double sum of squared deviations, float min, float max
 * (28 bytes).</li>
 * </ul>
 * Then the spatial residuals ({@link ResidualStatistics}): for integer data a long sum of
 * squared residuals (8 bytes), for 32-bit an int count, double mean and double sum of squared
 * deviations (20 bytes).
 * Writing uses the statistics' accessors, reading their restore methods, so the accumulators may
 * lay out their arrays as they like (float statistics are read into their arrays directly).
 */
public final class StatePayload {

	private StatePayload() {}

	/**
	 * Empty statistics of a saved shape that count {@code frames} frames, for {@link #read} to
	 * fill (the file format around the payload: {@code org.hotpixels.io.StatisticsFile}).
	 */
	public static PixelStatistics empty(final PixelType type, final int width, final int height,
		final int channels, final int reach, final long frames)
	{
		final PixelStatistics stats = PixelStatistics.create(type, width, height, channels, reach);
		stats.frames = frames;
		return stats;
	}

	/** Bytes per sample of each type. */
	public static int bytesPerSample(final PixelType type) {
		switch (type) {
			case GRAY16 :
				return 20 + 8;
			case GRAY32 :
				return 28 + 20;
			default :
				return 14 + 8;
		}
	}

	public static void write(final PixelStatistics stats, final BlockOutput out) throws IOException {
		if (stats instanceof FloatStatistics) writeFloat((FloatStatistics) stats, out);
		else writeInteger((IntegerStatistics) stats, out);
		final ResidualStatistics r = stats.residuals;
		if (r.exact()) {
			final int n = stats.planeSize() * stats.channels();
			for (int i = 0; i < n; i++)
				out.putLong(r.squares(i));
			return;
		}
		final int n = r.floatSize();
		for (int i = 0; i < n; i++)
			out.putInt((int) r.floatCount(i));
		for (int i = 0; i < n; i++)
			out.putDouble(r.floatSumMean(i));
		for (int i = 0; i < n; i++)
			out.putDouble(r.floatM2(i));
	}

	private static void writeInteger(final IntegerStatistics s, final BlockOutput out)
		throws IOException
	{
		final int n = s.planeSize() * s.channels();
		final boolean bytes = s.type() != PixelType.GRAY16;
		final boolean empty = s.frameCount() == 0;
		for (int i = 0; i < n; i++)
			if (bytes) out.putInt((int) s.sum(i));
			else out.putLong(s.sum(i));
		for (int i = 0; i < n; i++)
			out.putLong(s.sumOfSquaredValues(i));
		final int top = (int) s.type().maxValue();
		for (int i = 0; i < n; i++) {
			final int min = empty ? top : (int) s.min(i);
			if (bytes) out.putByte(min);
			else out.putChar(min);
		}
		for (int i = 0; i < n; i++) {
			final int max = empty ? 0 : (int) s.max(i);
			if (bytes) out.putByte(max);
			else out.putChar(max);
		}
	}

	private static void writeFloat(final FloatStatistics s, final BlockOutput out)
		throws IOException
	{
		final int n = s.count.length;
		for (final int c : s.count)
			out.putInt(c);
		for (int i = 0; i < n; i++)
			out.putDouble(s.count[i] == 0 ? 0 : s.mean(i));
		for (int i = 0; i < n; i++)
			out.putDouble(s.count[i] == 0 ? 0 : s.sumOfSquares(i));
		for (final float v : s.min)
			out.putFloat(v);
		for (final float v : s.max)
			out.putFloat(v);
	}

	/** Reads the payload into {@code stats}, which was just created empty with the file's shape. */
	public static void read(final PixelStatistics stats, final BlockInput in) throws IOException {
		if (stats instanceof IntegerStatistics) {
			final IntegerStatistics s = (IntegerStatistics) stats;
			final int n = s.planeSize() * s.channels();
			final boolean bytes = s.type() != PixelType.GRAY16;
			final long[] sums = new long[n]; // one block at a time: the file holds blocks in turn
			for (int i = 0; i < n; i++)
				sums[i] = bytes ? in.getInt() : in.getLong();
			for (int i = 0; i < n; i++)
				s.restoreSums(i, sums[i], in.getLong());
			final int[] mins = new int[n];
			for (int i = 0; i < n; i++)
				mins[i] = bytes ? in.getByte() & 0xff : in.getChar();
			for (int i = 0; i < n; i++)
				s.restoreExtremes(i, mins[i], bytes ? in.getByte() & 0xff : in.getChar());
		}
		else {
			final FloatStatistics s = (FloatStatistics) stats;
			readMoments(in, s.count.length, s::restore);
			for (int i = 0; i < s.min.length; i++)
				s.min[i] = in.getFloat();
			for (int i = 0; i < s.max.length; i++)
				s.max[i] = in.getFloat();
		}
		final ResidualStatistics r = stats.residuals;
		if (r.exact()) {
			final int n = stats.planeSize() * stats.channels();
			for (int i = 0; i < n; i++)
				r.restoreSquares(i, in.getLong());
			return;
		}
		readMoments(in, r.floatSize(), r::restoreFloat);
	}

	/** Takes back one sample's count, mean and sum of squared deviations (M2). */
	private interface Moments {

		void restore(int i, int count, double mean, double m2);
	}

	/**
	 * Reads {@code n} samples' moments, which the file holds as blocks in turn (all counts, all
	 * means, all M2), one block at a time.
	 */
	private static void readMoments(final BlockInput in, final int n, final Moments moments)
		throws IOException
	{
		final int[] counts = new int[n];
		for (int i = 0; i < n; i++)
			counts[i] = in.getInt();
		final double[] means = new double[n];
		for (int i = 0; i < n; i++)
			means[i] = in.getDouble();
		for (int i = 0; i < n; i++)
			moments.restore(i, counts[i], means[i], in.getDouble());
	}
}
