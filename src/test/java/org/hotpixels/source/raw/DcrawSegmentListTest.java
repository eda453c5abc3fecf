package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ij.ImagePlus;
import ij.io.Opener;

import org.hotpixels.ExternalProgram;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.io.DcrawBadPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our dcraw list of a column segment and a row segment, applied by the real dcraw ({@code -P}):
 * it changes exactly the segments' sensor sites and nothing else.
 */
class DcrawSegmentListTest {

	private static final int W = 48, H = 34;

	@TempDir
	Path dir;

	@Test
	void dcrawRepairsEveryPixelOfOurSegmentsAndNoOther() throws Exception {
		final Path dcraw = ExternalProgram.require("dcraw", "dcraw");
		final List<Defect> defects = Arrays.asList(//
			new Defect(21, 6, Defect.ALL_CHANNELS, DefectKind.COLUMN, 60000, 9, 0, 0, 1500, 9, 99, 15, 21,
				6, 21, 20), //
			new Defect(30, 27, Defect.ALL_CHANNELS, DefectKind.ROW, 60000, 9, 0, 0, 1500, 9, 99, 9, 30,
				27, 38, 27));
		final short[] sensor = RawTests.quietMosaic(W, H, 4);
		final Set<String> listed = new TreeSet<>();
		for (final Defect d : defects)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++) {
					sensor[y * W + x] = (short) 60000;
					listed.add("(" + x + ", " + y + ")");
				}
		final Path raw = dir.resolve("segments.dng");
		new DngWriter(W, H, sensor).write(raw);
		final Path list = dir.resolve("dcraw-badpixels.txt");
		DcrawBadPixels.write(list, defects);

		final short[] plain = decode(dcraw, raw, "/dev/null", "plain");
		final short[] fixed = decode(dcraw, raw, list.toString(), "fixed");
		final Set<String> changed = new TreeSet<>();
		int stillHot = 0;
		for (int i = 0; i < plain.length; i++)
			if (plain[i] != fixed[i]) {
				changed.add("(" + i % W + ", " + i / W + ")");
				if ((fixed[i] & 0xffff) > 10000) stillHot++;
			}
		assertEquals(listed, changed);
		// dcraw takes the mean of the same-colour sites within 2 pixels, the segment's own
		// unrepaired sites included: we only count how many it left far off
		System.out.println("dcraw -P: " + changed.size() + " sites changed, " + stillHot +
			" of them still above 10000");
	}

	/** dcraw's totally raw 16-bit output with a dead pixel list, as a plane of W x H. */
	private short[] decode(final Path dcraw, final Path raw, final String list, final String name)
		throws IOException, InterruptedException
	{
		final Path copy = dir.resolve(name + ".dng");
		java.nio.file.Files.copy(raw, copy);
		ExternalProgram.run(dir, 60, dcraw.toString(), "-D", "-4", "-T", "-t", "0", "-P", list, copy
			.toString());
		final ImagePlus imp = new Opener().openImage(dir.resolve(name + ".tiff").toString());
		assertNotNull(imp, "dcraw output");
		assertEquals(W, imp.getWidth());
		return (short[]) imp.getProcessor().getPixels();
	}
}
