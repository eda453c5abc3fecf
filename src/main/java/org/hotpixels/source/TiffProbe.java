package org.hotpixels.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotpixels.progress.HotPixelsException;

/**
 * The few tags of every page of a TIFF or BigTIFF that decide how it is decoded (size, bits,
 * sample format, compression, tiling), read before any decoder sees the file. The chain of pages
 * is followed with every offset checked against the file's length and against the pages already
 * seen, so a chain that loops back on itself is an error instead of an endless read.
 */
final class TiffProbe {

	/** Compressions ImageJ's own TIFF decoder reads: none, LZW, deflate (two codes), PackBits. */
	private static final int[] IMAGEJ_COMPRESSIONS = { 1, 5, 8, 32946, 32773 };
	/** At most this many entries in one page's directory; more means a damaged file. */
	private static final int MAX_ENTRIES = 10_000;

	/** One page (image file directory). */
	static final class Page {

		long width, height;
		int compression = 1, bitsPerSample = 1, sampleFormat = 1, samplesPerPixel = 1;
		int photometric = -1;
		boolean tiled;

		/** True if ImageJ's TIFF decoder reads this page's compression and layout. */
		boolean imageJCanRead() {
			if (tiled || photometric > 3) return false;
			for (final int c : IMAGEJ_COMPRESSIONS)
				if (c == compression) return true;
			return false;
		}

		boolean isSigned() {
			return sampleFormat == 2;
		}
	}

	final boolean bigTiff;
	final List<Page> pages;

	private TiffProbe(final boolean bigTiff, final List<Page> pages) {
		this.bigTiff = bigTiff;
		this.pages = pages;
	}

	/** True if ImageJ's decoder can read every page. */
	boolean imageJCanRead() {
		if (bigTiff) return false;
		for (final Page p : pages)
			if (!p.imageJCanRead()) return false;
		return true;
	}

	/**
	 * The last files probed, by path, with the size and time of the file they were read from:
	 * each page of a multi-page TIFF is decoded on its own, and walking a chain of thousands of
	 * pages for each of them would take quadratic time.
	 */
	private static final Map<Path, Object[]> CACHE = new LinkedHashMap<Path, Object[]>(16, 0.75f,
		true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(final Map.Entry<Path, Object[]> eldest) {
			return size() > 32;
		}
	};

