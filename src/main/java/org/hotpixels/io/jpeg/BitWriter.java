package org.hotpixels.io.jpeg;

import java.io.ByteArrayOutputStream;

/** Writes entropy-coded data: bits, 0x00 stuffed after every 0xFF byte, 1-bits to pad. */
final class BitWriter {

	private final ByteArrayOutputStream out;
	private long bits;
	private int count;

	BitWriter(final ByteArrayOutputStream out) {
		this.out = out;
	}

	void write(final int value, final int n) {
		if (n == 0) return;
		bits = (bits << n) | (value & ((1L << n) - 1));
		count += n;
		while (count >= 8) {
			final int b = (int) (bits >> (count - 8)) & 0xff;
			out.write(b);
			if (b == 0xff) out.write(0);
			count -= 8;
		}
	}

	/** Pads the last byte with 1-bits. */
	void flush() {
		if (count > 0) write(0x7f, 8 - count);
	}

	/** Pads, then writes restart marker {@code n} (0-7). */
	void restart(final int n) {
		flush();
		out.write(0xff);
		out.write(0xd0 + n);
	}
}
