package org.hotpixels.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import ij.ImagePlus;
import ij.ImageStack;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.Frame;
import org.hotpixels.source.InputFiles;
import org.hotpixels.source.PixelType;

/**
 * Writes corrected images as files, in the format of their input or in one asked for, each
 * through {@link AtomicOutput} (a temporary name, then a rename):
 * <ul>
 * <li>TIFF with ImageJ's encoder ({@link TiffWriter}): any bit depth, stacks, calibration;</li>
 * <li>PNG with {@code javax.imageio}: lossless; 8-bit grey and RGB, and 16-bit grey or 16-bit
 * RGB (three 16-bit channels) when the input itself was such a PNG;</li>
 * <li>JPEG with {@code javax.imageio}: 8-bit grey or RGB re-encoded at quality
 * {@value #JPEG_QUALITY} with full-resolution chroma (4:4:4). Lossy: every pixel may change a
 * little.</li>
 * <li>FITS as a copy of the input FITS file with only the repaired pixels changed and a
 * HISTORY card added ({@link FitsWriter}).</li>
 * </ul>
 * Inputs in other formats (camera RAW, BMP, GIF, PGM, ...) are written as TIFF.
 *
 * <pre>{@code
 * FileType type = ImageFileWriter.fileType(input, Format.SAME);
 * Path target = folder.resolve(ImageFileWriter.targetName(input, Format.SAME));
 * ImageFileWriter.write(ImageFileWriter.toImagePlus("IMG_1.jpg", frames), target, type);
 * }</pre>
 */
public final class ImageFileWriter {

	/** JPEG quality of re-encoded JPEG files (0..1). */
	public static final float JPEG_QUALITY = 0.95f;

	private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

	/** The output format a user chooses: the input's own format, TIFF, or PNG. */
	public enum Format {

		SAME, TIF, PNG;

