package org.hotpixels.source;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.nio.file.Path;

import org.hotpixels.progress.HotPixelsException;

/**
 * Frames from decoded {@link BufferedImage}s, made of the samples the image holds: no colour
 * conversion (which would shift the values of grey+alpha PNG, or of any image with an ICC
 * profile), no reduction of 16-bit samples to 8 bits.
 *
 * <pre>{@code
 * Frame f = SampleFrames.of(file, ImageIO.read(file.toFile()), false);
 * }</pre>
 */
final class SampleFrames {

	private SampleFrames() {}

	/**
	 * Converts a decoded BufferedImage to a frame of the samples it holds, without colour
	 * management: grey stays grey, alpha is dropped, 16-bit stays 16-bit (three 16-bit planes for
	 * colour), float stays float; palette images become RGB. Other colour spaces (CMYK, ...) are
	 * refused. {@code signed}: 8-bit or 16-bit samples are signed, offset by +128 or +32768.
	 */
	static Frame of(final Path file, final BufferedImage image, final boolean signed) {
		final String name = file.getFileName().toString();
		final int w = image.getWidth(), h = image.getHeight();
		final Raster raster = image.getRaster();
		final ColorModel cm = image.getColorModel();
		if (!signed) switch (image.getType()) {
			case BufferedImage.TYPE_BYTE_GRAY :
				if (raster.getDataBuffer() instanceof DataBufferByte && isCompact(raster, w, 1))
					return Frame.of(name, PixelType.GRAY8, w, h, ((DataBufferByte) raster.getDataBuffer())
						.getData());
				break;
			case BufferedImage.TYPE_USHORT_GRAY :
				if (raster.getDataBuffer() instanceof DataBufferUShort && isCompact(raster, w, 1))
					return Frame.of(name, PixelType.GRAY16, w, h, ((DataBufferUShort) raster.getDataBuffer())
						.getData());
				break;
			case BufferedImage.TYPE_3BYTE_BGR :
			case BufferedImage.TYPE_CUSTOM :
				final int[] order = byteTriples(raster, cm, w);
				if (order != null) {
					final byte[] bytes = ((DataBufferByte) raster.getDataBuffer()).getData();
					final int[] rgb = PlaneBuffers.ints(w * h); // every element is set below
					if (order[0] == 0 && order[1] == 1 && order[2] == 2) packRgb(bytes, rgb);
					else pack(bytes, order[0], order[1], order[2], rgb);
					return Frame.of(name, PixelType.RGB, w, h, rgb);
				}
				break;
			case BufferedImage.TYPE_INT_RGB :
			case BufferedImage.TYPE_INT_ARGB :
				return rgbOf(name, image);
			default :
		}
		if (cm instanceof IndexColorModel || !(cm instanceof ComponentColorModel)) {
			if (cm.getNumColorComponents() == 1 && !(cm instanceof IndexColorModel) || cm
				.getPixelSize() > 32) throw new HotPixelsException(file + ": unsupported pixel " +
					"layout (" + cm.getClass().getSimpleName() + ").");
			return rgbOf(name, image); // palette or packed: the colours as stored, no conversion
		}
		final int colours = cm.getNumColorComponents();
		final int space = cm.getColorSpace().getType();
		if (colours == 4 || space == ColorSpace.TYPE_CMYK) throw new HotPixelsException(file +
			": is a CMYK image (print colours), whose values cannot be compared with a camera's " +
			"RGB without colour management; convert it to RGB first.");
		if (colours != 1 && colours != 3) throw new HotPixelsException(file + ": has " + colours +
			" colour channels; only grey and RGB images are read.");
		final int dataType = raster.getDataBuffer().getDataType();
		final int bits = raster.getSampleModel().getSampleSize(0);
		final PixelType type;
		if (dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE ||
			dataType == DataBuffer.TYPE_INT) type = PixelType.GRAY32;
		else if (bits <= 8) type = colours == 3 ? PixelType.RGB : PixelType.GRAY8;
		else if (bits <= 16) type = PixelType.GRAY16;
		else throw new HotPixelsException(file + ": has " + bits + "-bit samples, which are not " +
			"read.");
		final int offset = signed || dataType == DataBuffer.TYPE_SHORT ? bits <= 8 ? 128 : 32768 : 0;
		if (type == PixelType.RGB) {
			final int[] rgb = new int[w * h];
			final int[] row = new int[w];
			for (int c = 0; c < 3; c++)
				for (int y = 0; y < h; y++) {
					raster.getSamples(0, y, w, 1, c, row);
					for (int x = 0; x < w; x++)
						rgb[y * w + x] |= ((row[x] + offset) & 0xff) << 8 * (2 - c);
				}
			return Frame.of(name, PixelType.RGB, w, h, rgb);
		}
		final Object[] planes = new Object[colours];
		final int[] row = new int[w];
		final float[] frow = new float[w];
		for (int c = 0; c < colours; c++) {
			planes[c] = Frame.newPlane(type, w * h);
			for (int y = 0; y < h; y++) {
				if (type == PixelType.GRAY32) {
					raster.getSamples(0, y, w, 1, c, frow);
					System.arraycopy(frow, 0, planes[c], y * w, w);
					continue;
				}
				raster.getSamples(0, y, w, 1, c, row);
				for (int x = 0; x < w; x++)
					if (type == PixelType.GRAY8) ((byte[]) planes[c])[y * w + x] = (byte) (row[x] + offset);
					else((short[]) planes[c])[y * w + x] = (short) (row[x] + offset);
			}
		}
		return Frame.of(name, type, w, h, planes);
	}

