package org.hotpixels.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Minimal DICOM files for tests (explicit VR little endian): preamble, "DICM", the transfer
 * syntax, the image pixel tags and 16-bit pixel data.
 *
 * <pre>{@code
 * byte[] dcm = DicomBytes.grey16(4, 3, 1, true, samples);
 * }</pre>
 */
final class DicomBytes {

	private DicomBytes() {}

	/** {@code frames} frames of {@code width x height} 16-bit samples (signed if told). */
	static byte[] grey16(final int width, final int height, final int frames, final boolean signed,
		final short[] samples)
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[128], 0, 128);
		out.write('D');
		out.write('I');
		out.write('C');
		out.write('M');
		text(out, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1\0");
		shortTag(out, 0x0028, 0x0002, 1);
		text(out, 0x0028, 0x0004, "CS", "MONOCHROME2 ");
		text(out, 0x0028, 0x0008, "IS", frames + (Integer.toString(frames).length() % 2 == 1 ? " "
			: ""));
		shortTag(out, 0x0028, 0x0010, height);
		shortTag(out, 0x0028, 0x0011, width);
		shortTag(out, 0x0028, 0x0100, 16);
		shortTag(out, 0x0028, 0x0101, 16);
		shortTag(out, 0x0028, 0x0102, 15);
		shortTag(out, 0x0028, 0x0103, signed ? 1 : 0);
		final ByteBuffer b = ByteBuffer.allocate(12 + 2 * samples.length).order(
			ByteOrder.LITTLE_ENDIAN);
		b.putShort((short) 0x7fe0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'W').putShort(
			(short) 0).putInt(2 * width * height * frames);
		for (final short s : samples)
			b.putShort(s);
		out.write(b.array(), 0, b.capacity());
		return out.toByteArray();
	}

	private static void text(final ByteArrayOutputStream out, final int group, final int element,
		final String vr, final String value)
	{
		final byte[] v = value.getBytes(StandardCharsets.US_ASCII);
		final ByteBuffer b = ByteBuffer.allocate(8 + v.length).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII))
			.putShort((short) v.length).put(v);
		out.write(b.array(), 0, b.capacity());
	}

	private static void shortTag(final ByteArrayOutputStream out, final int group, final int element,
		final int value)
	{
		final ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort((short) group).putShort((short) element).put((byte) 'U').put((byte) 'S').putShort(
			(short) 2).putShort((short) value);
		out.write(b.array(), 0, 10);
	}
}
