package org.hotpixels.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotpixels.io.ImageFileWriter.FileType;

/**
 * Metadata of an original that a corrected copy keeps and ImageJ's writers would drop: a TIFF's
 * text tags Make, Model, Software, DateTime, Artist, HostComputer and Copyright (added to the
 * copy's first page), and a JPEG's Exif (APP1) and ICC profile (APP2) segments (copied after
 * the new file's JFIF header, byte for byte). Wrap the sink that writes the copy:
 *
 * <pre>{@code
 * KeptMetadata kept = KeptMetadata.read(original);
 * ImageFileWriter.write(image, target, type, kept.keepIn(sink, type));
 * }</pre>
 *
 * Unreadable or absent metadata is simply not kept; the pixels are never affected.
 */
public final class KeptMetadata {

	/** The TIFF text tags kept: Make, Model, Software, DateTime, Artist, HostComputer, Copyright. */
	static final int[] TIFF_TAGS = { 271, 272, 305, 306, 315, 316, 33432 };
	private static final int ASCII = 2;
	/** Largest metadata kept (bytes of one tag or all JPEG segments): far above any camera's. */
	private static final int MAX_BYTES = 1 << 20;

	private final Map<Integer, byte[]> tiffTags;
	private final List<byte[]> jpegSegments;

	private KeptMetadata(final Map<Integer, byte[]> tiffTags, final List<byte[]> jpegSegments) {
		this.tiffTags = tiffTags;
		this.jpegSegments = jpegSegments;
	}

	/** What {@code original} has to keep; nothing for other formats or unreadable files. */
	public static KeptMetadata read(final Path original) {
		final Map<Integer, byte[]> tags = new TreeMap<>();
		final List<byte[]> segments = new ArrayList<>();
		try {
			final String ext = org.hotpixels.source.InputFiles.extension(original);
			if (ext.equals("tif") || ext.equals("tiff")) readTiffTags(original, tags);
			else if (ext.equals("jpg") || ext.equals("jpeg") || ext.equals("jpe")) readJpegSegments(
				original, segments);
		}
		catch (final IOException | RuntimeException e) {
			tags.clear();
			segments.clear();
		}
		return new KeptMetadata(tags, segments);
	}

	/** True if there is nothing to keep. */
	public boolean isEmpty() {
		return tiffTags.isEmpty() && jpegSegments.isEmpty();
	}

	/** The text of a kept TIFF tag (without its final NUL), or null; for tests and messages. */
	public String tiffTag(final int tag) {
		final byte[] v = tiffTags.get(tag);
		if (v == null) return null;
		int n = v.length;
		while (n > 0 && v[n - 1] == 0)
			n--;
		return new String(v, 0, n, StandardCharsets.ISO_8859_1);
	}

	/** A sink that writes through {@code sink} and adds this metadata to files of {@code type}. */
	public FileSink keepIn(final FileSink sink, final FileType type) {
		if (type == FileType.TIFF && !tiffTags.isEmpty()) return (target, body) -> sink.write(target,
			out -> out.write(addTiffTags(encode(body))));
		if (type == FileType.JPEG && !jpegSegments.isEmpty()) return (target, body) -> sink.write(
			target, out -> out.write(addJpegSegments(encode(body))));
		return sink;
	}

