package org.hotpixels.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotpixels.progress.HotPixelsException;

/**
 * What a JPEG file's markers say before it is decoded: the frame header's sample precision and
 * number of components (Java decodes 8-bit JPEG with 1 or 3 components; 12-bit, lossless, CMYK
 * and YCCK JPEG are refused with one sentence instead of being decoded wrongly), the Adobe
 * colour transform, and the EXIF orientation (1 if there is none).
 */
final class JpegHeader {

	final int precision;
	final int components;
	final boolean lossless;
	/** Adobe APP14 transform: 0 none (RGB or CMYK), 1 YCbCr, 2 YCCK; -1 without the marker. */
	final int adobeTransform;
	/** EXIF orientation 1..8, 1 without EXIF. */
	final int orientation;

	private JpegHeader(final int precision, final int components, final boolean lossless,
		final int adobeTransform, final int orientation)
	{
		this.precision = precision;
		this.components = components;
		this.lossless = lossless;
		this.adobeTransform = adobeTransform;
		this.orientation = orientation;
	}

	/** The header of {@code file}, or null if it does not start like a JPEG file. */
	static JpegHeader read(final Path file) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
			file), 8192)))
		{
			return read(in);
		}
	}

	private static JpegHeader read(final DataInputStream in) throws IOException {
		if (in.read() != 0xff || in.read() != 0xd8) return null;
		int orientation = 1, adobe = -1;
		try {
			while (true) {
				int marker = in.readUnsignedByte();
				if (marker != 0xff) return null;
				while (marker == 0xff)
					marker = in.readUnsignedByte();
				if (marker == 0xd8 || marker >= 0xd0 && marker <= 0xd7 || marker == 0x01) continue;
				if (marker == 0xd9 || marker == 0xda) return null; // no frame header before the data
				final int length = in.readUnsignedShort() - 2;
				if (length < 0) return null;
				if (isStartOfFrame(marker)) {
					final int precision = in.readUnsignedByte();
					in.readUnsignedShort(); // height
					in.readUnsignedShort(); // width
					final int components = in.readUnsignedByte();
					return new JpegHeader(precision, components, marker == 0xc3 || marker == 0xc7 ||
						marker == 0xcb || marker == 0xcf, adobe, orientation);
				}
				final byte[] data = new byte[length];
				in.readFully(data);
				if (marker == 0xe1) orientation = exifOrientation(data, orientation);
				else if (marker == 0xee && length >= 12 && new String(data, 0, 5,
					java.nio.charset.StandardCharsets.ISO_8859_1).equals("Adobe")) adobe = data[11] & 0xff;
			}
		}
		catch (final EOFException e) {
			return null;
		}
	}

	private static boolean isStartOfFrame(final int marker) {
		return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
	}

	/** The orientation tag (274) of IFD0 of an APP1 "Exif" segment, or {@code otherwise}. */
	private static int exifOrientation(final byte[] data, final int otherwise) {
		if (data.length < 14 || data[0] != 'E' || data[1] != 'x' || data[2] != 'i' || data[3] != 'f')
			return otherwise;
		final ByteBuffer b = ByteBuffer.wrap(data, 6, data.length - 6).slice();
		if (b.get(0) == 'I' && b.get(1) == 'I') b.order(ByteOrder.LITTLE_ENDIAN);
		else if (b.get(0) != 'M' || b.get(1) != 'M') return otherwise;
		final long ifd = b.getInt(4) & 0xffffffffL;
		if (ifd < 8 || ifd + 2 > b.limit()) return otherwise;
		final int count = b.getShort((int) ifd) & 0xffff;
		for (int i = 0; i < count; i++) {
			final int at = (int) ifd + 2 + 12 * i;
			if (at + 12 > b.limit()) break;
			if ((b.getShort(at) & 0xffff) == 274) {
				final int v = b.getShort(at + 8) & 0xffff;
				return v >= 1 && v <= 8 ? v : otherwise;
			}
		}
		return otherwise;
	}

	/**
	 * Refuses what Java's JPEG decoder would decode wrongly or not at all.
	 *
	 * @throws HotPixelsException e.g. "FILE: is a CMYK JPEG; ..."
	 */
	void checkDecodable(final Path file) {
		if (lossless) throw new HotPixelsException(file + ": is a lossless JPEG, which Java's " +
			"JPEG decoder cannot read; convert it to TIFF or PNG first.");
		if (precision != 8) throw new HotPixelsException(file + ": is a " + precision +
			"-bit JPEG; Java's JPEG decoder reads 8-bit JPEG only, so convert it to 16-bit TIFF " +
			"first.");
		if (components == 4) throw new HotPixelsException(file + ": is a " + (adobeTransform == 2
			? "YCCK" : "CMYK") + " JPEG (print colours), whose values cannot be compared with a " +
			"camera's RGB without colour management; convert it to RGB first.");
		if (components != 1 && components != 3) throw new HotPixelsException(file + ": is a JPEG " +
			"with " + components + " colour components; only grey and colour (3) are read.");
	}

	/** "upright (1)", "turned 90 degrees clockwise to display (6)", ... for messages. */
	static String describe(final int orientation) {
		switch (orientation) {
			case 1 :
				return "1 (upright)";
			case 3 :
				return "3 (upside down)";
			case 6 :
				return "6 (turned 90 degrees)";
			case 8 :
				return "8 (turned 270 degrees)";
			default :
				return orientation + " (mirrored)";
		}
	}
}
