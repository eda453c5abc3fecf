package org.hotpixels.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The size a PBM/PGM/PPM file claims in its text header ({@code P5 640 480 255}), read before
 * ImageJ's reader allocates the pixels: ImageJ trusts the header, and a huge claim overflows.
 */
final class PnmHeader {

	final int magic;
	final long width;
	final long height;
	/** Largest value (1 for bitmaps), or -1 if the header ends early. */
	long maxValue = -1;
	/** Byte offset of the binary pixel data (P4, P5, P6), or -1. */
	long dataOffset = -1;

	private PnmHeader(final int magic, final long width, final long height) {
		this.magic = magic;
		this.width = width;
		this.height = height;
	}

	/** Bytes of binary pixel data the header announces, or -1 for text formats. */
	long dataBytes() {
		if (dataOffset < 0) return -1;
		if (magic == 4) return (width + 7) / 8 * height;
		return width * height * (magic == 6 ? 3 : 1) * (maxValue > 255 ? 2 : 1);
	}

	/** The header of {@code file}, or null if it does not start like a PNM file. */
	static PnmHeader read(final Path file) throws IOException {
		try (CountingStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(file),
			256)))
		{
			if (in.read() != 'P') return null;
			final int magic = in.read() - '0';
			if (magic < 1 || magic > 6) return null;
			final long width = number(in), height = number(in);
			if (width < 0 || height < 0) return null;
			final PnmHeader h = new PnmHeader(magic, width, height);
			h.maxValue = magic == 1 || magic == 4 ? 1 : number(in);
			// number() consumed the one whitespace character that ends the header
			if (magic >= 4 && h.maxValue > 0) h.dataOffset = in.count;
			return h;
		}
	}

	/** Bytes per pixel of the decoded frame: RGB as ints, grey up to 16 bits. */
	int bytesPerPixel() {
		return magic == 3 || magic == 6 ? 4 : magic == 1 || magic == 4 ? 1 : 2;
	}

	/** Counts the bytes read. */
	private static final class CountingStream extends java.io.FilterInputStream {

		long count;

		CountingStream(final InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			final int c = super.read();
			if (c >= 0) count++;
			return c;
		}
	}

	/** The next decimal number after whitespace and # comments, or -1. */
	private static long number(final InputStream in) throws IOException {
		int c = in.read();
		while (c == '#' || Character.isWhitespace(c)) {
			if (c == '#') while (c >= 0 && c != '\n')
				c = in.read();
			c = in.read();
		}
		long n = -1;
		for (int digits = 0; c >= '0' && c <= '9' && digits < 12; digits++, c = in.read())
			n = (n < 0 ? 0 : n * 10) + c - '0';
		return n;
	}
}
