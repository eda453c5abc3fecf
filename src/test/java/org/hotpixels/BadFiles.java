package org.hotpixels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/**
 * Broken and hostile image files for the bad-input tests: truncated copies, random bytes,
 * frames of another type, and headers that claim enormous sizes (decompression bombs).
 */
public final class BadFiles {

	private BadFiles() {}

	/** Writes frames of {@link TestSeries} as grey JPEGs frame_000.jpg ... into {@code folder}. */
	public static void jpegSeries(final Path folder, final int frames) throws IOException {
		Files.createDirectories(folder);
		for (int f = 0; f < frames; f++) {
			final BufferedImage img = new BufferedImage(TestSeries.W, TestSeries.H,
				BufferedImage.TYPE_BYTE_GRAY);
			img.getRaster().setDataElements(0, 0, TestSeries.W, TestSeries.H, TestSeries.frame(f, 1));
			if (!ImageIO.write(img, "jpg", folder.resolve(String.format("frame_%03d.jpg", f)).toFile()))
				throw new IOException("no JPEG writer");
		}
	}

	/** Cuts {@code file} to {@code fraction} of its length. */
	public static void truncate(final Path file, final double fraction) throws IOException {
		final byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
	}

	/** {@code n} random bytes (fixed seed). */
	public static Path randomBytes(final Path file, final int n, final long seed) throws IOException {
		final byte[] bytes = new byte[n];
		new Random(seed).nextBytes(bytes);
		return Files.write(file, bytes);
	}

	/** A 16-bit TIFF of the test series' size. */
	public static void tiff16(final Path file) throws IOException {
		save(new ImagePlus("16", new ShortProcessor(TestSeries.W, TestSeries.H)), file);
	}

	/** An RGB TIFF of the test series' size. */
	public static void rgbTiff(final Path file) throws IOException {
		save(new ImagePlus("rgb", new ColorProcessor(TestSeries.W, TestSeries.H)), file);
	}

	/** A 32-bit TIFF. */
	public static void floatTiff(final Path file, final int width, final int height,
		final float[] pixels) throws IOException
	{
		save(new ImagePlus("f", new FloatProcessor(width, height, pixels)), file);
	}

	private static void save(final ImagePlus imp, final Path file) throws IOException {
		Files.createDirectories(file.getParent());
		if (!new FileSaver(imp).saveAsTiff(file.toString())) throw new IOException("cannot write " +
			file);
	}

	/**
	 * A small little-endian TIFF whose header claims a {@code width x height} 8-bit image, with
	 * one strip of 64 bytes ({@code compression} 1 = none, 5 = LZW).
	 */
	public static Path tiffClaiming(final Path file, final int width, final int height,
		final int compression) throws IOException
	{
		final int entries = 8, dataOffset = 8 + 2 + entries * 12 + 4;
		final ByteBuffer b = ByteBuffer.allocate(dataOffset + 64).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		b.putShort((short) entries);
		entry(b, 256, 4, width);
		entry(b, 257, 4, height);
		entry(b, 258, 3, 8);
		entry(b, 259, 3, compression);
		entry(b, 262, 3, 1);
		entry(b, 273, 4, dataOffset);
		entry(b, 278, 4, height);
		entry(b, 279, 4, 64);
		b.putInt(0);
		return Files.write(file, b.array());
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	/** A PNG with a valid signature and IHDR claiming {@code width x height} grey, then no data. */
	public static Path pngClaiming(final Path file, final int width, final int height)
		throws IOException
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[]{ (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
		final ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put(
			(byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[]{ 0x78, (byte) 0x9c, 0x03, 0x00 });
		chunk(out, "IEND", new byte[0]);
		return Files.write(file, out.toByteArray());
	}

	private static void chunk(final ByteArrayOutputStream out, final String type, final byte[] data) {
		final byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		final CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt(data.length).array(), 0, 4);
		out.write(name, 0, 4);
		out.write(data, 0, data.length);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
	}

	/** A real 16x16 JPEG whose frame header (SOF0) is patched to claim {@code width x height}. */
	public static Path jpegClaiming(final Path file, final int width, final int height)
		throws IOException
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), "jpg", out);
		final byte[] jpeg = out.toByteArray();
		for (int i = 2; i + 8 < jpeg.length; i++)
			if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
				jpeg[i + 5] = (byte) (height >> 8);
				jpeg[i + 6] = (byte) height;
				jpeg[i + 7] = (byte) (width >> 8);
				jpeg[i + 8] = (byte) width;
				return Files.write(file, jpeg);
			}
		throw new IOException("no SOF0 marker in the JPEG");
	}

	/** A binary PGM whose header claims {@code width x height}, followed by a few bytes. */
	public static Path pgmClaiming(final Path file, final int width, final int height)
		throws IOException
	{
		final byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(
			StandardCharsets.US_ASCII);
		return Files.write(file, Arrays.copyOf(header, header.length + 64));
	}
}
