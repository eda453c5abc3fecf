package org.hotpixels.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Big-endian primitive values into a stream through one 64 KiB buffer, with a CRC-32 of every
 * byte written: a statistics file is streamed, never copied whole into memory.
 */
public final class BlockOutput {

	private final OutputStream out;
	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
	private final CRC32 crc = new CRC32();

	public BlockOutput(final OutputStream out) {
		this.out = out;
	}

	private void room(final int bytes) throws IOException {
		if (buffer.remaining() < bytes) flush();
	}

	public void putByte(final int v) throws IOException {
		room(1);
		buffer.put((byte) v);
	}

	public void putChar(final int v) throws IOException {
		room(2);
		buffer.putChar((char) v);
	}

	public void putInt(final int v) throws IOException {
		room(4);
		buffer.putInt(v);
	}

	public void putLong(final long v) throws IOException {
		room(8);
		buffer.putLong(v);
	}

	public void putFloat(final float v) throws IOException {
		room(4);
		buffer.putFloat(v);
	}

	public void putDouble(final double v) throws IOException {
		room(8);
		buffer.putDouble(v);
	}

	public void putBytes(final byte[] bytes) throws IOException {
		for (final byte b : bytes)
			putByte(b);
	}

	/** Writes the buffered bytes to the stream (not flushing the stream itself). */
	public void flush() throws IOException {
		crc.update(buffer.array(), 0, buffer.position());
		out.write(buffer.array(), 0, buffer.position());
		buffer.clear();
	}

	/** The CRC-32 of everything written so far (flushes first). */
	public int checksum() throws IOException {
		flush();
		return (int) crc.getValue();
	}
}
