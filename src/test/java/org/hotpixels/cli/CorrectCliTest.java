package org.hotpixels.cli;

import static org.hotpixels.NeighbourMedian.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import org.hotpixels.Checksums;
import org.hotpixels.NeighbourMedian;
import org.hotpixels.TestSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hotpixels correct} and {@code find --correct} end to end on temporary folders. */
class CorrectCliTest {

	/** The defects TestSeries plants: stuck (50, 60), hot (120, 30), dead (10, 140). */
	private static final Set<Long> PLANTED = new HashSet<>(Arrays.asList(key(50, 60), key(120, 30),
		key(10, 140)));

	@TempDir
	Path tmp;

	private static Object[] cli(final String... args) {
		return FindCliTest.cli(args);
	}

	private static ImagePlus open(final Path file) {
		final ImagePlus imp = new Opener().openImage(file.toString());
		assertTrue(imp != null, "cannot open " + file);
		return imp;
	}

	/** Every output frame repaired at the planted defects and bit-identical elsewhere. */
	private static void checkRepaired(final Path in, final Path out, final int frames) {
		for (int f = 0; f < frames; f++) {
			final String name = String.format("frame_%03d.tif", f);
			NeighbourMedian.check(open(in.resolve(name)).getProcessor(), open(out.resolve(name))
				.getProcessor(), PLANTED, 1, name);
		}
	}

	@Test
	void findThenCorrectRepairsOnlyTheDefects() throws Exception {
		final Path in = tmp.resolve("in"), res = tmp.resolve("res"), out = tmp.resolve("out");
		TestSeries.writeFolder(in, 20);
		final Map<String, String> before = Checksums.of(in);
		final Object[] find = cli("find", in.toString(), "--output", res.toString());
		assertEquals(0, find[0], () -> find[2].toString());
		final Object[] r = cli("correct", in.toString(), "--defects", res.resolve("defects.csv")
			.toString(), "--output", out.toString());
		assertEquals(0, r[0], () -> r[2].toString());
		assertTrue(r[1].toString().contains("Repaired 3 defective pixels in each of 20 frames"), r[1]
			.toString());
		assertEquals(before, Checksums.of(in));
		assertEquals(before.keySet(), Checksums.of(out).keySet());
		checkRepaired(in, out, 20);
	}

