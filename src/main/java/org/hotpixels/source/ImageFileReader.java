package org.hotpixels.source;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.io.RandomAccessStream;
import ij.io.TiffDecoder;

import org.hotpixels.HotPixelsException;

/**
 * Decodes one image file into a {@link Frame}: TIFF (8/16/32-bit, RGB, multi-page, compressed)
 * with ImageJ's own TIFF decoder, JPEG/PNG/BMP/GIF with {@code javax.imageio}, and anything else
 * ImageJ 1 opens (PGM, FITS, ...) through {@link Opener}. Sizes are checked in the header before
 * pixels are allocated, and a truncated file is an error rather than a half-grey frame.
 *
 * <pre>{@code
 * Frame f = ImageFileReader.read(Paths.get("IMG_0001.JPG"), 0);
 * int pages = ImageFileReader.pageCount(Paths.get("stack.tif"));
 * }</pre>
 */
public final class ImageFileReader {

	/** Largest plane we accept: Java arrays hold at most 2^31 - 1 elements. */
	static final long MAX_PIXELS = Integer.MAX_VALUE - 8;
	/**
	 * A decoded frame may take at most this fraction of the heap: frames are decoded a few at a
	 * time, and the statistics need room too. A header claiming more is refused before decoding.
	 */
	static final int MEMORY_SHARE = 4;

	/** Each decoding thread's 3-byte BGR image, reused while frames keep their size. */
	private static final ThreadLocal<BufferedImage> BGR_DESTINATION = new ThreadLocal<>();

	private ImageFileReader() {}

	/** Number of frames in the file: pages of a TIFF, 1 for other formats. */
	public static int pageCount(final Path file) {
		checkReadable(file);
		if (!isTiff(file)) return 1;
		final FileInfo[] info = tiffInfo(file);
		return info.length == 1 ? Math.max(1, info[0].nImages) : info.length;
	}

	/** Decodes page {@code page} (0-based) of {@code file}. */
	public static Frame read(final Path file, final int page) {
		checkReadable(file);
		try {
			if (isTiff(file)) return readTiff(file, page);
			final Frame f = readWithImageIO(file);
			return f != null ? f : readWithImageJ(file);
		}
		catch (final HotPixelsException e) {
			throw e;
		}
		catch (final IOException | RuntimeException e) {
			throw new HotPixelsException(file + ": cannot be read as an image (" + reason(e) + ").", e);
		}
		catch (final OutOfMemoryError e) {
			throw new HotPixelsException(file + ": not enough memory to decode this image.", e);
		}
	}

	private static String reason(final Throwable e) {
		final String m = e.getMessage();
		return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
	}