	/**
	 * Packs R, G, B-ordered byte triples (the order the JPEG reader decodes into) into 0xRRGGBB
	 * with fixed offsets, which the JIT compiles better than {@link #pack}'s variable ones: 1.04
	 * against 1.22 ns per pixel warm, and decoding the benchmark's 60 10-megapixel JPEGs took
	 * 4.4-5.2 s of CPU instead of 5.0-5.6 s (five runs each).
	 */
	private static void packRgb(final byte[] bytes, final int[] rgb) {
		for (int i = 0, j = 0; i < rgb.length; i++, j += 3)
			rgb[i] = (bytes[j] & 0xff) << 16 | (bytes[j + 1] & 0xff) << 8 | bytes[j + 2] & 0xff;
	}

	/** Packs byte triples whose red, green and blue are at offsets r, g and b into 0xRRGGBB. */
	private static void pack(final byte[] bytes, final int r, final int g, final int b,
		final int[] rgb)
	{
		for (int i = 0, j = 0; i < rgb.length; i++, j += 3)
			rgb[i] = (bytes[j + r] & 0xff) << 16 | (bytes[j + g] & 0xff) << 8 | bytes[j + b] & 0xff;
	}

	/** Packed RGB as stored (alpha dropped): palette entries and packed pixels, unconverted. */
	private static Frame rgbOf(final String name, final BufferedImage image) {
		final int w = image.getWidth(), h = image.getHeight();
		final ColorModel cm = image.getColorModel();
		final Raster raster = image.getRaster();
		final int[] rgb = new int[w * h];
		final Object pixel = raster.getDataElements(0, 0, null);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				raster.getDataElements(x, y, pixel);
				rgb[y * w + x] = cm.getRed(pixel) << 16 | cm.getGreen(pixel) << 8 | cm.getBlue(pixel);
			}
		return Frame.of(name, PixelType.RGB, w, h, rgb);
	}

	/**
	 * The byte offsets of red, green and blue within each pixel where the image is a compact
	 * array of interleaved 8-bit R, G, B triples in some order (Java's 3-byte BGR, or the R, G, B
	 * order the JPEG reader decodes into fastest), else null.
	 */
	private static int[] byteTriples(final Raster raster, final ColorModel cm, final int w) {
		if (!(cm instanceof ComponentColorModel) || cm.hasAlpha() || cm.getNumComponents() != 3 || cm
			.getColorSpace().getType() != ColorSpace.TYPE_RGB || !(raster
				.getSampleModel() instanceof PixelInterleavedSampleModel) || !(raster
					.getDataBuffer() instanceof DataBufferByte) || !isCompact(raster, w, 3)) return null;
		final PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
		if (sm.getPixelStride() != 3 || sm.getScanlineStride() != 3 * w) return null;
		for (int b = 0; b < 3; b++)
			if (sm.getSampleSize(b) != 8) return null;
		return sm.getBandOffsets();
	}

	private static boolean isCompact(final Raster raster, final int w, final int bands) {
		return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0 &&
			raster.getDataBuffer().getNumBanks() == 1 && raster.getDataBuffer().getSize() == w * raster
				.getHeight() * bands;
	}
}
