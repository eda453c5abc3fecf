package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the ImageJ window open, clicking a row of the "Hot Pixels" or "Lowest Variance" table
 * puts a point selection on that pixel of the variance map, on the slice of its channel.
 */
class TableClickIT {

	private static final int HOT_X = 33, HOT_Y = 44;

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsXvfb() {
		ImageJRun.assumeXvfb();
	}

	@Test
	void aClickedRowSelectsItsPixelOnItsChannel() throws Exception {
		final Path stack = writeRgbStackWithHotBluePixel(tmp.resolve("rgb.tif"));
		final String probe = "org.hotpixels.macro.GuiProbe";
		final Path macro = tmp.resolve("click.ijm");
		Files.write(macro, String.join("\n", "open('" + stack + "');",
			"run('Find Hot Pixels', 'top_n=3 sigma=5');", "call('" + probe +
				".println', 'rows ' + Table.size('Hot Pixels'));", "call('" + probe +
					".println', 'row 0: channel ' + Table.getString('channel', 0, 'Hot Pixels') + ' kind ' + Table.getString('kind', 0, 'Hot Pixels'));",
			"call('" + probe + ".click', 'Hot Pixels', '0');", "call('" + probe +
				".println', 'defect -> ' + call('" + probe + ".selection', 'Variance of'));", "call('" +
					probe + ".println', 'mean map -> ' + call('" + probe + ".selection', 'Mean of'));",
			"call('" + probe + ".println', 'zoom -> ' + call('" + probe + ".zoom', 'Variance of'));",
			"call('" + probe + ".println', 'map at ' + call('" + probe + ".bounds', getTitle()));",
			"call('" + probe + ".println', 'table at ' + call('" + probe + ".bounds', 'Hot Pixels'));",
			"x = Table.get('x', 1, 'Lowest Variance'); y = Table.get('y', 1, 'Lowest Variance');",
			"c = Table.get('channel', 1, 'Lowest Variance');", "call('" + probe +
				".click', 'Lowest Variance', '1');", "call('" + probe +
					".println', 'lowest ' + x + ' ' + y + ' ' + (c + 1) + ' -> ' + call('" + probe +
					".selection', 'Variance of'));", "call('" + probe + ".exit');").replace('\'', '"')
			.getBytes(StandardCharsets.UTF_8));
		final ImageJRun.Result r = new ImageJRun(tmp.resolve("ij"), ImageJRun.mavenImageJ()).withWindow(
			macro, "");
		assertTrue(r.out.contains("rows 1"), r::toString);
		assertTrue(r.out.contains("row 0: channel 2 kind hot"), r::toString);
		assertTrue(r.out.contains("defect -> Variance of rgb.tif (8 frames) slice 3 point " + HOT_X +
			" " + HOT_Y), r::toString);
		assertTrue(r.out.contains("mean map -> Mean of rgb.tif (8 frames) slice 3 point " + HOT_X +
			" " + HOT_Y), r::toString);
		// zoomed to 8x around the pixel
		final java.util.regex.Matcher zoom = java.util.regex.Pattern.compile(
			"zoom -> mag (\\d+) rect (\\d+) (\\d+) (\\d+) (\\d+)").matcher(r.out);
		assertTrue(zoom.find(), r::toString);
		final int[] z = new int[5];
		for (int i = 0; i < 5; i++)
			z[i] = Integer.parseInt(zoom.group(i + 1));
		assertTrue(z[0] >= 8 && z[1] <= HOT_X && HOT_X < z[1] + z[3] && z[2] <= HOT_Y && HOT_Y < z[2] +
			z[4], zoom.group());
		// the table sits beside the map (right, left, or below when the screen has no room), not over it
		final java.util.regex.Matcher map = java.util.regex.Pattern.compile(
			"map at (\\d+) (\\d+) (\\d+) (\\d+)").matcher(r.out);
		final java.util.regex.Matcher table = java.util.regex.Pattern.compile(
			"table at (\\d+) (\\d+) (\\d+) (\\d+)").matcher(r.out);
		assertTrue(map.find() && table.find(), r::toString);
		final int mapLeft = Integer.parseInt(map.group(1)), mapRight = mapLeft + Integer.parseInt(map
			.group(3));
		final int tableLeft = Integer.parseInt(table.group(1)), tableRight = tableLeft + Integer
			.parseInt(table.group(3));
		final int mapBottom = Integer.parseInt(map.group(2)) + Integer.parseInt(map.group(4));
		assertTrue(tableLeft >= mapRight || tableRight <= mapLeft || Integer.parseInt(table.group(
			2)) >= mapBottom, "table " + table.group() + ", " + map.group());
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile(
			"lowest (\\d+) (\\d+) (\\d+) -> Variance of rgb\\.tif \\(8 frames\\) slice (\\d+) point (\\d+) (\\d+)")
			.matcher(r.out);
		assertTrue(m.find(), r::toString);
		assertTrue(m.group(1).equals(m.group(5)) && m.group(2).equals(m.group(6)) && m.group(3).equals(m
			.group(4)), "the second lowest-variance row: " + m.group());
	}

	/** 8 RGB frames of independent noise per channel; one pixel hot in blue only. */
	private static Path writeRgbStackWithHotBluePixel(final Path file) throws Exception {
		final PlantedSeries red = new PlantedSeries(11, null, null, null);
		final PlantedSeries green = new PlantedSeries(12, null, null, null);
		final PlantedSeries blue = new PlantedSeries(13, null, null, null);
		final ImageStack stack = new ImageStack(PlantedSeries.W, PlantedSeries.H);
		for (int f = 0; f < 8; f++) {
			final ByteProcessor b = blue.frame(f);
			b.set(HOT_X, HOT_Y, Math.min(255, b.get(HOT_X, HOT_Y) + 80));
			final ColorProcessor rgb = new ColorProcessor(PlantedSeries.W, PlantedSeries.H);
			rgb.setRGB((byte[]) red.frame(f).getPixels(), (byte[]) green.frame(f).getPixels(), (byte[]) b
				.getPixels());
			stack.addSlice("frame " + f, rgb);
		}
		if (!new FileSaver(new ImagePlus("rgb", stack)).saveAsTiffStack(file.toString()))
			throw new IllegalStateException("cannot write " + file);
		return file;
	}
}
