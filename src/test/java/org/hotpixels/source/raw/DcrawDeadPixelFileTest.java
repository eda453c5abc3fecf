package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoded mosaic's coordinates are those of dcraw's {@code -P} dead pixel files: a defect
 * planted at (x, y) and listed as "x y 0" is the one pixel dcraw changes, and it becomes the
 * integer mean of the same-colour sites two pixels away (dcraw tells the two greens apart, so a
 * green site also takes the sites two pixels away, not its diagonal neighbours).
 */
class DcrawDeadPixelFileTest {

	private static final int W = 40, H = 30;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "({0}, {1}) orientation {2} margins {3}")
	@CsvSource({ "7, 5, 1, false", "8, 5, 1, false", "7, 6, 1, false", "8, 6, 1, false",
		"0, 0, 1, false", "39, 29, 1, false", "1, 28, 1, false", "12, 9, 6, false", "12, 9, 1, true",
		"6, 4, 6, true", "0, 0, 8, true" })
	void listedDefectIsTheOnePixelDcrawChanges(final int x, final int y, final int orientation,
		final boolean margins) throws IOException
	{
		final RawDecoder dcraw = RawTests.dcraw();
		final int top = margins ? 1 : 0, left = margins ? 3 : 0;
		final int w = margins ? W - 5 : W, h = margins ? H - 3 : H;
		final short[] sensor = RawTests.quietMosaic(W, H, 31 * x + y);
		sensor[(y + top) * W + x + left] = (short) 65000;
		final Path file = dir.resolve("defect.dng");
		final DngWriter dng = new DngWriter(W, H, sensor).cfa(CfaPattern.GRBG).orientation(orientation);
		if (margins) dng.activeArea(top, left, top + h, left + w);
		dng.write(file);
		final Path list = dir.resolve("defects.txt");
		Files.write(list, Collections.singletonList(x + " " + y + " 0"), StandardCharsets.US_ASCII);

		final Frame plain = dcraw.decode(file);
		final Frame fixed = dcraw.decode(file, list);

		final short[] before = (short[]) plain.plane(0);
		final short[] after = (short[]) fixed.plane(0);
		final List<String> changed = new ArrayList<>();
		for (int i = 0; i < before.length; i++)
			if (before[i] != after[i]) changed.add("(" + i % w + ", " + i / w + ")");
		assertEquals("[(" + x + ", " + y + ")]", changed.size() > 8 ? changed.size() + " pixels"
			: changed.toString());
		assertEquals(65000, before[y * w + x] & 0xffff);
		assertEquals(sameColourMean(sensor, left, top, w, h, x, y), after[y * w + x] & 0xffff);
	}

	/**
	 * Integer mean of the written sensor values at distance 2 in x and/or y from active-area
	 * pixel (x, y) (the same-colour ring of its 5x5 block), inside the active area.
	 */
	private static int sameColourMean(final short[] sensor, final int left, final int top,
		final int w, final int h, final int x, final int y)
	{
		long sum = 0;
		int n = 0;
		for (int dy = -2; dy <= 2; dy += 2)
			for (int dx = -2; dx <= 2; dx += 2) {
				final int xx = x + dx, yy = y + dy;
				if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
				sum += sensor[(yy + top) * W + xx + left] & 0xffff;
				n++;
			}
		return (int) (sum / n);
	}
}
