package org.hotpixels.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import nom.tam.fits.Header;
import nom.tam.fits.TruncatedFileException;
import nom.tam.util.FitsFile;

import org.hotpixels.progress.HotPixelsException;

/**
 * The image of a FITS file, read one plane at a time: the headers are parsed with nom-tam-fits,
 * the planes are read from the file directly. The image is the primary array, or the first IMAGE
 * extension when the primary array is empty; a file with more than one image, or a
 * tile-compressed one, is refused with one sentence.
 * <ul>
 * <li><b>Frames.</b> Every plane of a cube (NAXIS3, and NAXIS4... in order) is a frame. Only a
 * cube of three planes whose CTYPE3 starts with "RGB" is one colour frame of three channels.</li>
 * <li><b>Values.</b> BITPIX 8 with no BZERO/BSCALE is 8-bit; BITPIX 16 with BZERO 32768 and
 * BSCALE 1 is unsigned 16-bit; everything else (signed 16-bit, BITPIX 32, -32, -64, any other
 * BZERO or BSCALE) becomes 32-bit float holding the physical value {@code BZERO + BSCALE * v}
 * (BLANK becomes NaN). 32-bit integers beyond 2^24 and 64-bit floats are rounded to the nearest
 * 32-bit float.</li>
 * <li><b>Coordinates.</b> FITS rows run bottom-up: row 1 of the file is the bottom row of the
 * image as astronomy programs (Siril, DS9, ImageJ) display it. A frame's y counts from the top of
 * that display, as in every other format and in Siril's cosmetic lists: {@code y = NAXIS2 - 1 -
 * (FITS row - 1)}, x = FITS column - 1. A file whose ROWORDER keyword is 'TOP-DOWN' is stored top
 * row first and is not turned.</li>
 * </ul>
 *
 * <pre>{@code
 * FitsImage fits = FitsImage.open(Paths.get("master-dark.fits"));
 * Frame first = fits.read(0); // frames(): planes of a cube
 * }</pre>
 */
public final class FitsImage {

	/** nom-tam-fits logs its warnings (e.g. a truncated file); we report them ourselves. */
	private static final java.util.logging.Logger NOM_TAM = java.util.logging.Logger.getLogger(
		"nom.tam");

	static {
		NOM_TAM.setLevel(java.util.logging.Level.SEVERE);
	}

	private final Path file;
	private final Header header;
	private final long headerOffset;
	private final long dataOffset;
	private final int bitpix;
	private final double bzero;
	private final double bscale;
	private final Long blank;
	private final int width;
	private final int height;
	private final int planes;
	private final int planesPerFrame;
	private final boolean topDown;
	private final PixelType type;

	private FitsImage(final Path file, final Header header, final long headerOffset,
		final long dataOffset, final long[] axes)
	{
		this.file = file;
		this.header = header;
		this.headerOffset = headerOffset;
		this.dataOffset = dataOffset;
		bitpix = header.getIntValue("BITPIX");
		bzero = header.getDoubleValue("BZERO", 0);
		bscale = header.getDoubleValue("BSCALE", 1);
		blank = header.containsKey("BLANK") && bitpix > 0 ? header.getLongValue("BLANK") : null;
		width = (int) axes[0];
		height = (int) axes[1];
		long p = 1;
		for (int i = 2; i < axes.length; i++)
			p *= axes[i];
		planes = (int) p;
		final String ctype3 = text(header, "CTYPE3");
		planesPerFrame = axes.length == 3 && planes == 3 && ctype3.trim().toUpperCase(Locale.ROOT)
			.startsWith("RGB") ? 3 : 1;
		topDown = "TOP-DOWN".equalsIgnoreCase(text(header, "ROWORDER").trim());
		if (bitpix == 8 && bzero == 0 && bscale == 1) type = PixelType.GRAY8;
		else if (bitpix == 16 && bzero == 32768 && bscale == 1) type = PixelType.GRAY16;
		else type = PixelType.GRAY32;
	}

	/** A string keyword's value, or "" (the one-argument form is in every nom-tam-fits version). */
	private static String text(final Header h, final String key) {
		final String v = h.containsKey(key) ? h.getStringValue(key) : null;
		return v == null ? "" : v;
	}

	/** True if the file name ends with .fits, .fit or .fts (any case). */
	public static boolean isFits(final Path file) {
		return ImageFileReader.isFits(file);
	}

