package org.hotpixels.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.hotpixels.progress.HotPixelsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.Opener;

/** Lossless files read back by other readers hold exactly the generated pixels. */
class SeriesWriterTest {

	@TempDir
	Path folder;

	@Test
	void pngFramesReadBackExactly() throws IOException {
		final SyntheticSeries series = SyntheticSeries.builder().size(80, 60).frames(3).seed(9).build();
		final AtomicInteger reports = new AtomicInteger();
		final List<Path> files = series.writeTo(folder, OutputFormat.PNG, 90, (done, total,
			message) -> reports.incrementAndGet());
		assertEquals(3, reports.get());
		assertEquals(folder.resolve("frame_0002.png"), files.get(2));
		for (int i = 0; i < 3; i++) {
			final BufferedImage image = ImageIO.read(files.get(i).toFile());
			final int[] rgb = image.getRGB(0, 0, 80, 60, null, 0, 80);
			assertArrayEquals(rgbOnly((int[]) series.frame(i).plane(0)), rgbOnly(rgb));
		}
	}

	@Test
	void tiffFramesReadBackExactlyWithImageJ() {
		final SyntheticSeries photo = SyntheticSeries.builder().size(80, 60).frames(2).build();
		photo.writeTo(folder.resolve("rgb"), OutputFormat.TIFF);
		final ImagePlus rgb = new Opener().openImage(folder.resolve("rgb/frame_0001.tif").toString());
		assertArrayEquals(rgbOnly((int[]) photo.frame(1).plane(0)), rgbOnly((int[]) rgb.getProcessor()
			.getPixels()));

		final DarkFrameSeries darks = DarkFrameSeries.builder().size(64, 48).frames(2).build();
		darks.writeTo(folder.resolve("dark"), OutputFormat.TIFF);
		final ImagePlus dark = new Opener().openImage(folder.resolve("dark/frame_0000.tif").toString());
		assertEquals(16, dark.getBitDepth());
		assertArrayEquals((short[]) darks.frame(0).plane(0), (short[]) dark.getProcessor().getPixels());
	}

	@Test
	void sixteenBitPngKeepsDarkFrameValues() throws IOException {
		final DarkFrameSeries darks = DarkFrameSeries.builder().size(64, 48).frames(1).build();
		final Path file = darks.writeTo(folder, OutputFormat.PNG).get(0);
		final BufferedImage image = ImageIO.read(file.toFile());
		final short[] expected = (short[]) darks.frame(0).plane(0);
		for (int y = 0; y < 48; y++)
			for (int x = 0; x < 64; x++)
				assertEquals(expected[y * 64 + x] & 0xffff, image.getRaster().getSample(x, y, 0));
	}

	@Test
	void formatThatCannotHoldTheTypeIsRefused() {
		final DarkFrameSeries darks = DarkFrameSeries.builder().size(64, 48).frames(1).build();
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> darks.writeTo(folder,
			OutputFormat.JPEG));
		assertTrue(e.getMessage().contains("16-bit"), e.getMessage());
		assertEquals(OutputFormat.TIFF, OutputFormat.parse("TIFF"));
		assertThrows(HotPixelsException.class, () -> OutputFormat.parse("gif"));
	}

	@Test
	void plantedDefectsAreWrittenAsCsv() throws IOException {
		final SyntheticSeries series = SyntheticSeries.builder().size(96, 64).build();
		final Path csv = folder.resolve("planted.csv");
		series.writePlanted(csv);
		final List<String> lines = Files.readAllLines(csv);
		assertEquals("x,y,channel,kind,x_min,y_min,x_max,y_max,label,value", lines.get(0));
		assertEquals(series.planted().size() + 1, lines.size());
		final PlantedDefect first = series.planted().get(0);
		assertTrue(lines.get(1).startsWith(first.x() + "," + first.y() + ",all,stuck,"), lines.get(1));
	}

	private static int[] rgbOnly(final int[] argb) {
		final int[] rgb = new int[argb.length];
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = argb[i] & 0xffffff;
		return rgb;
	}
}
