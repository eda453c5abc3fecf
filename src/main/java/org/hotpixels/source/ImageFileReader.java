package org.hotpixels.source;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
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
import java.util.function.IntConsumer;

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

import org.hotpixels.progress.HotPixelsException;

/**
 * Decodes one image file into a {@link Frame}, to the values the file holds or not at all:
 * <ul>
 * <li>TIFF (8/16/32-bit, RGB, 48-bit RGB, multi-page, compressed) with ImageJ's own TIFF decoder;
 * signed 8-bit and 16-bit samples are offset into the unsigned range (+128, +32768: ImageJ's
 * convention), unsigned 32-bit integers become 32-bit float (refused beyond 2^24, where float is
 * no longer exact). BigTIFF, tiled and JPEG-compressed TIFF with TwelveMonkeys' TIFF reader.</li>
 * <li>JPEG (8-bit grey or colour; 12-bit, lossless, CMYK and YCCK JPEG are refused), PNG, BMP,
 * GIF (every frame of an animation) with {@code javax.imageio}, from the stored samples: no
 * colour management, alpha dropped, 16-bit PNG kept at 16 bits.</li>
 * <li>FITS with {@link FitsImage} (every plane of a cube is a frame).</li>
 * <li>anything else ImageJ 1 opens (PGM, DICOM, ...) through {@link Opener}; a file that holds
 * more than one image there is refused.</li>
 * </ul>
 * Sizes are checked in the header before pixels are allocated, and a truncated file is an error
 * rather than a half-grey frame.
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
	private static final ThreadLocal<BufferedImage> RGB_DESTINATION = new ThreadLocal<>();

	private ImageFileReader() {}

	/**
	 * Number of frames in the file: pages of a TIFF, planes of a FITS cube, frames of an animated
	 * GIF, 1 for other formats.
	 */
	public static int pageCount(final Path file) {
		checkReadable(file);
		if (isFits(file)) return fits(file).frames();
		if (isGif(file)) return AnimatedImages.gifFrames(file);
		if (!isTiff(file)) return 1;
		final TiffProbe probe = TiffProbe.read(file);
		if (!probe.imageJCanRead()) return probe.pages.size();
		final FileInfo[] info = tiffInfo(file);
		return info.length == 1 ? Math.max(1, info[0].nImages) : info.length;
	}

	/** Decodes page {@code page} (0-based) of {@code file}. */
	public static Frame read(final Path file, final int page) {
		return read(file, page, orientation -> {});
	}

	/**
	 * {@link #read(Path, int)}, first handing a JPEG's EXIF orientation (from the header that is
	 * read anyway) to {@code orientationCheck}, which may refuse the file by throwing.
	 */
	static Frame read(final Path file, final int page, final IntConsumer orientationCheck) {
		checkReadable(file);
		try {
			if (isTiff(file)) return readTiff(file, page);
			if (isFits(file)) return readFits(file, page);
			final JpegHeader jpeg = JpegHeader.read(file);
			if (jpeg != null) {
				orientationCheck.accept(jpeg.orientation);
				jpeg.checkDecodable(file);
			}
			else AnimatedImages.checkNotAnimatedPng(file);
			final Frame f = readWithImageIO(file, page);
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

	private static Frame readFits(final Path file, final int page) {
		return fits(file).read(page);
	}

	private static FitsImage fits(final Path file) {
		try {
			return FitsImage.open(file);
		}
		catch (final LinkageError e) { // a Fiji without nom-tam-fits
			throw new HotPixelsException(file + ": reading FITS needs the nom-tam-fits library; " +
				"install it, or use the drop-in jar.", e);
		}
	}

	/**
	 * The EXIF orientation of a JPEG file (1..8), 1 for other files and JPEGs without one. Frames
	 * are always read as stored, never turned by this tag.
	 */
	public static int orientation(final Path file) {
		try {
			final JpegHeader jpeg = JpegHeader.read(file);
			return jpeg == null ? 1 : jpeg.orientation;
		}
		catch (final IOException e) {
			return 1;
		}
	}

	private static String reason(final Throwable e) {
		final String m = e.getMessage();
		return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
	}

	private static void checkReadable(final Path file) {
		if (!Files.exists(file)) throw new HotPixelsException(file + ": no such file.");
		if (Files.isDirectory(file)) throw new HotPixelsException(file +
			": is a folder, not an image.");
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

	/**
	 * True if the file name ends with .fits, .fit or .fts (any case). Here rather than in
	 * {@link FitsImage}, so that other files never load the FITS library's classes.
	 */
	static boolean isFits(final Path file) {
		final String e = InputFiles.extension(file);
		return e.equals("fits") || e.equals("fit") || e.equals("fts");
	}

	static boolean isGif(final Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
	}

	/** True if the file may hold several frames (TIFF, FITS, GIF). */
	static boolean mayHavePages(final Path file) {
		return isTiff(file) || isGif(file) || isFits(file);
	}

	private static FileInfo[] tiffInfo(final Path file) {
		TiffChain.check(file);
		final FileInfo[] info;
		try {
			final File f = file.toAbsolutePath().toFile(); // a bare name has no parent
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

	static void checkSize(final Path file, final long width, final long height,
		final int bytesPerPixel)
	{
		if (width <= 0 || height <= 0) throw new HotPixelsException(file + ": claims an image of " +
			width + "x" + height + " pixels.");
		if (width * height > MAX_PIXELS) throw new HotPixelsException(file + ": claims " + width + "x" +
			height + " pixels, more than one image plane can hold; refusing to decode it.");
		final long bytes = width * height * bytesPerPixel;
		final long max = Runtime.getRuntime().maxMemory();
		if (bytes > max / MEMORY_SHARE) throw new HotPixelsException(file + ": claims " + width + "x" +
			height + " pixels (" + (bytes >> 20) + " MB decoded), too large for this Java's " +
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
		final TiffProbe probe = TiffProbe.read(file);
		if (!probe.imageJCanRead()) return readTiffWithImageIO(file, page, probe);
		final FileInfo[] info = tiffInfo(file);
		final FileInfo fi = (FileInfo) info[0].clone();
		final int pages = info.length == 1 ? Math.max(1, fi.nImages) : info.length;
		if (page >= pages) throw new IllegalArgumentException("page " + page + " of " + pages);
		final TiffProbe.Page tags = probe.pages.get(Math.min(info.length == 1 ? 0 : page, probe.pages
			.size() - 1));
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
		// ImageJ reads 32-bit integers as signed unless told; TIFF's default is unsigned
		if (fi.fileType == FileInfo.GRAY32_INT && tags.bitsPerSample == 32 && !tags.isSigned())
			fi.fileType = FileInfo.GRAY32_UNSIGNED;
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
		if (pixels instanceof byte[] && tags.isSigned() && tags.bitsPerSample == 8) {
			final byte[] b = (byte[]) pixels; // signed 8-bit: -128..127 becomes 0..255
			for (int i = 0; i < b.length; i++)
				b[i] ^= (byte) 0x80;
		}
		if (fi.fileType == FileInfo.GRAY32_INT || fi.fileType == FileInfo.GRAY32_UNSIGNED)
			checkExactInFloat(file, (float[]) pixels);
		return toFrame(file, fi, pixels);
	}

	/** 2^24: integers up to this size are exact in 32-bit float. */
	private static final float FLOAT_EXACT = 16777216f;

	private static void checkExactInFloat(final Path file, final float[] values) {
		for (final float v : values)
			if (Math.abs(v) >= FLOAT_EXACT) throw new HotPixelsException(file +
				": holds 32-bit integers beyond 16,777,216, which 32-bit float cannot hold " +
				"exactly; convert it to 32-bit float first.");
	}

	/** BigTIFF, tiles, JPEG and other compressions: TwelveMonkeys' reader, asked directly. */
	private static Frame readTiffWithImageIO(final Path file, final int page, final TiffProbe probe)
		throws IOException
	{
		if (page >= probe.pages.size()) throw new IllegalArgumentException("page " + page + " of " +
			probe.pages.size());
		final TiffProbe.Page tags = probe.pages.get(page);
		checkSize(file, tags.width, tags.height, tags.bitsPerSample > 16 ? 4 : tags.samplesPerPixel > 1
			? 4 : tags.bitsPerSample > 8 ? 2 : 1);
		final ImageReader reader;
		try {
			reader = new com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi()
				.createReaderInstance();
		}
		catch (final LinkageError e) { // a Fiji without TwelveMonkeys' TIFF reader
			throw new HotPixelsException(file + ": is a " + (probe.bigTiff ? "BigTIFF" : "TIFF with " +
				"compression " + tags.compression + (tags.tiled ? " in tiles" : "")) + ", which needs " +
				"TwelveMonkeys' TIFF reader (imageio-tiff); install it, or use the drop-in jar.", e);
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			reader.setInput(in, false, true);
			final BufferedImage image = decode(file, reader, page, reader.getDefaultReadParam());
			final Frame f = SampleFrames.of(file, image, tags.isSigned());
			if (f.type() == PixelType.GRAY32 && tags.sampleFormat != 3) for (int p = 0; p < f
				.planeCount(); p++)
				checkExactInFloat(file, (float[]) f.plane(p));
			return f;
		}
		catch (final javax.imageio.IIOException e) {
			throw new HotPixelsException(file + ": damaged or unsupported TIFF (" + reason(e) + ").", e);
		}
		finally {
			reader.dispose();
		}
	}

	/** Decodes image {@code index}; a decoder warning (truncated data) is an error. */
	private static BufferedImage decode(final Path file, final ImageReader reader, final int index,
		final ImageReadParam param) throws IOException
	{
		final StringBuilder warnings = new StringBuilder();
		final IIOReadWarningListener listener = (source, warning) -> warnings.append(warnings
			.length() > 0 ? "; " : "").append(warning);
		reader.addIIOReadWarningListener(listener);
		final BufferedImage image;
		try {
			image = reader.read(index, param);
		}
		catch (final java.io.EOFException e) {
			throw new HotPixelsException(file + ": damaged image (it ends early).", e);
		}
		if (warnings.length() > 0) throw new HotPixelsException(file + ": damaged image (" + warnings +
			").");
		return image;
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
		// signed 16-bit: ImageJ's reader has already added 32768 (its convention)
		if (pixels instanceof short[]) return Frame.of(name, PixelType.GRAY16, w, h, pixels);
		if (pixels instanceof float[]) return Frame.of(name, PixelType.GRAY32, w, h, pixels);
		if (pixels instanceof int[]) return Frame.of(name, PixelType.RGB, w, h, pixels);
		if (pixels instanceof Object[]) { // 48-bit RGB: three 16-bit planes
			final Object[] planes = (Object[]) pixels;
			return Frame.of(name, PixelType.GRAY16, w, h, planes);
		}
		throw new HotPixelsException(file + ": unsupported TIFF pixel type.");
	}

	/** Decodes with an ImageIO reader, or returns null if ImageIO has none for this file. */
	private static Frame readWithImageIO(final Path file, final int page) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) return null;
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return null;
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in, page == 0 && !isGif(file), !isGif(file));
				checkSize(file, reader.getWidth(page), reader.getHeight(page), bytesPerPixel(reader));
				if (isGif(file) && page > 0) AnimatedImages.checkWholeGifFrame(file, reader, page);
				final BufferedImage image = decode(file, reader, page, readParam(reader));
				return SampleFrames.of(file, image, false);
			}
			catch (final javax.imageio.IIOException e) {
				throw new HotPixelsException(file + ": damaged or unsupported image (" + reason(e) + ").",
					e);
			}
			finally {
				reader.dispose();
			}
		}
	}

	/**
	 * Read parameters that decode colour JPEGs into a reused per-thread image of interleaved bytes in R, G, B order: its pixels
	 * are copied into the frame anyway, a 10-megapixel photo saves 30 MB of garbage per frame, and
	 * the JPEG reader, which decodes each line in R, G, B order, then copies whole lines instead
	 * of byte by byte into the B, G, R order of the type it would allocate (a quarter less
	 * decoding time).
	 */
	private static ImageReadParam readParam(final ImageReader reader) throws IOException {
		final ImageReadParam param = reader.getDefaultReadParam();
		final Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
		if (types == null || !types.hasNext() || types.next()
			.getBufferedImageType() != BufferedImage.TYPE_3BYTE_BGR || !isJpegReader(reader))
			return param;
		final int w = reader.getWidth(0), h = reader.getHeight(0);
		BufferedImage image = RGB_DESTINATION.get();
		if (image == null || image.getWidth() != w || image.getHeight() != h) {
			image = null;
			RGB_DESTINATION.remove(); // let the old one go before allocating
			image = interleavedRgb(w, h);
			RGB_DESTINATION.set(image);
		}
		param.setDestination(image);
		return param;
	}

	/**
	 * True for a JPEG reader, which converts into any sRGB destination line by line (other
	 * readers, BMP's for one, write their own byte order into a destination's buffer).
	 */
	private static boolean isJpegReader(final ImageReader reader) {
		final javax.imageio.spi.ImageReaderSpi spi = reader.getOriginatingProvider();
		if (spi == null) return false;
		for (final String name : spi.getFormatNames())
			if (name.equalsIgnoreCase("jpeg")) return true;
		return false;
	}

	/** An sRGB image of interleaved bytes in R, G, B order (Java's own 3-byte type is B, G, R). */
	static BufferedImage interleavedRgb(final int w, final int h) {
		final ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false,
			false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
		return new BufferedImage(cm, Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 3 * w,
			3, new int[]{ 0, 1, 2 }, null), false, null);
	}

	private static HotPixelsException notAnImage(final Path file) {
		return new HotPixelsException(file +
			": not an image in any format Java or ImageJ can read (a damaged or misnamed file?).");
	}

	/**
	 * Last resort: ImageJ 1's Opener, only for the formats it alone reads here (PGM, DICOM,
	 * recognised by their content); several images in one file are refused. For anything else
	 * the Opener ends in {@code IJ.error}, a modal dialog (or, in a macro, an aborted macro) that
	 * no option silences; such files get our one sentence instead, which skip_bad_frames can
	 * skip.
	 */
	private static Frame readWithImageJ(final Path file) throws IOException {
		final PnmHeader pnm = PnmHeader.read(file);
		if (pnm != null) {
			checkSize(file, pnm.width, pnm.height, pnm.bytesPerPixel());
			final long needed = pnm.dataBytes() < 0 ? -1 : pnm.dataOffset + pnm.dataBytes();
			final long length = Files.size(file);
			if (needed > length) throw new HotPixelsException(file + ": image is truncated (" + length +
				" bytes, its header needs " + needed + ").");
		}
		final DicomHeader dicom = DicomHeader.read(file);
		if (dicom != null) dicom.check(file);
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final int type = opener.getFileType(file.toString());
		// ImageJ prints its own complaint about content it does not know: ask before opening
		if (type != Opener.PGM && type != Opener.FITS && type != Opener.DICOM || type == Opener.DICOM &&
			dicom == null) throw notAnImage(file);
		final ImagePlus imp = QuietStreams.call(() -> opener.openImage(file.toString()));
		if (imp == null) throw notAnImage(file);
		if (imp.getStackSize() > 1) throw new HotPixelsException(file + ": holds " + imp
			.getStackSize() + " images (e.g. a multi-frame DICOM), but only TIFF, FITS and GIF " +
			"files are read image by image; save it as a multi-page TIFF first.");
		final FileInfo fi = imp.getOriginalFileInfo();
		if (fi != null && fi.compression <= FileInfo.COMPRESSION_NONE && fi.getOffset() > 0 &&
			fi.fileType != FileInfo.RGB48_PLANAR)
		{
			final long needed = fi.getOffset() + (long) fi.width * fi.height * fi.getBytesPerPixel();
			final long length = Files.size(file);
			if (needed > length) throw new HotPixelsException(file + ": image is truncated (" + length +
				" bytes, its header needs " + needed + ").");
		}
		if (dicom != null) dicom.offsetSigned(imp);
		return ImagePlusFrameSource.frameOf(imp, file.getFileName().toString(), 1, 1);
	}
}
