package org.hotpixels.io.jpeg;

/**
 * Reads the entropy-coded data of a scan bit by bit, dropping the 0x00 stuffed after each 0xFF
 * byte; a marker (0xFF followed by anything else) ends the data until {@link #restart} moves past
 * a restart marker.
 */
final class BitReader {

	private final byte[] data;
	private int pos, bits, count;

	BitReader(final byte[] data, final int start) {
		this.data = data;
		this.pos = start;
	}

	int bit() {
		if (count == 0) fill();
		count--;
		return (bits >> count) & 1;
	}

	/** {@code n} bits as an unsigned number. */
	int bits(final int n) {
		int v = 0;
		for (int i = 0; i < n; i++)
			v = (v << 1) | bit();
		return v;
	}

	private void fill() {
		if (pos >= data.length) throw new JpegException("the scan data end too early");
		int b = data[pos] & 0xff;
		if (b == 0xff) {
			final int next = pos + 1 < data.length ? data[pos + 1] & 0xff : -1;
			if (next == 0) pos += 2;
			else {
				// a marker: decoders feed zeros from here (some encoders end a scan so)
				bits = 0;
				count = 8;
				return;
			}
		}
		else pos++;
		bits = b;
		count = 8;
	}

	/** Skips to the next byte, expects restart marker {@code n} (0-7) and moves past it. */
	void restart(final int n) {
		count = 0;
		if (pos + 1 >= data.length || (data[pos] & 0xff) != 0xff || (data[pos + 1] & 0xff) != 0xd0 + n)
			throw new JpegException("restart marker " + n + " missing");
		pos += 2;
	}

	/** Position of the first byte not yet read (after the data: the next marker). */
	int position() {
		return pos;
	}
}
