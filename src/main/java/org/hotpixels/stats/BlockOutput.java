package org.hotpixels.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Big-endian primitive values into a stream through one 64 KiB buffer, with a CRC-32 of every
 * byte written: a statistics file is streamed, never copied whole into memory.
 */
final class BlockOutput {

	private final OutputStream out;
	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
	private final CRC32 crc = new CRC32();

	BlockOutput(final OutputStream out) {
		this.out = out;
	}

	private void room(final int bytes) throws IOException {
		if (buffer.remaining() < bytes) flush();
	}

	void putByte(final int v) throws IOException {
		room(1);
		buffer.put((byte) v);
	}

	void putChar(final int v) throws IOException {
		room(2);
		buffer.putChar((char) v);
	}

	void putInt(final int v) throws IOException {
		room(4);
		buffer.putInt(v);
	}

	void putLong(final long v) throws IOException {
		room(8);
		buffer.putLong(v);
	}

	void putFloat(final float v) throws IOException {
		room(4);
		buffer.putFloat(v);
	}

	void putDouble(final double v) throws IOException {
		room(8);
		buffer.putDouble(v);
	}

	void putBytes(final byte[] bytes) throws IOException {
		for (final byte b : bytes)
			putByte(b);
	}

	/** Writes the buffered bytes to the stream (not flushing the stream itself). */
	void flush() throws IOException {
		crc.update(buffer.array(), 0, buffer.position());
		out.write(buffer.array(), 0, buffer.position());
		buffer.clear();
	}

	/** The CRC-32 of everything written so far (flushes first). */
	int checksum() throws IOException {
		flush();
		return (int) crc.getValue();
	}
}