	private static void checkReadable(final Path file) {
		if (!Files.exists(file)) throw new HotPixelsException(file + ": no such file.");
		if (Files.isDirectory(file)) throw new HotPixelsException(file + ": is a folder, not an image.");
		if (!Files.isReadable(file)) throw new HotPixelsException(file +
			": cannot be read (permission denied).");
		try {
			if (Files.size(file) == 0) throw new HotPixelsException(file + ": is empty (0 bytes).");
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + reason(e) + ").", e);
		}
	}

	static boolean isTiff(final Path file) {
		final String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".tif") || n.endsWith(".tiff");
	}

	private static FileInfo[] tiffInfo(final Path file) {
		TiffChain.check(file);
		final FileInfo[] info;
		try {
			final File f = file.toFile();
			info = new TiffDecoder(f.getParent() + File.separator, f.getName()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new HotPixelsException(file + ": not a readable TIFF (" + reason(e) + ").", e);
		}
		if (info == null || info.length == 0) throw new HotPixelsException(file +
			": not a readable TIFF (no image in it).");
		checkSize(file, info[0].width, info[0].height, bytesPerPixel(info[0]));
		return info;
	}

	private static void checkSize(final Path file, final long width, final long height,
		final int bytesPerPixel)
	{
		if (width <= 0 || height <= 0) throw new HotPixelsException(file +
			": claims an image of " + width + "x" + height + " pixels.");
		if (width * height > MAX_PIXELS) throw new HotPixelsException(file + ": claims " + width +
			"x" + height + " pixels, more than one image plane can hold; refusing to decode it.");
		final long bytes = width * height * bytesPerPixel;
		final long max = Runtime.getRuntime().maxMemory();
		if (bytes > max / MEMORY_SHARE) throw new HotPixelsException(file + ": claims " + width +
			"x" + height + " pixels (" + (bytes >> 20) + " MB decoded), too large for this Java's " +
			"memory (" + (max >> 20) + " MB at most); refusing to decode it.");
	}

	/** Bytes per pixel ImageJ's reader allocates for a TIFF (RGB is unpacked into ints). */
	private static int bytesPerPixel(final FileInfo fi) {
		final int b = fi.getBytesPerPixel();
		return b == 3 ? 4 : Math.max(1, b);
	}

	/** Bytes per pixel of the frame an ImageIO decode gives: 1 or 2 for grey, 4 for colour. */
	private static int bytesPerPixel(final ImageReader reader) throws IOException {
		final javax.imageio.ImageTypeSpecifier raw = reader.getRawImageType(0);
		if (raw == null) return 4;
		final java.awt.image.SampleModel sm = raw.getSampleModel(1, 1);
		return sm.getNumBands() > 1 ? 4 : Math.max(1, (sm.getSampleSize(0) + 7) / 8);
	}

	private static Frame readTiff(final Path file, final int page) throws IOException {
		final FileInfo[] info = tiffInfo(file);
		final FileInfo fi = (FileInfo) info[0].clone();
		final int pages = info.length == 1 ? Math.max(1, fi.nImages) : info.length;
		if (page >= pages) throw new IllegalArgumentException("page " + page + " of " + pages);
		if (info.length == 1 && fi.nImages > 1) {
			final long size = (long) fi.width * fi.height * fi.getBytesPerPixel();
			fi.longOffset = fi.getOffset() + page * (size + fi.getGap());
			fi.offset = 0;
		}
		else {
			final FileInfo p = info[page];
			checkSize(file, p.width, p.height, bytesPerPixel(fi));
			fi.width = p.width;
			fi.height = p.height;
			fi.longOffset = p.getOffset();
			fi.offset = 0;
			fi.stripOffsets = p.stripOffsets;
			fi.stripLengths = p.stripLengths;
			fi.compression = p.compression;
		}
		fi.nImages = 1;
		checkNotTruncated(file, fi);
		final Object pixels;
		final ij.io.ImageReader reader = new ij.io.ImageReader(fi);
		try (InputStream in = fi.compression >= FileInfo.LZW ? new RandomAccessStream(
			new RandomAccessFile(file.toFile(), "r")) : new FileInputStream(file.toFile()))
		{
			pixels = reader.readPixels(in, fi.getOffset());
		}
		if (pixels == null) throw new HotPixelsException(file +
			": TIFF pixel data is truncated or unreadable.");
		return toFrame(file, fi, pixels);
	}

	private static void checkNotTruncated(final Path file, final FileInfo fi) throws IOException {
		final long length = Files.size(file);
		long end = fi.getOffset() + (long) fi.width * fi.height * fi.getBytesPerPixel();
		if (fi.stripOffsets != null && fi.stripLengths != null && fi.stripOffsets.length > 0 &&
			fi.stripOffsets.length == fi.stripLengths.length)
		{
			end = 0;
			for (int i = 0; i < fi.stripOffsets.length; i++)
				end = Math.max(end, (fi.stripOffsets[i] & 0xffffffffL) + (fi.stripLengths[i] &
					0xffffffffL));
		}
		else if (fi.compression > FileInfo.COMPRESSION_NONE) return;
		if (end > length) throw new HotPixelsException(file + ": TIFF is truncated (" + length +
			" bytes, its header needs " + end + ").");
	}

	private static Frame toFrame(final Path file, final FileInfo fi, final Object pixels) {
		final String name = file.getFileName().toString();
		final int w = fi.width, h = fi.height;
		if (pixels instanceof byte[]) return Frame.of(name, PixelType.GRAY8, w, h, pixels);
		if (pixels instanceof short[]) {
			if (fi.fileType == FileInfo.GRAY16_SIGNED) {
				final short[] s = (short[]) pixels; // ImageJ's convention: shift into 0..65535
				for (int i = 0; i < s.length; i++)
					s[i] = (short) (s[i] + 32768);
			}
			return Frame.of(name, PixelType.GRAY16, w, h, pixels);
		}
		if (pixels instanceof float[]) return Frame.of(name, PixelType.GRAY32, w, h, pixels);
		if (pixels instanceof int[]) return Frame.of(name, PixelType.RGB, w, h, pixels);
		if (pixels instanceof Object[]) { // 48-bit RGB: three 16-bit planes
			final Object[] planes = (Object[]) pixels;
			return Frame.of(name, PixelType.GRAY16, w, h, planes);
		}
		throw new HotPixelsException(file + ": unsupported TIFF pixel type.");
	}

	/** Decodes with an ImageIO reader, or returns null if ImageIO has none for this file. */
	private static Frame readWithImageIO(final Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) return null;
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return null;
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				checkSize(file, reader.getWidth(0), reader.getHeight(0), bytesPerPixel(reader));
				final StringBuilder warnings = new StringBuilder();
				final IIOReadWarningListener listener = (source, warning) -> warnings.append(
					warnings.length() > 0 ? "; " : "").append(warning);
				reader.addIIOReadWarningListener(listener);
				final BufferedImage image = reader.read(0, readParam(reader));
				if (warnings.length() > 0) throw new HotPixelsException(file + ": damaged image (" +
					warnings + ").");
				return toFrame(file.getFileName().toString(), image);
			}
			catch (final javax.imageio.IIOException e) {
				throw new HotPixelsException(file + ": damaged or unsupported image (" + reason(e) +
					").", e);
			}
			finally {
				reader.dispose();
			}
		}
	}

	/**
	 * Read parameters that decode colour JPEGs (and anything else whose first image type is
	 * 3-byte BGR) into a reused per-thread image, the same type the reader would allocate: its
	 * pixels are copied into the frame anyway, and a 10-megapixel photo saves 30 MB of garbage
	 * per frame and about 6% of the decoding time.
	 */
	private static ImageReadParam readParam(final ImageReader reader) throws IOException {
		final ImageReadParam param = reader.getDefaultReadParam();
		final Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
		if (types == null || !types.hasNext() || types.next()
			.getBufferedImageType() != BufferedImage.TYPE_3BYTE_BGR) return param;
		final int w = reader.getWidth(0), h = reader.getHeight(0);
		BufferedImage image = BGR_DESTINATION.get();
		if (image == null || image.getWidth() != w || image.getHeight() != h) {
			image = null;
			BGR_DESTINATION.remove(); // let the old one go before allocating
			image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
			BGR_DESTINATION.set(image);
		}
		param.setDestination(image);
		return param;
	}

	/** Converts a decoded BufferedImage to an 8-bit, 16-bit or RGB frame without extra copies. */
	static Frame toFrame(final String name, final BufferedImage image) {
		final int w = image.getWidth(), h = image.getHeight();
		final Raster raster = image.getRaster();
		switch (image.getType()) {
			case BufferedImage.TYPE_BYTE_GRAY:
				if (raster.getDataBuffer() instanceof DataBufferByte && isCompact(raster, w, 1))
					return Frame.of(name, PixelType.GRAY8, w, h, ((DataBufferByte) raster
						.getDataBuffer()).getData());
				break;
			case BufferedImage.TYPE_USHORT_GRAY:
				if (raster.getDataBuffer() instanceof DataBufferUShort && isCompact(raster, w, 1))
					return Frame.of(name, PixelType.GRAY16, w, h, ((DataBufferUShort) raster
						.getDataBuffer()).getData());
				break;
			case BufferedImage.TYPE_3BYTE_BGR:
				if (isCompact(raster, w, 3)) {
					final byte[] bgr = ((DataBufferByte) raster.getDataBuffer()).getData();
					final int[] rgb = new int[w * h];
					for (int i = 0, j = 0; i < rgb.length; i++, j += 3)
						rgb[i] = (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | bgr[j] & 0xff;
					return Frame.of(name, PixelType.RGB, w, h, rgb);
				}
				break;
			default:
		}
		if (raster.getNumBands() == 1 && raster.getSampleModel().getSampleSize(0) <= 8 && image
			.getColorModel() instanceof java.awt.image.ComponentColorModel)
		{
			final byte[] grey = new byte[w * h];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					grey[y * w + x] = (byte) raster.getSample(x, y, 0);
			return Frame.of(name, PixelType.GRAY8, w, h, grey);
		}
		final int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < rgb.length; i++)
			rgb[i] &= 0xffffff;
		return Frame.of(name, PixelType.RGB, w, h, rgb);
	}

	private static boolean isCompact(final Raster raster, final int w, final int bands) {
		return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0 &&
			raster.getDataBuffer().getNumBanks() == 1 && raster.getDataBuffer().getSize() == w *
				raster.getHeight() * bands;
	}

	/** Last resort: ImageJ 1's Opener (PGM, FITS, DICOM, ...). */
	private static Frame readWithImageJ(final Path file) throws IOException {
		final PnmHeader pnm = PnmHeader.read(file);
		if (pnm != null) checkSize(file, pnm.width, pnm.height, pnm.bytesPerPixel());
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final ImagePlus imp = QuietStreams.call(() -> opener.openImage(file.toString()));
		if (imp == null) throw new HotPixelsException(file +
			": not an image in any format Java or ImageJ can read (a damaged or misnamed file?).");
		return ImagePlusFrameSource.frameOf(imp, file.getFileName().toString(), 1, 1);
	}
}
