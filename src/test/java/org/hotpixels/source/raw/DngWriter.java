package org.hotpixels.source.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.hotpixels.source.CfaPattern;

/**
 * Writes a minimal valid DNG from a 16-bit sensor mosaic, for tests: one uncompressed
 * little-endian strip, PhotometricInterpretation CFA (or LinearRaw for a monochrome sensor),
 * CFARepeatPatternDim/CFAPattern, DNGVersion 1.4, camera names, WhiteLevel 65535 and an
 * identity ColorMatrix1 (dcraw decodes the file without it too). dcraw needs the mosaic to be at
 * least 22 pixels wide and high.
 *
 * <pre>{@code
 * new DngWriter(48, 32, mosaic).cfa(CfaPattern.GRBG).orientation(6).write(path);
 * }</pre>
 */
final class DngWriter {

	private static final short BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, SRATIONAL = 10;
	private static final int STRIP_OFFSETS = 273;

	private final int width;
	private final int height;
	private final short[] mosaic;
	private CfaPattern cfa = CfaPattern.RGGB;
	private int orientation;
	private int[] activeArea;
	private int blackLevel = -1;
	private String make = "HotPixels";
	private String model = "Test Sensor";
	private String xtrans;

	/** A DNG of the {@code width x height} mosaic (row by row), RGGB unless told otherwise. */
	DngWriter(final int width, final int height, final short[] mosaic) {
		if (mosaic.length != width * height) throw new IllegalArgumentException("size");
		this.width = width;
		this.height = height;
		this.mosaic = mosaic;
	}

	/** The colour filter pattern at (0, 0) of the active area; null writes a monochrome DNG. */
	DngWriter cfa(final CfaPattern pattern) {
		cfa = pattern;
		return this;
	}

	/**
	 * A 6x6 colour filter pattern instead of a 2x2 one (36 letters R, G, B, row by row), as
	 * Fujifilm's X-Trans sensors have.
	 */
	DngWriter pattern6x6(final String letters) {
		if (letters.length() != 36) throw new IllegalArgumentException("36 letters");
		xtrans = letters;
		return this;
	}

	/** The TIFF orientation tag (1..8; 6 = rotate 90 degrees clockwise to view). */
	DngWriter orientation(final int value) {
		orientation = value;
		return this;
	}

	/** The DNG ActiveArea: the sensor area outside these bounds is a masked margin. */
	DngWriter activeArea(final int top, final int left, final int bottom, final int right) {
		activeArea = new int[]{ top, left, bottom, right };
		return this;
	}

	DngWriter blackLevel(final int value) {
		blackLevel = value;
		return this;
	}

	DngWriter camera(final String cameraMake, final String cameraModel) {
		make = cameraMake;
		model = cameraModel;
		return this;
	}

	void write(final Path path) throws IOException {
		Files.write(path, bytes());
	}

	/** The whole file. */
	byte[] bytes() {
		final Map<Integer, Entry> tags = new TreeMap<>();
		tags.put(254, longs(0));
		tags.put(256, longs(width));
		tags.put(257, longs(height));
		tags.put(258, shorts(16));
		tags.put(259, shorts(1));
		tags.put(262, shorts(cfa == null ? 34892 : 32803));
		tags.put(271, ascii(make));
		tags.put(272, ascii(model));
		tags.put(STRIP_OFFSETS, longs(0)); // set below
		if (orientation != 0) tags.put(274, shorts(orientation));
		tags.put(277, shorts(1));
		tags.put(278, longs(height));
		tags.put(279, longs(2 * width * height));
		tags.put(284, shorts(1));
		if (xtrans != null) {
			tags.put(262, shorts(32803));
			final byte[] codes = new byte[36];
			for (int i = 0; i < 36; i++)
				codes[i] = (byte) "RGB".indexOf(xtrans.charAt(i));
			tags.put(33421, shorts(6, 6));
			tags.put(33422, new Entry(BYTE, 36, codes));
		}
		else if (cfa != null) {
			tags.put(33421, shorts(2, 2));
			tags.put(33422, new Entry(BYTE, 4, new byte[]{ code(0, 0), code(1, 0), code(0, 1), code(1,
				1) }));
		}
		tags.put(50706, new Entry(BYTE, 4, new byte[]{ 1, 4, 0, 0 }));
		tags.put(50707, new Entry(BYTE, 4, new byte[]{ 1, 1, 0, 0 }));
		tags.put(50708, ascii(make + " " + model));
		if (blackLevel >= 0) tags.put(50714, longs(blackLevel));
		tags.put(50717, longs(65535));
		tags.put(50721, identityMatrix());
		tags.put(50778, shorts(21)); // D65
		if (activeArea != null) tags.put(50829, longs(activeArea));

		final int ifdSize = 2 + 12 * tags.size() + 4;
		int dataOffset = 8 + ifdSize;
		for (final Entry e : tags.values())
			if (e.value.length > 4) dataOffset += e.value.length + (e.value.length & 1);
		tags.put(STRIP_OFFSETS, longs(dataOffset));

		final ByteBuffer out = ByteBuffer.allocate(dataOffset + 2 * mosaic.length).order(
			ByteOrder.LITTLE_ENDIAN);
		out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		out.putShort((short) tags.size());
		int extra = 8 + ifdSize;
		for (final Map.Entry<Integer, Entry> t : tags.entrySet()) {
			final Entry e = t.getValue();
			out.putShort(t.getKey().shortValue()).putShort(e.type).putInt(e.count);
			if (e.value.length <= 4) out.put(e.value).put(new byte[4 - e.value.length]);
			else {
				out.putInt(extra);
				extra += e.value.length + (e.value.length & 1);
			}
		}
		out.putInt(0);
		for (final Entry e : tags.values())
			if (e.value.length > 4) out.put(e.value).put(new byte[e.value.length & 1]);
		for (final short v : mosaic)
			out.putShort(v);
		return out.array();
	}

	/** DNG CFA colour codes: 0 red, 1 green, 2 blue. */
	private byte code(final int x, final int y) {
		return (byte) "RGB".indexOf(cfa.colourAt(x, y));
	}

	private static final class Entry {

		final short type;
		final int count;
		final byte[] value;

		Entry(final short type, final int count, final byte[] value) {
			this.type = type;
			this.count = count;
			this.value = value;
		}
	}

	private static Entry shorts(final int... values) {
		final ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (final int v : values)
			b.putShort((short) v);
		return new Entry(SHORT, values.length, b.array());
	}

	private static Entry longs(final int... values) {
		final ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (final int v : values)
			b.putInt(v);
		return new Entry(LONG, values.length, b.array());
	}

	private static Entry ascii(final String text) {
		final byte[] s = (text + "\0").getBytes(StandardCharsets.US_ASCII);
		return new Entry(ASCII, s.length, s);
	}

	private static Entry identityMatrix() {
		final ByteBuffer b = ByteBuffer.allocate(8 * 9).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 9; i++)
			b.putInt(i % 4 == 0 ? 1 : 0).putInt(1);
		return new Entry(SRATIONAL, 9, b.array());
	}
}