		/** Parses "same", "tif", "tiff" or "png" (any case). */
		public static Format parse(final String text) {
			final String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
			if (s.isEmpty() || s.equals("same")) return SAME;
			if (s.equals("tif") || s.equals("tiff")) return TIF;
			if (s.equals("png")) return PNG;
			throw new HotPixelsException("Output format '" + text + "' is not one of same, tif or png.");
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A file type that is actually written. */
	public enum FileType {

		TIFF("tif", "tiff"), PNG("png"), JPEG("jpg", "jpeg", "jpe"), FITS("fits", "fit", "fts");

		private final String[] extensions;

		FileType(final String... extensions) {
			this.extensions = extensions;
		}

		/** The extension of a file of this type that is given a new name. */
		public String extension() {
			return extensions[0];
		}

		/** True if this type changes pixels when it stores them. */
		public boolean isLossy() {
			return this == JPEG;
		}

		/** The type of a file by its extension, or null if we cannot write it. */
		static FileType ofExtension(final String extension) {
			for (final FileType t : values())
				for (final String e : t.extensions)
					if (e.equals(extension)) return t;
			return null;
		}
	}

	private ImageFileWriter() {}

	/** The type written for {@code input}: its own one under {@link Format#SAME} if writable. */
	public static FileType fileType(final Path input, final Format format) {
		if (format == Format.TIF) return FileType.TIFF;
		if (format == Format.PNG) return FileType.PNG;
		final FileType own = FileType.ofExtension(InputFiles.extension(input));
		return own == null ? FileType.TIFF : own;
	}

	/**
	 * The output file name of {@code input}: the same name when the type stays the same, else
	 * the base name with the new type's extension ({@code IMG_1.NEF} gives {@code IMG_1.tif}).
	 */
	public static String targetName(final Path input, final Format format) {
		final String name = input.getFileName().toString();
		final FileType type = fileType(input, format);
		if (FileType.ofExtension(InputFiles.extension(input)) == type) return name;
		final int dot = name.lastIndexOf('.');
		return (dot > 0 ? name.substring(0, dot) : name) + "." + type.extension();
	}

	/**
	 * Refuses images that {@code type} cannot hold exactly enough: several planes in PNG or
	 * JPEG; 16-bit or 32-bit in JPEG; 32-bit in PNG, and 16-bit PNG unless the input was one.
	 *
	 * @param inputWasSameType true if the input file already had this type
	 */
	public static void checkCanHold(final FileType type, final PixelType pixels, final int planes,
		final boolean inputWasSameType, final String name)
	{
		if (type == FileType.TIFF || type == FileType.FITS) return;
		final boolean rgb48 = type == FileType.PNG && pixels == PixelType.GRAY16 && planes == 3 &&
			inputWasSameType; // a 16-bit RGB PNG read as three 16-bit channels
		if (planes > 1 && !rgb48) throw new HotPixelsException(name + ": " + type +
			" holds one image, not " + planes + " pages or channels; choose format tif.");
		final boolean ok = pixels == PixelType.GRAY8 || pixels == PixelType.RGB ||
			type == FileType.PNG && pixels == PixelType.GRAY16 && inputWasSameType;
		if (!ok) throw new HotPixelsException(name + ": " + type + " cannot hold this " + pixels
			.label() + " image without converting it; choose format tif to keep it exact.");
	}

	/** Writes {@code image} to {@code target} as {@code type}, atomically. */
	public static void write(final ImagePlus image, final Path target, final FileType type)
		throws IOException
	{
		write(image, target, type, FileSink.ATOMIC);
	}

	/** Writes {@code image} to {@code target} as {@code type} through {@code sink}. */
	public static void write(final ImagePlus image, final Path target, final FileType type,
		final FileSink sink) throws IOException
	{
		switch (type) {
			case TIFF :
				sink.write(target, out -> TiffWriter.write(image, out));
				break;
			case PNG :
				sink.write(target, out -> {
					if (!ImageIO.write(bufferedImage(image), "png", out)) throw new IOException(
						"no PNG writer");
				});
				break;
			case FITS :
				throw new IllegalArgumentException("FITS keeps its input's header: use writeFits");
			default :
				sink.write(target, out -> writeJpeg(bufferedImage(image), out));
		}
	}

	/**
	 * Writes the corrected {@code frames} of the FITS file {@code input} (all of them, in order)
	 * to {@code target}, atomically: see {@link FitsWriter}.
	 */
	public static void writeFits(final Path input, final List<Frame> frames, final Path target)
		throws IOException
	{
		AtomicOutput.write(target, out -> FitsWriter.write(input, frames, out));
	}

	/** The planes of {@code frames}, in order, as one image or stack (no copy). */
	public static ImagePlus toImagePlus(final String title, final List<Frame> frames) {
		final Frame first = frames.get(0);
		final ImageStack stack = new ImageStack(first.width(), first.height());
		for (final Frame f : frames)
			for (int p = 0; p < f.planeCount(); p++)
				stack.addSlice(null, f.plane(p));
		return new ImagePlus(title, stack);
	}

	private static BufferedImage bufferedImage(final ImagePlus image) {
		final int w = image.getWidth(), h = image.getHeight();
		final int type;
		switch (image.getBitDepth()) {
			case 8 :
				type = BufferedImage.TYPE_BYTE_GRAY;
				break;
			case 16 :
				type = BufferedImage.TYPE_USHORT_GRAY;
				break;
			case 24 :
				type = BufferedImage.TYPE_INT_RGB;
				break;
			default :
				throw new IllegalArgumentException("No PNG or JPEG for 32-bit images");
		}
		if (image.getStackSize() == 3 && image.getBitDepth() == 16) {
			final java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
				java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
				java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
			final java.awt.image.WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
			final int[] row = new int[w];
			for (int c = 0; c < 3; c++) {
				final short[] plane = (short[]) image.getStack().getPixels(c + 1);
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++)
						row[x] = plane[y * w + x] & 0xffff;
					raster.setSamples(0, y, w, 1, c, row);
				}
			}
			return new BufferedImage(cm, raster, false, null);
		}
		final BufferedImage out = new BufferedImage(w, h, type);
		out.getRaster().setDataElements(0, 0, w, h, image.getStack().getPixels(1));
		return out;
	}

	/** Baseline JPEG at {@link #JPEG_QUALITY}; colour with every component sampled 1x1. */
	private static void writeJpeg(final BufferedImage image, final OutputStream out)
		throws IOException
	{
		final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		if (!writers.hasNext()) throw new IOException("no JPEG writer");
		final ImageWriter writer = writers.next();
		try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			final ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			final IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image),
				param);
			final IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
			final org.w3c.dom.NodeList components = root.getElementsByTagName("componentSpec");
			for (int i = 0; i < components.getLength(); i++) {
				final IIOMetadataNode c = (IIOMetadataNode) components.item(i);
				c.setAttribute("HsamplingFactor", "1");
				c.setAttribute("VsamplingFactor", "1");
			}
			metadata.setFromTree(JPEG_METADATA, root);
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, metadata), param);
		}
		finally {
			writer.dispose();
		}
	}
}