	private static byte[] encode(final IOConsumer<java.io.OutputStream> body) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		body.accept(bytes);
		return bytes.toByteArray();
	}

	// -- TIFF

	private static void readTiffTags(final Path file, final Map<Integer, byte[]> tags)
		throws IOException
	{
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			final ByteBuffer head = read(ch, 0, 8, size);
			if (head == null) return;
			final ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
			head.order(order);
			if (head.get(0) != head.get(1) || head.getShort(2) != 42) return;
			final long ifd = head.getInt(4) & 0xffffffffL;
			final ByteBuffer count = read(ch, ifd, 2, size);
			if (count == null) return;
			final int n = count.order(order).getShort(0) & 0xffff;
			final ByteBuffer entries = read(ch, ifd + 2, 12 * n, size);
			if (entries == null) return;
			entries.order(order);
			for (int i = 0; i < n; i++) {
				final int tag = entries.getShort(12 * i) & 0xffff;
				if (entries.getShort(12 * i + 2) != ASCII || !kept(tag)) continue;
				final long length = entries.getInt(12 * i + 4) & 0xffffffffL;
				if (length == 0 || length > MAX_BYTES) continue;
				final byte[] value = new byte[(int) length];
				if (length <= 4) for (int k = 0; k < length; k++)
					value[k] = entries.get(12 * i + 8 + k);
				else {
					final ByteBuffer b = read(ch, entries.getInt(12 * i + 8) & 0xffffffffL, (int) length,
						size);
					if (b == null) continue;
					b.get(value);
				}
				tags.put(tag, value);
			}
		}
	}

	private static boolean kept(final int tag) {
		for (final int t : TIFF_TAGS)
			if (t == tag) return true;
		return false;
	}

	private static ByteBuffer read(final FileChannel ch, final long at, final int length,
		final long size) throws IOException
	{
		if (at < 0 || at + length > size) return null;
		final ByteBuffer b = ByteBuffer.allocate(length);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) return null;
		b.flip();
		return b;
	}

	/**
	 * A copy of a classic TIFF whose first page also has the kept tags: a new first directory
	 * (the old entries, tags of the same number replaced, plus the kept ones, in tag order) is
	 * appended with the tags' text, and the header points to it; every other byte stays.
	 */
	byte[] addTiffTags(final byte[] tiff) {
		final ByteBuffer in = ByteBuffer.wrap(tiff);
		if (tiff.length < 8 || tiff[0] != tiff[1] || tiff[0] != 'I' && tiff[0] != 'M') return tiff;
		in.order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		if (in.getShort(2) != 42) return tiff;
		final int ifd = in.getInt(4);
		if (ifd < 8 || ifd + 2 > tiff.length) return tiff;
		final int n = in.getShort(ifd) & 0xffff;
		if (ifd + 2 + 12 * n + 4 > tiff.length) return tiff;
		final Map<Integer, byte[]> entries = new TreeMap<>();
		for (int i = 0; i < n; i++) {
			final byte[] e = new byte[12];
			System.arraycopy(tiff, ifd + 2 + 12 * i, e, 0, 12);
			entries.put(in.getShort(ifd + 2 + 12 * i) & 0xffff, e);
		}
		final int next = in.getInt(ifd + 2 + 12 * n);
		final int count = entries.size() + (int) tiffTags.keySet().stream().filter(t -> !entries
			.containsKey(t)).count();
		final int start = tiff.length + (tiff.length & 1); // directories begin on a word boundary
		final int dirBytes = 2 + 12 * count + 4;
		int text = start + dirBytes;
		final ByteBuffer out = ByteBuffer.allocate(text + tiffTags.values().stream().mapToInt(
			v -> v.length + 2).sum()).order(in.order());
		out.put(tiff);
		out.position(start);
		out.putShort((short) count);
		final Map<Integer, byte[]> all = new TreeMap<>(entries);
		for (final Map.Entry<Integer, byte[]> t : tiffTags.entrySet()) {
			final byte[] v = t.getValue();
			final boolean nul = v[v.length - 1] == 0;
			final int length = v.length + (nul ? 0 : 1);
			final ByteBuffer e = ByteBuffer.allocate(12).order(in.order());
			e.putShort((short) (int) t.getKey()).putShort((short) ASCII).putInt(length);
			if (length <= 4) e.put(v);
			else {
				e.putInt(text);
				out.position(text);
				out.put(v);
				if (!nul) out.put((byte) 0);
				text += length + (length & 1);
				out.position(start + 2);
			}
			all.put(t.getKey(), e.array());
		}
		out.position(start + 2);
		for (final byte[] e : all.values())
			out.put(e);
		out.putInt(next);
		out.putInt(4, start);
		return Arrays.copyOf(out.array(), Math.max(text, start + dirBytes));
	}

	// -- JPEG

	/** The APP1 Exif and APP2 ICC_PROFILE segments of a JPEG, markers included. */
	private static void readJpegSegments(final Path file, final List<byte[]> segments)
		throws IOException
	{
		int total = 0;
		try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
			if (in.read() != 0xff || in.read() != 0xd8) return;
			while (true) {
				int marker = in.read();
				if (marker != 0xff) return;
				while (marker == 0xff)
					marker = in.read();
				if (marker < 0 || marker == 0xda || marker == 0xd9) return; // start of scan: done
				final int hi = in.read(), lo = in.read();
				if (lo < 0) return;
				final int length = hi << 8 | lo;
				if (length < 2) return;
				final byte[] segment = new byte[2 + length];
				segment[0] = (byte) 0xff;
				segment[1] = (byte) marker;
				segment[2] = (byte) hi;
				segment[3] = (byte) lo;
				int off = 4;
				while (off < segment.length) {
					final int r = in.read(segment, off, segment.length - off);
					if (r < 0) return;
					off += r;
				}
				if (marker == 0xe1 && startsWith(segment, "Exif\0") || marker == 0xe2 && startsWith(segment,
					"ICC_PROFILE\0"))
				{
					total += segment.length;
					if (total > MAX_BYTES * 16) return;
					segments.add(segment);
				}
			}
		}
	}

	private static boolean startsWith(final byte[] segment, final String id) {
		final byte[] b = id.getBytes(StandardCharsets.US_ASCII);
		if (segment.length < 4 + b.length) return false;
		for (int i = 0; i < b.length; i++)
			if (segment[4 + i] != b[i]) return false;
		return true;
	}

	/** The new JPEG with the kept segments after its SOI and JFIF (APP0) header. */
	byte[] addJpegSegments(final byte[] jpeg) {
		if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) return jpeg;
		int at = 2;
		if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0 && jpeg.length > 6) at = 4 +
			((jpeg[4] & 0xff) << 8 | jpeg[5] & 0xff);
		if (at > jpeg.length) return jpeg;
		final ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 65536);
		out.write(jpeg, 0, at);
		for (final byte[] s : jpegSegments)
			out.write(s, 0, s.length);
		out.write(jpeg, at, jpeg.length - at);
		return out.toByteArray();
	}
}
