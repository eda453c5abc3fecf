package org.hotpixels.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Hand-made one-strip TIFF and BigTIFF files with the tags a test needs (little-endian), for
 * pixel types and compressions no Java writer at hand produces.
 *
 * <pre>{@code
 * byte[] tiff = TiffBytes.classic(4, 2, 16, 2, 1, 1, data); // signed 16-bit, uncompressed
 * }</pre>
 */
final class TiffBytes {

	private TiffBytes() {}

	/**
	 * A classic TIFF of one grey (or {@code samples}-channel) strip holding {@code data} as it is.
	 *
	 * @param sampleFormat 1 unsigned, 2 signed, 3 float
	 * @param compression 1 none, 7 JPEG, ...
	 */
	static byte[] classic(final int width, final int height, final int bits, final int sampleFormat,
		final int compression, final int samples, final byte[] data)
	{
		final int entries = 10, dataOffset = 8 + 2 + entries * 12 + 4;
		final ByteBuffer b = ByteBuffer.allocate(dataOffset + data.length).order(
			ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		b.putShort((short) entries);
		entry(b, 256, 4, width);
		entry(b, 257, 4, height);
		entry(b, 258, 3, bits);
		entry(b, 259, 3, compression);
		entry(b, 262, 3, samples == 3 ? (compression == 7 ? 6 : 2) : 1);
		entry(b, 273, 4, dataOffset);
		entry(b, 277, 3, samples);
		entry(b, 278, 4, height);
		entry(b, 279, 4, data.length);
		entry(b, 339, 3, sampleFormat);
		b.putInt(0);
		b.put(data);
		return b.array();
	}

	/** As {@link #classic}, but the first page's "next page" offset points back to itself. */
	static byte[] looping(final int width, final int height, final byte[] data) {
		final byte[] t = classic(width, height, 8, 1, 1, 1, data);
		ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN).putInt(8 + 2 + 10 * 12, 8);
		return t;
	}

	/** A BigTIFF (version 43, 8-byte offsets) of one uncompressed grey strip. */
	static byte[] big(final int width, final int height, final int bits, final byte[] data) {
		final int entries = 8, dataOffset = 16 + 8 + entries * 20 + 8;
		final ByteBuffer b = ByteBuffer.allocate(dataOffset + data.length).order(
			ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 43).putShort((short) 8).putShort((short) 0)
			.putLong(16);
		b.putLong(entries);
		bigEntry(b, 256, 4, width);
		bigEntry(b, 257, 4, height);
		bigEntry(b, 258, 3, bits);
		bigEntry(b, 259, 3, 1);
		bigEntry(b, 262, 3, 1);
		bigEntry(b, 273, 16, dataOffset);
		bigEntry(b, 278, 4, height);
		bigEntry(b, 279, 16, data.length);
		b.putLong(0);
		b.put(data);
		return b.array();
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	private static void bigEntry(final ByteBuffer b, final int tag, final int type,
		final long value)
	{
		b.putShort((short) tag).putShort((short) type).putLong(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0).putInt(0);
		else if (type == 4) b.putInt((int) value).putInt(0);
		else b.putLong(value);
	}

	/** Little-endian bytes of 16-bit values. */
	static byte[] shorts(final short... values) {
		final ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (final short v : values)
			b.putShort(v);
		return b.array();
	}

	/** Little-endian bytes of 32-bit values. */
	static byte[] ints(final int... values) {
		final ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (final int v : values)
			b.putInt(v);
		return b.array();
	}
}