	/**
	 * Reads the headers of {@code file} and checks that the image's data is all there.
	 *
	 * @throws HotPixelsException naming the file: not FITS, truncated, no image, several
	 *           images, tile-compressed, or a size that cannot be decoded
	 */
	public static FitsImage open(final Path file) {
		final long length;
		try {
			length = Files.size(file);
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
		final byte[] magic = new byte[9];
		try (java.io.InputStream in = Files.newInputStream(file)) {
			int n = 0;
			for (int r; n < magic.length && (r = in.read(magic, n, magic.length - n)) > 0;)
				n += r;
			if (n < magic.length || !new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals(
				"SIMPLE  =")) throw notFits(file, "it does not start with SIMPLE");
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
		FitsImage image = null;
		int images = 0;
		try (FitsFile in = new FitsFile(file.toFile(), "r")) {
			for (int hdu = 0;; hdu++) {
				final long start = in.getFilePointer();
				if (start >= length) break;
				final Header h;
				try {
					h = Header.readHeader(in);
				}
				catch (final IOException | RuntimeException e) {
					if (hdu == 0) throw e;
					break; // padding or other bytes after the last extension: not ours to judge
				}
				if (h == null) break;
				if (hdu == 0 && !h.containsKey("SIMPLE")) throw notFits(file, "no SIMPLE keyword");
				final long dataStart = in.getFilePointer();
				final long dataSize = h.getDataSize();
				final String xtension = text(h, "XTENSION").trim();
				if (h.getBooleanValue("ZIMAGE", false)) throw new HotPixelsException(file +
					": is a tile-compressed FITS image; decompress it first (e.g. funpack).");
				final int naxis = h.getIntValue("NAXIS", 0);
				final boolean isImage = hdu == 0 || xtension.equalsIgnoreCase("IMAGE");
				if (isImage && naxis > 0 && dataSize > 0) {
					final long[] axes = new long[naxis];
					for (int i = 0; i < naxis; i++)
						axes[i] = h.getLongValue("NAXIS" + (i + 1), 0);
					if (naxis == 1) throw new HotPixelsException(file + ": its FITS data is a " +
						"one-dimensional array of " + axes[0] + " values, not an image.");
					images++;
					if (image == null) image = checked(file, h, start, dataStart, axes, length);
				}
				if (dataSize > 0) {
					if (dataStart + dataSize > length) break; // unpadded last data: checked above
					in.seek(dataStart + dataSize);
				}
			}
		}
		catch (final TruncatedFileException | EOFException e) {
			throw new HotPixelsException(file + ": FITS header is truncated (" + length + " bytes).", e);
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof HotPixelsException) throw (HotPixelsException) e;
			throw notFits(file, e.getMessage());
		}
		if (image == null) throw new HotPixelsException(file +
			": holds no image (its FITS arrays are empty or tables).");
		if (images > 1) throw new HotPixelsException(file + ": holds " + images +
			" images in separate FITS extensions; split them into one file each.");
		return image;
	}

	private static FitsImage checked(final Path file, final Header h, final long start,
		final long dataStart, final long[] axes, final long length)
	{
		final int bitpix = h.getIntValue("BITPIX", 0);
		if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 &&
			bitpix != -64) throw notFits(file, "BITPIX " + bitpix);
		long planes = 1;
		for (int i = 2; i < axes.length; i++) {
			if (axes[i] <= 0) throw new HotPixelsException(file + ": its FITS image has " + axes[i] +
				" planes along axis " + (i + 1) + ".");
			planes = Math.multiplyExact(planes, axes[i]);
		}
		if (planes > Integer.MAX_VALUE) throw new HotPixelsException(file + ": claims " + planes +
			" planes; refusing to read it.");
		final int bytes = Math.abs(bitpix) / 8;
		ImageFileReader.checkSize(file, axes[0], axes[1], bitpix == 8 ? 1 : bitpix == 16 && h
			.getDoubleValue("BZERO", 0) == 32768 ? 2 : 4);
		if (axes[0] * axes[1] * bytes > Integer.MAX_VALUE - 8) throw new HotPixelsException(file +
			": claims " + axes[0] + "x" + axes[1] + " pixels of " + bytes + " bytes, more than one " +
			"plane can be read in; refusing to decode it.");
		final long needed = dataStart + axes[0] * axes[1] * bytes * planes;
		if (needed > length) throw new HotPixelsException(file + ": FITS data is truncated (" + length +
			" bytes, its header needs " + needed + ").");
		return new FitsImage(file, h, start, dataStart, axes);
	}

	private static HotPixelsException notFits(final Path file, final String reason) {
		return new HotPixelsException(file + ": not a readable FITS file (" + reason + ").");
	}

	/** Number of frames: planes of a cube, 1 for a single image or an RGB cube. */
	public int frames() {
		return planes / planesPerFrame;
	}

	/** Number of planes in the file (every frame's channels, in order). */
	public int planes() {
		return planes;
	}

