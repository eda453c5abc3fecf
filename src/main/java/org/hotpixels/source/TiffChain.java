package org.hotpixels.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.hotpixels.progress.HotPixelsException;

/**
 * Walks the chain of image directories (IFDs) of a classic TIFF before ImageJ's decoder does:
 * that decoder follows "next IFD" offsets without end, so a file whose chain points back into
 * itself would hang a run (and fill the memory). The walk reads at most 8 bytes per directory,
 * stops at a directory already seen or outside the file, and at {@value #MAX_PAGES} pages.
 *
 * <pre>{@code
 * TiffChain.check(Paths.get("frame.tif")); // HotPixelsException for a looping chain
 * }</pre>
 */
public final class TiffChain {

	/** Most pages a TIFF may have; far beyond any real stack of single frames. */
	public static final int MAX_PAGES = 1_000_000;

	private TiffChain() {}

	/**
	 * Refuses a TIFF whose directory chain loops or is longer than {@value #MAX_PAGES}. Files that
	 * are not classic TIFF (BigTIFF, other formats, unreadable) are left to the decoder.
	 */
	public static void check(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			final ByteBuffer head = ByteBuffer.allocate(8);
			if (read(ch, head, 0) < 8) return;
			final int b0 = head.get(0), b1 = head.get(1);
			final ByteOrder order;
			if (b0 == 'I' && b1 == 'I') order = ByteOrder.LITTLE_ENDIAN;
			else if (b0 == 'M' && b1 == 'M') order = ByteOrder.BIG_ENDIAN;
			else return;
			head.order(order);
			if (head.getShort(2) != 42) return; // not classic TIFF (43 is BigTIFF)
			long offset = head.getInt(4) & 0xffffffffL;
			final Set<Long> seen = new HashSet<>();
			final ByteBuffer count = ByteBuffer.allocate(2).order(order);
			final ByteBuffer next = ByteBuffer.allocate(4).order(order);
			while (offset > 0 && offset + 2 <= size) {
				if (!seen.add(offset)) throw new HotPixelsException(file +
					": damaged TIFF (its chain of pages loops back to the page at byte " + offset +
					"); refusing to read it.");
				if (seen.size() > MAX_PAGES) throw new HotPixelsException(file + ": damaged TIFF (more " +
					"than " + MAX_PAGES + " pages); refusing to read it.");
				count.clear();
				if (read(ch, count, offset) < 2) return;
				final long entries = count.getShort(0) & 0xffff;
				next.clear();
				if (read(ch, next, offset + 2 + 12 * entries) < 4) return;
				offset = next.getInt(0) & 0xffffffffL;
			}
		}
		catch (final IOException e) {
			// unreadable: the decoder reports it in its own words
		}
	}

	private static int read(final FileChannel ch, final ByteBuffer b, final long at)
		throws IOException
	{
		int total = 0;
		while (b.hasRemaining()) {
			final int n = ch.read(b, at + total);
			if (n < 0) break;
			total += n;
		}
		return total;
	}
}
