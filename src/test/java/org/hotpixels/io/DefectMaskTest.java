package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefectMaskTest {

	@TempDir
	Path dir;

	private static final List<Defect> GREY = Arrays.asList(Defect.pixel(0, 0, 0), Defect.pixel(11, 7,
		Defect.ALL_CHANNELS), Defect.region(3, 2, 5, 3, 0, DefectKind.HOT));

	@Test
	void singleChannelTiffRoundTripWith255ForDefects() throws IOException {
		final Path file = dir.resolve("mask.tif");
		DefectMask.write(file, GREY, 12, 8, 1);
		final ImagePlus imp = new Opener().openImage(file.toString());
		assertEquals(8, imp.getBitDepth());
		assertEquals(1, imp.getStackSize());
		final TreeSet<String> expected = Positions.merged(GREY);
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 12; x++)
				assertEquals(expected.contains(x + "," + y + ",all") ? 255 : 0, imp.getProcessor().get(x,
					y), "(" + x + ", " + y + ")");
		assertEquals(expected, Positions.of(DefectMask.read(file)));
	}

	@Test
	void pngRoundTrip() throws IOException {
		final Path file = dir.resolve("mask.png");
		DefectMask.write(file, GREY, 12, 8, 1);
		assertEquals(Positions.merged(GREY), Positions.of(DefectMask.read(file)));
	}

	@Test
	void oneSlicePerChannelRoundTrip() throws IOException {
		final List<Defect> defects = Arrays.asList(Defect.pixel(1, 1, 0), Defect.pixel(2, 2, 2), Defect
			.pixel(3, 3, Defect.ALL_CHANNELS), Defect.region(4, 0, 5, 0, 1, null));
		final Path file = dir.resolve("mask3.tif");
		DefectMask.write(file, defects, 8, 6, 3);
		assertEquals(3, new Opener().openImage(file.toString()).getStackSize());
		assertEquals(Positions.of(defects), Positions.of(DefectMask.read(file)));
	}

	@Test
	void rgbMaskGivesChannelsAndWhiteGivesAll() {
		final ColorProcessor cp = new ColorProcessor(4, 3);
		cp.set(1, 1, 0xff0000);
		cp.set(2, 1, 0x0000ff);
		cp.set(3, 2, 0xffffff);
		assertEquals(new TreeSet<>(Arrays.asList("1,1,0", "2,1,2", "3,2,all")), Positions.of(DefectMask
			.defects(new ImagePlus("rgb", cp))));
	}

	@Test
	void anyNonZeroValueCountsButNaNDoesNot() {
		final ShortProcessor sp = new ShortProcessor(3, 2);
		sp.set(2, 1, 1);
		assertEquals(new TreeSet<>(Arrays.asList("2,1,all")), Positions.of(DefectMask.defects(
			new ImagePlus("16", sp))));
		final FloatProcessor fp = new FloatProcessor(3, 2);
		fp.setf(0, 0, Float.NaN);
		fp.setf(1, 0, -0.5f);
		final ImageStack stack = new ImageStack(3, 2);
		stack.addSlice(fp);
		stack.addSlice(new FloatProcessor(3, 2));
		assertEquals(new TreeSet<>(Arrays.asList("1,0,0")), Positions.of(DefectMask.defects(
			new ImagePlus("f", stack))));
	}

	@Test
	void defectOutsideTheMaskIsAnError() {
		assertThrows(HotPixelsException.class, () -> DefectMask.image(Arrays.asList(Defect.pixel(12, 0,
			0)), 12, 8, 1));
	}

	@Test
	void fileThatIsNoImageIsAUserError() throws IOException {
		final Path file = dir.resolve("notes.tif");
		Files.write(file, "not an image".getBytes(StandardCharsets.UTF_8));
		assertThrows(HotPixelsException.class, () -> DefectMask.read(file));
		assertThrows(HotPixelsException.class, () -> DefectMask.read(dir.resolve("none.tif")));
	}
}