	/** Planes per frame: 3 for an RGB cube, else 1. */
	public int planesPerFrame() {
		return planesPerFrame;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The type frames are decoded to (see the class comment). */
	public PixelType type() {
		return type;
	}

	/** BITPIX of the stored data: 8, 16, 32, 64, -32 or -64. */
	public int bitpix() {
		return bitpix;
	}

	/** The header of the image (nom-tam-fits), as read. */
	public Header header() {
		return header;
	}

	/** Byte offset of the image's header in the file. */
	public long headerOffset() {
		return headerOffset;
	}

	/** Byte offset of the image's data in the file. */
	public long dataOffset() {
		return dataOffset;
	}

	/** Bytes of one stored plane. */
	public long planeBytes() {
		return (long) width * height * (Math.abs(bitpix) / 8);
	}

	/** The stored row (0-based, in file order) of a frame's row {@code y}. */
	public int storedRow(final int y) {
		return topDown ? y : height - 1 - y;
	}

	/** Decodes frame {@code index} (0-based). */
	public Frame read(final int index) {
		if (index < 0 || index >= frames()) throw new IllegalArgumentException("frame " + index +
			" of " + frames());
		final Object[] p = new Object[planesPerFrame];
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			for (int c = 0; c < planesPerFrame; c++)
				p[c] = decode(readPlane(ch, index * planesPerFrame + c));
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
		return Frame.of(file.getFileName().toString(), type, width, height, p);
	}

	/** The stored bytes of plane {@code plane} (big-endian, file row order). */
	public ByteBuffer readPlane(final FileChannel ch, final int plane) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate((int) planeBytes());
		final long at = dataOffset + plane * planeBytes();
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) throw new EOFException("FITS data ends early");
		b.flip();
		return b;
	}

	/** The values of a stored plane as a frame plane of {@link #type()}, turned to frame rows. */
	public Object decode(final ByteBuffer stored) {
		final int n = width * height;
		final Object out = Frame.newPlane(type, n);
		for (int y = 0; y < height; y++) {
			final int from = storedRow(y) * width, to = y * width;
			for (int x = 0; x < width; x++) {
				final int i = from + x;
				switch (type) {
					case GRAY8 :
						((byte[]) out)[to + x] = stored.get(i);
						break;
					case GRAY16 :
						((short[]) out)[to + x] = (short) (stored.getShort(2 * i) ^ 0x8000);
						break;
					default :
						((float[]) out)[to + x] = (float) physical(stored, i);
				}
			}
		}
		return out;
	}

	private double physical(final ByteBuffer b, final int i) {
		final double raw;
		switch (bitpix) {
			case 8 :
				raw = b.get(i) & 0xff;
				break;
			case 16 :
				raw = b.getShort(2 * i);
				break;
			case 32 :
				raw = b.getInt(4 * i);
				break;
			case 64 :
				raw = b.getLong(8 * i);
				break;
			case -32 :
				raw = b.getFloat(4 * i);
				break;
			default :
				raw = b.getDouble(8 * i);
		}
		if (blank != null && bitpix > 0 && (long) raw == blank) return Double.NaN;
		return bzero + bscale * raw;
	}

	/**
	 * Stores {@code value} of a frame plane (as {@link #decode} gives it) at stored pixel
	 * {@code i} (file order): the inverse of decoding, rounded and clamped to an integer BITPIX.
	 */
	public void encode(final ByteBuffer stored, final int i, final double value) {
		if (type == PixelType.GRAY8) {
			stored.put(i, (byte) value);
			return;
		}
		if (type == PixelType.GRAY16) {
			stored.putShort(2 * i, (short) ((int) value ^ 0x8000));
			return;
		}
		final double raw = (value - bzero) / bscale;
		switch (bitpix) {
			case -32 :
				stored.putFloat(4 * i, (float) raw);
				break;
			case -64 :
				stored.putDouble(8 * i, raw);
				break;
			case 8 :
				stored.put(i, (byte) clamp(raw, 0, 255));
				break;
			case 16 :
				stored.putShort(2 * i, (short) clamp(raw, Short.MIN_VALUE, Short.MAX_VALUE));
				break;
			case 32 :
				stored.putInt(4 * i, (int) clamp(raw, Integer.MIN_VALUE, Integer.MAX_VALUE));
				break;
			default :
				stored.putLong(8 * i, (long) clamp(raw, Long.MIN_VALUE, Long.MAX_VALUE));
		}
	}

	private long clamp(final double raw, final double min, final double max) {
		if (Double.isNaN(raw)) return blank != null ? blank : 0;
		return Math.round(Math.max(min, Math.min(max, raw)));
	}
}
