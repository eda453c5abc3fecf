package org.hotpixels.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.FitsImage;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * Writes corrected frames of a FITS file as FITS: a copy of the input in which only the repaired
 * pixels are stored anew (in the input's BITPIX, through its BZERO and BSCALE, in its row order)
 * and one HISTORY card is added to the image's header. Every other byte (the other header cards,
 * every other pixel, any other extension) stays as it was.
 *
 * <pre>{@code
 * FitsWriter.write(input, correctedFrames, out);
 * }</pre>
 */
public final class FitsWriter {

	private static final int BLOCK = 2880, CARD = 80;

	private FitsWriter() {}

	/** Writes {@code input} with the pixels of {@code frames} (all its frames, in order). */
	public static void write(final Path input, final List<Frame> frames, final OutputStream out)
		throws IOException
	{
		final FitsImage fits = FitsImage.open(input);
		if (frames.size() != fits.frames()) throw new IllegalArgumentException(frames.size() +
			" frames for the " + fits.frames() + " of " + input);
		try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
			copy(ch, 0, fits.headerOffset(), out);
			final ByteBuffer header = ByteBuffer.allocate((int) (fits.dataOffset() - fits
				.headerOffset()));
			read(ch, fits.headerOffset(), header);
			final int w = fits.width(), h = fits.height(), n = w * h;
			final int perFrame = fits.planesPerFrame();
			int repaired = 0;
			final ByteBuffer[] planes = new ByteBuffer[1];
			// first count the repaired pixels for the HISTORY card, plane by plane, then write
			for (int pass = 0; pass < 2; pass++) {
				if (pass == 1) out.write(withHistory(input, header.array(), "Hot Pixel Finder " +
					"repaired " + repaired + " pixel values (neighbour median)"));
				for (int k = 0; k < fits.planes(); k++) {
					planes[0] = fits.readPlane(ch, k);
					final Object original = fits.decode(planes[0]);
					final Object corrected = frames.get(k / perFrame).plane(k % perFrame);
					for (int y = 0; y < h; y++) {
						final int stored = fits.storedRow(y) * w;
						for (int x = 0; x < w; x++) {
							final int i = y * w + x;
							if (same(fits.type(), original, corrected, i)) continue;
							if (pass == 0) repaired++;
							else fits.encode(planes[0], stored + x, value(fits.type(), corrected, i));
						}
					}
					if (pass == 1) out.write(planes[0].array(), 0, n * Math.abs(fits.bitpix()) / 8);
				}
			}
			final long end = fits.dataOffset() + fits.planes() * fits.planeBytes();
			copy(ch, end, ch.size(), out);
		}
	}

	private static boolean same(final PixelType type, final Object a, final Object b, final int i) {
		switch (type) {
			case GRAY8 :
				return ((byte[]) a)[i] == ((byte[]) b)[i];
			case GRAY16 :
				return ((short[]) a)[i] == ((short[]) b)[i];
			default :
				return Float.floatToIntBits(((float[]) a)[i]) == Float.floatToIntBits(((float[]) b)[i]);
		}
	}

	private static double value(final PixelType type, final Object plane, final int i) {
		switch (type) {
			case GRAY8 :
				return ((byte[]) plane)[i] & 0xff;
			case GRAY16 :
				return ((short[]) plane)[i] & 0xffff;
			default :
				return ((float[]) plane)[i];
		}
	}

	/** The header's cards with a HISTORY card before END, padded to whole 2880-byte blocks. */
	static byte[] withHistory(final Path input, final byte[] header, final String text) {
		int end = -1;
		for (int c = 0; c + CARD <= header.length; c += CARD)
			if (new String(header, c, CARD, StandardCharsets.US_ASCII).matches("END {77}")) {
				end = c;
				break;
			}
		if (end < 0) throw new HotPixelsException(input + ": its FITS header has no END card.");
		final String card = String.format("%-80.80s", "HISTORY " + text);
		final int used = end + 2 * CARD;
		final byte[] out = new byte[(used + BLOCK - 1) / BLOCK * BLOCK];
		java.util.Arrays.fill(out, (byte) ' ');
		System.arraycopy(header, 0, out, 0, end);
		System.arraycopy(card.getBytes(StandardCharsets.US_ASCII), 0, out, end, CARD);
		System.arraycopy(header, end, out, end + CARD, CARD);
		return out;
	}

	private static void read(final FileChannel ch, final long at, final ByteBuffer into)
		throws IOException
	{
		while (into.hasRemaining())
			if (ch.read(into, at + into.position()) < 0) throw new java.io.EOFException();
	}

	private static void copy(final FileChannel ch, final long from, final long to,
		final OutputStream out) throws IOException
	{
		final java.nio.channels.WritableByteChannel target = Channels.newChannel(out);
		for (long at = from; at < to;)
			at += ch.transferTo(at, to - at, target);
	}
}
