package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.io.DefectLists.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefectListsTest {

	@TempDir
	Path dir;

	private Path file(final String name, final String content) throws IOException {
		final Path p = dir.resolve(name);
		Files.write(p, content.getBytes(StandardCharsets.UTF_8));
		return p;
	}

	@Test
	void formatFromExtensionThenContent() throws IOException {
		assertEquals(Format.CSV, DefectLists.formatOf(dir.resolve("defects.CSV")));
		assertEquals(Format.RAWTHERAPEE, DefectLists.formatOf(dir.resolve(
			"NIKON D800 3001234.badpixels")));
		assertEquals(Format.SIRIL, DefectLists.formatOf(dir.resolve("hot.lst")));
		assertEquals(Format.MASK, DefectLists.formatOf(dir.resolve("mask.tiff")));
		assertEquals(Format.DCRAW, DefectLists.formatOf(file(".badpixels", "# x\n1 2 0\n")));
		assertEquals(Format.SIRIL, DefectLists.formatOf(file("a.txt", "# x\n\nP 1 2 H\n")));
		assertEquals(Format.CSV, DefectLists.formatOf(file("b.txt", "# x\nrank,X,y\n1,2,3\n")));
		assertEquals(Format.CSV, DefectLists.formatOf(file("c", "\"x\";\"y\"\n1;2\n")));
		assertEquals(Format.DCRAW, DefectLists.formatOf(file("d.txt", "  12 13 0\n")));
		final Path mask = dir.resolve("m.tif");
		DefectMask.write(mask, Arrays.asList(Defect.pixel(1, 1, 0)), 4, 4, 1);
		final Path noExtension = Files.copy(mask, dir.resolve("mask-without-extension"));
		assertEquals(Format.MASK, DefectLists.formatOf(noExtension));
	}

	@Test
	void everyFormatRoundTripsThroughReadAndWrite() throws IOException {
		final List<Defect> defects = Arrays.asList(Defect.pixel(1, 2, Defect.ALL_CHANNELS), Defect
			.region(5, 5, 6, 6, Defect.ALL_CHANNELS, DefectKind.HOT), DefectLists.region(9, 0, 9,
				DefectLists.IMAGE_EDGE, Defect.ALL_CHANNELS, null));
		final List<Defect> clipped = DefectLists.clip(defects, 12, 10);
		for (final String name : new String[]{ "l.csv", "l.txt", "l.lst", "CAM X.badpixels", "l.tif",
			"l.png" })
		{
			final Path p = dir.resolve(name);
			DefectLists.write(p, defects, 12, 10, 1);
			assertEquals(Positions.of(clipped), Positions.of(DefectLists.clip(DefectLists.read(p), 12,
				10)), name);
		}
	}

	@Test
	void clipEndsWholeColumnsAtTheImageEdge() {
		final Defect column = DefectLists.region(3, 0, 3, DefectLists.IMAGE_EDGE, 1, null);
		assertEquals(Integer.MAX_VALUE, column.clusterSize());
		final Defect c = DefectLists.clip(Arrays.asList(column), 8, 6).get(0);
		assertEquals(Arrays.asList(3, 0, 3, 5, 6, 1), Arrays.asList(c.xMin(), c.yMin(), c.xMax(), c
			.yMax(), c.clusterSize(), c.channel()));
		final Defect inside = Defect.pixel(2, 2, 0);
		assertEquals(inside, DefectLists.clip(Arrays.asList(inside), 8, 6).get(0));
	}
}
