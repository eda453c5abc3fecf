package org.hotpixels.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

import org.hotpixels.ExternalProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coefficient codec: a file taken apart and put together is the same file. */
public class JpegStreamTest {

	/** A textured test picture, written by ImageIO (4:2:0 for colour, as cameras do). */
	static byte[] jpeg(final int w, final int h, final int type, final boolean progressive,
		final long seed) throws IOException
	{
		final BufferedImage img = new BufferedImage(w, h, type);
		final Random r = new Random(seed);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.setRGB(x, y, (40 + x / 3 + r.nextInt(30)) << 16 | (70 + y / 3 + r.nextInt(30)) << 8 |
					(100 + (x + y) / 6 + r.nextInt(30)));
		return encode(img, progressive);
	}

	/** {@code img} written by ImageIO at quality 90 (4:2:0 for colour), baseline or progressive. */
	public static byte[] encode(final BufferedImage img, final boolean progressive)
		throws IOException
	{
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		final ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.9f);
		if (progressive) param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(img, null, null), param);
		}
		writer.dispose();
		return bytes.toByteArray();
	}

	@Test
	void colourAndGreyComeBackByteForByte() throws IOException {
		for (final int type : new int[]{ BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY }) {
			final byte[] file = jpeg(203, 151, type, false, type);
			final JpegStream s = JpegStream.parse(file);
			assertEquals(203, s.width);
			assertEquals(type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3, s.components.length);
			assertArrayEquals(file, s.write());
		}
	}

	@Test
	void newTablesWhenASymbolIsMissing() throws IOException {
		// optimised tables hold only the symbols used: a flat picture has no large coefficient
		final BufferedImage flat = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		final JPEGImageWriteParam param = new JPEGImageWriteParam(null);
		param.setOptimizeHuffmanTables(true);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(flat, null, null), param);
		}
		final JpegStream s = JpegStream.parse(bytes.toByteArray());
		s.components[0].coef[64 + 5] = -700; // block 1: an AC value of category 10
		final byte[] out = s.write();
		assertEquals(64, ImageIO.read(new ByteArrayInputStream(out)).getWidth());
		assertArrayEquals(s.components[0].coef, JpegStream.parse(out).components[0].coef);
	}

	/** libjpeg's cjpeg with restart markers every 2 MCUs and optimised tables, 4:2:0 and 4:2:2. */
	@Test
	void cjpegFilesWithRestartMarkersComeBackByteForByte(@TempDir final Path dir) throws Exception {
		final Path cjpeg = ExternalProgram.require("cjpeg", "libjpeg-turbo-progs");
		final int w = 77, h = 45;
		final ByteArrayOutputStream ppm = new ByteArrayOutputStream();
		ppm.write(("P6\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
		final Random r = new Random(4);
		for (int i = 0; i < w * h * 3; i++)
			ppm.write(60 + (i % (3 * w)) / 4 + r.nextInt(50));
		Files.write(dir.resolve("in.ppm"), ppm.toByteArray());
		for (final String sampling : new String[]{ "2x2,1x1,1x1", "2x1,1x1,1x1" }) {
			final Path out = dir.resolve("out.jpg");
			ExternalProgram.run(dir, 60, cjpeg.toString(), "-quality", "85", "-restart", "2B",
				"-optimize", "-sample", sampling, "-outfile", out.toString(), dir.resolve("in.ppm")
					.toString());
			final byte[] file = Files.readAllBytes(out);
			final JpegStream s = JpegStream.parse(file);
			assertTrue(s.restartInterval > 0, "restart interval");
			assertArrayEquals(file, s.write(), sampling);
		}
	}

	@Test
	void progressiveIsRefused() throws IOException {
		final byte[] file = jpeg(64, 48, BufferedImage.TYPE_INT_RGB, true, 2);
		assertTrue(assertThrows(JpegException.class, () -> JpegStream.parse(file)).getMessage()
			.contains("progressive"));
	}
}