	/**
	 * Reads the pages' tags (or returns those read before from the unchanged file).
	 *
	 * @throws HotPixelsException "FILE: not a TIFF (...)", "FILE: TIFF is truncated (...)" or
	 *           "FILE: TIFF's chain of pages loops back on itself; the file is damaged."
	 */
	static TiffProbe read(final Path file) {
		final Path key = file.toAbsolutePath();
		final long size, time;
		try {
			size = Files.size(file);
			time = Files.getLastModifiedTime(file).toMillis();
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
		synchronized (CACHE) {
			final Object[] hit = CACHE.get(key);
			if (hit != null && (Long) hit[0] == size && (Long) hit[1] == time) return (TiffProbe) hit[2];
		}
		final TiffProbe probe;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			probe = read(file, ch);
		}
		catch (final EOFException e) {
			throw new HotPixelsException(file + ": TIFF is truncated (its header points beyond the " +
				"end of the file).", e);
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": not a readable TIFF (" + e.getMessage() + ").", e);
		}
		synchronized (CACHE) {
			CACHE.put(key, new Object[]{ size, time, probe });
		}
		return probe;
	}

	private static TiffProbe read(final Path file, final FileChannel ch) throws IOException {
		final long length = ch.size();
		final ByteBuffer head = bytes(ch, 0, 16 <= length ? 16 : (int) length);
		if (head.remaining() < 8) throw notTiff(file);
		final int order = head.getShort(0);
		if (order == 0x4949) head.order(ByteOrder.LITTLE_ENDIAN);
		else if (order != 0x4d4d) throw notTiff(file);
		final int magic = head.getShort(2) & 0xffff;
		final boolean big = magic == 43;
		if (magic != 42 && !big) throw notTiff(file);
		if (big && head.remaining() < 16) throw notTiff(file);
		long offset = big ? head.getLong(8) : head.getInt(4) & 0xffffffffL;
		final Set<Long> seen = new HashSet<>();
		final List<Page> pages = new ArrayList<>();
		while (offset != 0) {
			if (!seen.add(offset)) throw new HotPixelsException(file +
				": TIFF's chain of pages loops back on itself; the file is damaged.");
			if (offset < 8 || offset >= length) throw new HotPixelsException(file +
				": TIFF is truncated (" + length + " bytes, its page " + (pages.size() + 1) +
				" starts at byte " + offset + ").");
			final ByteBuffer countBytes = bytes(ch, offset, big ? 8 : 2).order(head.order());
			final long count = big ? countBytes.getLong(0) : countBytes.getShort(0) & 0xffff;
			if (count <= 0 || count > MAX_ENTRIES) throw new HotPixelsException(file + ": TIFF page " +
				(pages.size() + 1) + " has " + count + " tags; the file is damaged.");
			final int entry = big ? 20 : 12;
			final ByteBuffer dir = bytes(ch, offset + (big ? 8 : 2), (int) count * entry + (big ? 8 : 4))
				.order(head.order());
			final Page page = new Page();
			for (int i = 0; i < count; i++)
				tag(ch, dir, i * entry, big, page);
			pages.add(page);
			offset = big ? dir.getLong((int) count * entry) : dir.getInt((int) count * entry) &
				0xffffffffL;
		}
		if (pages.isEmpty()) throw new HotPixelsException(file +
			": not a readable TIFF (no image in it).");
		return new TiffProbe(big, pages);
	}

	private static void tag(final FileChannel ch, final ByteBuffer dir, final int at,
		final boolean big, final Page page) throws IOException
	{
		final int tag = dir.getShort(at) & 0xffff;
		if (tag != 256 && tag != 257 && tag != 258 && tag != 259 && tag != 262 && tag != 277 &&
			tag != 322 && tag != 339) return;
		if (tag == 322) {
			page.tiled = true;
			return;
		}
		final int type = dir.getShort(at + 2) & 0xffff;
		final long count = big ? dir.getLong(at + 4) : dir.getInt(at + 4) & 0xffffffffL;
		final int size = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : 0;
		if (size == 0 || count < 1) return;
		final int valueAt = at + (big ? 12 : 8);
		final ByteBuffer value;
		final int index;
		if (count * size <= (big ? 8 : 4)) {
			value = dir;
			index = valueAt;
		}
		else { // the first of several values, elsewhere in the file
			final long where = big ? dir.getLong(valueAt) : dir.getInt(valueAt) & 0xffffffffL;
			value = bytes(ch, where, size).order(dir.order());
			index = 0;
		}
		final long v = size == 2 ? value.getShort(index) & 0xffff : size == 4 ? value.getInt(index) &
			0xffffffffL : value.getLong(index);
		switch (tag) {
			case 256 :
				page.width = v;
				break;
			case 257 :
				page.height = v;
				break;
			case 258 :
				page.bitsPerSample = (int) Math.min(v, 1024);
				break;
			case 259 :
				page.compression = (int) Math.min(v, Integer.MAX_VALUE);
				break;
			case 262 :
				page.photometric = (int) Math.min(v, Integer.MAX_VALUE);
				break;
			case 277 :
				page.samplesPerPixel = (int) Math.min(v, 1024);
				break;
			default :
				page.sampleFormat = (int) Math.min(v, Integer.MAX_VALUE);
		}
	}

	private static ByteBuffer bytes(final FileChannel ch, final long at, final int n)
		throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(n);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) throw new EOFException();
		b.flip();
		return b;
	}

	private static HotPixelsException notTiff(final Path file) {
		return new HotPixelsException(file + ": not a readable TIFF (it does not start like one).");
	}
}