	@Test
	void findWithCorrectDoesBothSteps() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("fixed");
		TestSeries.writeFolder(in, 20);
		final Map<String, String> before = Checksums.of(in);
		final Object[] r = cli("find", in.toString(), "-o", tmp.resolve("res").toString(), "--correct",
			out.toString());
		assertEquals(0, r[0], () -> r[2].toString());
		assertTrue(r[1].toString().contains("Found 3 defects") && r[1].toString().contains(
			"wrote 20 files"), r[1].toString());
		assertEquals(before, Checksums.of(in));
		checkRepaired(in, out, 20);
	}

	@Test
	void findRefusesACorrectFolderInsideTheInputsBeforeReading() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 4);
		final Object[] r = cli("find", in.toString(), "-o", tmp.resolve("res").toString(), "--correct",
			in.resolve("fixed").toString());
		assertEquals(1, r[0]);
		assertTrue(r[2].toString().contains("output folder is the folder of the input"), r[2]
			.toString());
		assertFalse(Files.exists(tmp.resolve("res")));
	}

	@Test
	void refusesTheInputFolderAndFoldersInsideIt() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 3);
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n".getBytes());
		final Map<String, String> before = Checksums.of(in);
		for (final Path output : new Path[]{ in, in.resolve("sub"), in.resolve("./sub/../") }) {
			final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", output
				.toString(), "--overwrite");
			assertEquals(1, r[0], output::toString);
			final String err = r[2].toString();
			assertTrue(err.startsWith("hotpixels: ") && err.contains("choose a folder elsewhere") && err
				.trim().split("\n").length == 1, err);
		}
		assertEquals(before, Checksums.of(in));
		assertFalse(Files.exists(in.resolve("sub")));
	}

	@Test
	void existingFilesNeedOverwriteAndNothingIsWrittenBefore() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		TestSeries.writeFolder(in, 5);
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n120,30\n10,140\n"
			.getBytes());
		Files.createDirectories(out);
		Files.write(out.resolve("frame_003.tif"), "mine".getBytes());
		final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", out
			.toString());
		assertEquals(1, r[0]);
		assertTrue(r[2].toString().contains("frame_003.tif: already exists"), r[2].toString());
		assertEquals(1, Checksums.of(out).size()); // frames 0..2 were not written either
		assertEquals("mine", new String(Files.readAllBytes(out.resolve("frame_003.tif"))));
		final Object[] again = cli("correct", in.toString(), "--defects", defects.toString(), "-o", out
			.toString(), "--overwrite");
		assertEquals(0, again[0], () -> again[2].toString());
		checkRepaired(in, out, 5);
		try (java.util.stream.Stream<Path> s = Files.list(out)) {
			assertEquals(5, s.count()); // no temporary files left
		}
	}

	@Test
	void otherSizeIsAnErrorNamingTheFileOrSkipped() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 3);
		new FileSaver(new ImagePlus("odd", new ByteProcessor(64, 48))).saveAsTiff(in.resolve(
			"frame_001b.tif").toString());
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n".getBytes());
		final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("out").toString());
		assertEquals(1, r[0]);
		assertTrue(r[2].toString().contains("frame_001b.tif is 8-bit 64x48"), r[2].toString());
		final Object[] skipping = cli("correct", in.toString(), "--defects", defects.toString(), "-o",
			tmp.resolve("out2").toString(), "--skip-bad-frames");
		assertEquals(0, skipping[0], () -> skipping[2].toString());
		assertTrue(skipping[1].toString().contains("Skipped: frame_001b.tif"), skipping[1].toString());
		assertEquals(3, Checksums.of(tmp.resolve("out2")).size());
	}

	@Test
	void multiPageTiffIsCorrectedPageByPage() throws Exception {
		final ij.ImageStack stack = new ij.ImageStack(TestSeries.W, TestSeries.H);
		for (int f = 0; f < 4; f++)
			stack.addSlice("page " + f, new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(f,
				7)));
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("stack.tif");
		assertTrue(new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(in.toString()));
		// a 2x1 cluster (box) next to the stuck pixel, and the hot and dead pixels
		final Path defects = Files.write(tmp.resolve("d.csv"), ("x,y,x_min,y_min,x_max,y_max\n" +
			"50,60,50,60,51,60\n120,30,120,30,120,30\n10,140,10,140,10,140\n").getBytes());
		final String before = Checksums.sha256(in);
		final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("out").toString());
		assertEquals(0, r[0], () -> r[2].toString());
		assertEquals(before, Checksums.sha256(in));
		final ImagePlus original = open(in), corrected = open(tmp.resolve("out/stack.tif"));
		assertEquals(4, corrected.getStackSize());
		final Set<Long> cluster = new HashSet<>(PLANTED);
		cluster.add(key(51, 60));
		for (int s = 1; s <= 4; s++) {
			assertEquals("page " + (s - 1), corrected.getStack().getSliceLabel(s));
			NeighbourMedian.check(original.getStack().getProcessor(s), corrected.getStack().getProcessor(
				s), cluster, 1, "page " + s);
		}
	}

	@Test
	void sixteenBitTiffKeepsBitDepthAndCalibration() throws Exception {
		final short[] px = new short[TestSeries.W * TestSeries.H];
		final byte[] grey = TestSeries.frame(0, 3);
		for (int i = 0; i < px.length; i++)
			px[i] = (short) (1000 + 200 * (grey[i] & 0xff));
		final ImagePlus imp = new ImagePlus("sixteen", new ShortProcessor(TestSeries.W, TestSeries.H,
			px, null));
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("um");
		imp.setProperty("Info", "exposure=30s");
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("dark.tif");
		assertTrue(new FileSaver(imp).saveAsTiff(in.toString()));
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n120,30\n10,140\n"
			.getBytes());
		final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("out").toString());
		assertEquals(0, r[0], () -> r[2].toString());
		final ImagePlus out = open(tmp.resolve("out/dark.tif"));
		assertEquals(16, out.getBitDepth());
		assertEquals(0.25, out.getCalibration().pixelWidth, 0.0);
		assertEquals(0.5, out.getCalibration().pixelHeight, 0.0);
		assertEquals("µm", out.getCalibration().getUnit());
		assertEquals("exposure=30s", out.getInfoProperty());
		NeighbourMedian.check(open(in).getProcessor(), out.getProcessor(), PLANTED, 1, "16-bit");
		final Object[] png = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("png").toString(), "--format", "png");
		assertEquals(1, png[0]);
		assertTrue(png[2].toString().contains("PNG cannot hold this 16-bit image") && png[2].toString()
			.contains("choose format tif"), png[2].toString());
		assertFalse(Files.exists(tmp.resolve("png/dark.png")));
	}

	@Test
	void jpegIsReencodedWithAWarningAndTifKeepsTheRepairExact() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		for (int f = 0; f < 2; f++) {
			final ColorProcessor cp = new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(f,
				5)).convertToColorProcessor();
			cp.set(60, 40, 0xff2010);
			assertTrue(ImageIO.write(cp.getBufferedImage(), "jpeg", in.resolve("shot" + f + ".jpg")
				.toFile()));
		}
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y,channel\n60,40,all\n".getBytes());
		final Map<String, String> before = Checksums.of(in);
		final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("out").toString());
		assertEquals(0, r[0], () -> r[2].toString());
		final String err = r[2].toString();
		assertTrue(err.contains("Warning: JPEG is lossy") && err.contains("format tif keeps the " +
			"repair exact"), err);
		final BufferedImage jpeg = ImageIO.read(tmp.resolve("out/shot1.jpg").toFile());
		assertEquals(TestSeries.W, jpeg.getWidth());
		final Object[] tif = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("tif").toString(), "--format", "tif");
		assertEquals(0, tif[0], () -> tif[2].toString());
		assertFalse(tif[2].toString().contains("Warning"), tif[2].toString());
		for (int f = 0; f < 2; f++) {
			final ImagePlus decoded = new ImagePlus("in", ImageIO.read(in.resolve("shot" + f + ".jpg")
				.toFile()));
			NeighbourMedian.check(decoded.getProcessor(), open(tmp.resolve("tif/shot" + f + ".tif"))
				.getProcessor(), new HashSet<>(Arrays.asList(key(60, 40))), 1, "shot" + f);
		}
		assertEquals(before, Checksums.of(in));
	}

	@Test
	void aBadDefectListIsOneLine() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 2);
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n500,20\n".getBytes());
		final Object[] r = cli("correct", in.toString(), "--defects", defects.toString(), "-o", tmp
			.resolve("out").toString());
		assertEquals(1, r[0]);
		final String[] errors = Arrays.stream(r[2].toString().split("\n")).filter(l -> l.startsWith(
			"hotpixels:")).toArray(String[]::new);
		assertEquals(Arrays.asList("hotpixels: d.csv does not fit frame_000.tif: defect at (500, " +
			"20) lies outside the 200x150 image."), Arrays.asList(errors));
		final Object[] missing = cli("correct", in.toString(), "--defects", tmp.resolve("none.csv")
			.toString(), "-o", tmp.resolve("out").toString());
		assertEquals(1, missing[0]);
		assertTrue(missing[2].toString().contains("none.csv"), missing[2].toString());
	}
}
