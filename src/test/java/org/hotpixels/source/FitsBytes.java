package org.hotpixels.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-made FITS files for tests: 80-character header cards in 2880-byte blocks, then the
 * big-endian data, padded. Values are given in file order (the first row is the bottom one).
 *
 * <pre>{@code
 * byte[] fits = new FitsBytes(16, 4, 3).card("BZERO", "32768").data(rawShorts).bytes();
 * }</pre>
 */
final class FitsBytes {

	private final List<String> cards = new ArrayList<>();
	private final ByteBuffer data;
	private final List<byte[]> extensions = new ArrayList<>();

	/** A primary header with SIMPLE, BITPIX and the axes, and room for their data. */
	FitsBytes(final int bitpix, final int... axes) {
		this(true, bitpix, axes);
	}

	private FitsBytes(final boolean primary, final int bitpix, final int... axes) {
		cards.add(primary ? text("SIMPLE", "T") : text("XTENSION", "'IMAGE   '"));
		cards.add(text("BITPIX", Integer.toString(bitpix)));
		cards.add(text("NAXIS", Integer.toString(axes.length)));
		long n = axes.length == 0 ? 0 : 1;
		for (int i = 0; i < axes.length; i++) {
			cards.add(text("NAXIS" + (i + 1), Integer.toString(axes[i])));
			n *= axes[i];
		}
		if (!primary) {
			cards.add(text("PCOUNT", "0"));
			cards.add(text("GCOUNT", "1"));
		}
		final long bytes = n * Math.abs(bitpix) / 8; // a header claiming more gets no data
		data = ByteBuffer.allocate(bytes > 1 << 26 ? 0 : (int) bytes);
	}

	/** An IMAGE extension. */
	static FitsBytes extension(final int bitpix, final int... axes) {
		return new FitsBytes(false, bitpix, axes);
	}

	private static String text(final String key, final String value) {
		return String.format("%-8s= %20s", key, value);
	}

	FitsBytes card(final String key, final String value) {
		cards.add(text(key, value));
		return this;
	}

	FitsBytes comment(final String text) {
		cards.add("COMMENT " + text);
		return this;
	}

	/** The data buffer, to fill with put/putShort/putFloat... (big-endian). */
	ByteBuffer data() {
		return data;
	}

	FitsBytes then(final FitsBytes extension) {
		extensions.add(extension.bytes());
		return this;
	}

	byte[] bytes() {
		final StringBuilder h = new StringBuilder();
		for (final String c : cards)
			h.append(String.format("%-80s", c));
		h.append(String.format("%-80s", "END"));
		while (h.length() % 2880 != 0)
			h.append(' ');
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
		out.write(header, 0, header.length);
		final byte[] d = data.array();
		out.write(d, 0, d.length);
		final int pad = (2880 - d.length % 2880) % 2880;
		out.write(new byte[pad], 0, pad);
		for (final byte[] e : extensions)
			out.write(e, 0, e.length);
		return out.toByteArray();
	}

	/** The bytes without the last {@code n}. */
	static byte[] cut(final byte[] fits, final int n) {
		return Arrays.copyOf(fits, fits.length - n);
	}
}
