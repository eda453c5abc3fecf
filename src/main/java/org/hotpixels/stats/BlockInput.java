package org.hotpixels.stats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Reads what {@link BlockOutput} wrote, through one 64 KiB buffer, keeping a CRC-32 of the bytes
 * consumed so far. The end of the stream in the middle of a value is an {@link EOFException}.
 */
public final class BlockInput {

	private final InputStream in;
	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
	private final CRC32 crc = new CRC32();

	public BlockInput(final InputStream in) {
		this.in = in;
		buffer.limit(0);
	}

	/** Makes at least {@code bytes} unread bytes available in the buffer. */
	private void need(final int bytes) throws IOException {
		if (buffer.remaining() >= bytes) return;
		crc.update(buffer.array(), 0, buffer.position());
		buffer.compact();
		while (buffer.position() < bytes) {
			final int n = in.read(buffer.array(), buffer.position(), buffer.capacity() - buffer
				.position());
			if (n < 0) {
				buffer.flip();
				throw new EOFException();
			}
			buffer.position(buffer.position() + n);
		}
		buffer.flip();
	}

	public int getByte() throws IOException {
		need(1);
		return buffer.get();
	}

	public char getChar() throws IOException {
		need(2);
		return buffer.getChar();
	}

	public int getInt() throws IOException {
		need(4);
		return buffer.getInt();
	}

	public long getLong() throws IOException {
		need(8);
		return buffer.getLong();
	}

	public float getFloat() throws IOException {
		need(4);
		return buffer.getFloat();
	}

	public double getDouble() throws IOException {
		need(8);
		return buffer.getDouble();
	}

	/** The CRC-32 of every byte consumed so far. */
	public int checksum() {
		settle();
		return (int) crc.getValue();
	}

	/** Adds the consumed bytes of the buffer to the CRC and drops them from the buffer. */
	private void settle() {
		crc.update(buffer.array(), 0, buffer.position());
		buffer.compact();
		buffer.flip();
	}

	/** True if no byte follows. */
	public boolean atEnd() throws IOException {
		if (buffer.hasRemaining()) return false;
		final int b = in.read();
		if (b < 0) return true;
		settle();
		buffer.clear();
		buffer.put((byte) b);
		buffer.flip();
		return false;
	}
}
