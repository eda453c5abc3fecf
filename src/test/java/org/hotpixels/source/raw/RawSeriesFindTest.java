package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hotpixels.cli.HotPixelsCli;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of RAW dark frames (test DNGs decoded by dcraw): find reports the planted defects in
 * sensor coordinates with their CFA colour, and the exported dcraw -P list makes dcraw's own
 * output free of them.
 */
class RawSeriesFindTest {

	static final int W = 96, H = 64;
	/** Planted: x, y, kind. (30, 20) is an R site of RGGB, (51, 33) a B site, (70, 41) G. */
	static final int[][] PLANTED = { { 30, 20 }, { 51, 33 }, { 70, 41 } };

	static short[] darkFrame(final int f) {
		final Random r = new Random(100 + f);
		final short[] m = new short[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int colour = CfaPattern.planeOf(x, y); // each site its own level, as a real sensor
				double v = 600 + 40 * colour + r.nextGaussian() * 8;
				if (x == 30 && y == 20) v += 900; // hot
				if (x == 51 && y == 33) v = 600 + r.nextGaussian() * 2; // dead: bias only
				if (x == 70 && y == 41) v = 3000; // stuck
				m[y * W + x] = (short) Math.round(v);
			}
		return m;
	}

	@Test
	void findsDefectsOnTheSensorAndDcrawRepairsThemWithTheList(@TempDir final Path tmp)
		throws Exception
	{
		final RawDecoder dcraw = RawTests.dcraw();
		final Path in = Files.createDirectories(tmp.resolve("raw"));
		for (int f = 0; f < 16; f++)
			new DngWriter(W, H, darkFrame(f)).cfa(CfaPattern.RGGB).write(in.resolve(String.format(
				"IMG_%04d.DNG", f)));
		final PrintStream out = System.out;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true));
		final int code;
		try {
			code = HotPixelsCli.run("find", in.toString(), "--output", tmp.resolve("out").toString());
		}
		finally {
			System.setOut(out);
		}
		assertEquals(0, code, captured.toString());
		final List<String> rows = Files.readAllLines(tmp.resolve("out/defects.csv"));
		assertTrue(rows.get(0).endsWith(",colour"), rows.get(0));
		final Map<String, String> found = new HashMap<>();
		for (final String row : rows.subList(1, rows.size())) {
			final String[] c = row.split(",");
			found.put(c[0] + "," + c[1], c[3] + " " + c[c.length - 1]);
		}
		assertEquals("hot R", found.get("30,20"), rows.toString());
		assertEquals("dead B", found.get("51,33"), rows.toString());
		assertEquals("stuck G", found.get("70,41"), rows.toString());
		assertEquals(3, found.size(), rows.toString());

		final Path list = tmp.resolve("out").resolve("dcraw-badpixels.txt");
		assertTrue(Files.exists(list));
		final Frame plain = dcraw.decode(in.resolve("IMG_0000.DNG"));
		final Frame repaired = ((DcrawDecoder) dcraw).decode(in.resolve("IMG_0000.DNG"), list);
		final short[] before = (short[]) plain.plane(0), after = (short[]) repaired.plane(0);
		for (final int[] p : PLANTED) {
			final int i = p[1] * W + p[0];
			final double sameColour = ((after[i - 2] & 0xffff) + (after[i + 2] & 0xffff) + (after[i - 2 *
				W] & 0xffff) + (after[i + 2 * W] & 0xffff)) / 4.0;
			assertTrue(Math.abs((after[i] & 0xffff) - sameColour) < 40, "dcraw -P left " + (after[i] &
				0xffff) + " at " + p[0] + "," + p[1] + " (same-colour neighbours " + sameColour + ")");
			assertTrue(Math.abs((before[i] & 0xffff) - sameColour) > 30 || p[0] == 51,
				"the planted value was there before the list");
		}
	}
}
