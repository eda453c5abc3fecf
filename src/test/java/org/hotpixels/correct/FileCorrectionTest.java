package org.hotpixels.correct;

import static org.hotpixels.NeighbourMedian.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.hotpixels.Checksums;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.NeighbourMedian;
import org.hotpixels.TestSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.io.ImageFileWriter.Format;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder job: formats, cancelling, refusals, and what it reports. */
class FileCorrectionTest {

	private static final List<Defect> PLANTED = Arrays.asList(Defect.pixel(50, 60,
		Defect.ALL_CHANNELS), Defect.pixel(120, 30, Defect.ALL_CHANNELS), Defect.pixel(10, 140,
			Defect.ALL_CHANNELS));

	@TempDir
	Path tmp;

	private static List<Path> files(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	@Test
	void cancellingStopsBetweenFilesAndLeavesOnlyCompleteFiles() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		TestSeries.writeFolder(in, 6);
		final List<Long> seen = new ArrayList<>();
		final Progress cancelAtThird = new Progress() {

			@Override
			public void progress(final long done, final long total, final String message) {
				seen.add(done);
			}

			@Override
			public boolean isCancelled() {
				return seen.contains(2L);
			}
		};
		final FileCorrectionResult result = new FileCorrection(files(in), out).run(PLANTED,
			cancelAtThird);
		assertTrue(result.cancelled());
		assertEquals(3, result.written().size());
		assertEquals("Cancelled after writing 3 of 6 corrected files to " + out +
			"; each written file is complete.", result.summary());
		assertEquals(Arrays.asList("frame_000.tif", "frame_001.tif", "frame_002.tif"), files(out)
			.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
		for (final Path p : files(out))
			assertEquals(8, new Opener().openImage(p.toString()).getBitDepth());
	}

	@Test
	void pngStaysAnExactPngAndRgbChangesOnlyTheDefectiveChannel() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final ColorProcessor rgb = new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(0, 2))
			.convertToColorProcessor();
		rgb.set(70, 70, 0x10ff10); // green defect
		assertTrue(ImageIO.write(rgb.getBufferedImage(), "png", in.resolve("c.png").toFile()));
		final ByteProcessor grey = new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(1,
			2));
		assertTrue(ImageIO.write(grey.getBufferedImage(), "png", in.resolve("g.png").toFile()));
		final Map<String, String> before = Checksums.of(in);
		final FileCorrectionResult result = new FileCorrection(Collections.singletonList(in.resolve(
			"c.png")), tmp.resolve("out")).run(Collections.singletonList(Defect.pixel(70, 70, 1)),
				Progress.NONE);
		assertTrue(result.warnings().isEmpty(), result.warnings()::toString);
		final BufferedImage out = ImageIO.read(tmp.resolve("out/c.png").toFile());
		final int green = NeighbourMedian.median((x, y) -> rgb.get(x, y) >> 8 & 0xff, rgb.getWidth(),
			rgb.getHeight(), new HashSet<>(Arrays.asList(key(70, 70))), 70, 70, 1);
		assertEquals(0x100010 | green << 8, out.getRGB(70, 70) & 0xffffff);
		for (int y = 0; y < rgb.getHeight(); y++)
			for (int x = 0; x < rgb.getWidth(); x++)
				if (x != 70 || y != 70) assertEquals(rgb.get(x, y) & 0xffffff, out.getRGB(x, y) & 0xffffff);
		new FileCorrection(Collections.singletonList(in.resolve("g.png")), tmp.resolve("out")).run(
			PLANTED, Progress.NONE);
		final ImagePlus g = new ImagePlus("g", ImageIO.read(tmp.resolve("out/g.png").toFile()));
		assertEquals(8, g.getBitDepth());
		NeighbourMedian.check(grey, g.getProcessor(), new HashSet<>(Arrays.asList(key(50, 60), key(120,
			30), key(10, 140))), 1, "grey png");
		assertEquals(before, Checksums.of(in));
	}

	@Test
	void floatTiffIgnoresNaNNeighbours() throws Exception {
		final float[] px = new float[30 * 20];
		for (int i = 0; i < px.length; i++)
			px[i] = i * 0.5f;
		px[5 * 30 + 5] = 1e6f;
		px[4 * 30 + 4] = Float.NaN;
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("f.tif");
		assertTrue(new FileSaver(new ImagePlus("f", new FloatProcessor(30, 20, px))).saveAsTiff(in
			.toString()));
		new FileCorrection(Collections.singletonList(in), tmp.resolve("out")).run(Collections
			.singletonList(Defect.pixel(5, 5, 0)), Progress.NONE);
		final ImagePlus out = new Opener().openImage(tmp.resolve("out/f.tif").toString());
		assertEquals(32, out.getBitDepth());
		// neighbours without the NaN: 62 63 64 | 65 ... sorted (7 values), median = the 4th
		final float[] n = { px[4 * 30 + 5], px[4 * 30 + 6], px[5 * 30 + 4], px[5 * 30 + 6], px[6 * 30 +
			4], px[6 * 30 + 5], px[6 * 30 + 6] };
		Arrays.sort(n);
		assertEquals(n[3], out.getProcessor().getf(5, 5), 0.0);
		assertTrue(Float.isNaN(out.getProcessor().getf(4, 4)));
	}

	@Test
	void twoInputsWithOneOutputNameAreRefusedBeforeWriting() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final ByteProcessor grey = new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(1,
			2));
		assertTrue(ImageIO.write(grey.getBufferedImage(), "png", in.resolve("a.png").toFile()));
		assertTrue(new FileSaver(new ImagePlus("a", grey)).saveAsTiff(in.resolve("a.tif").toString()));
		final FileCorrection job = new FileCorrection(files(in), tmp.resolve("out")).format(Format.TIF);
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> job.run(PLANTED,
			Progress.NONE));
		assertTrue(e.getMessage().contains("would both be written as a.tif"), e.getMessage());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void aLinkIntoTheInputFolderIsRefused() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 2);
		Files.createDirectories(in.resolve("sub"));
		final Path link = Files.createSymbolicLink(tmp.resolve("link"), in.resolve("sub"));
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> new FileCorrection(
			files(in).subList(0, 2), link.resolve("out")).check());
		assertTrue(e.getMessage().contains("choose a folder elsewhere"), e.getMessage());
	}

	@Test
	void formatsWeCannotWriteBecomeTiffWithAWarning() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final ByteProcessor grey = new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(1,
			2));
		assertTrue(ImageIO.write(grey.getBufferedImage(), "bmp", in.resolve("a.bmp").toFile()));
		final FileCorrectionResult result = new FileCorrection(files(in), tmp.resolve("out")).run(
			PLANTED, Progress.NONE);
		assertEquals(Collections.singletonList(tmp.resolve("out/a.tif")), result.written());
		assertEquals(1, result.warnings().size());
		assertTrue(result.warnings().get(0).contains("bmp"), result.warnings()::toString);
		NeighbourMedian.check(grey, new Opener().openImage(tmp.resolve("out/a.tif").toString())
			.getProcessor(), new HashSet<>(Arrays.asList(key(50, 60), key(120, 30), key(10, 140))), 1,
			"bmp");
	}

	@Test
	void defectsOutsideTheImageAreAnErrorOrCounted() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 2);
		final List<Defect> defects = new ArrayList<>(PLANTED);
		defects.add(Defect.pixel(300, 10, 0));
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> new FileCorrection(
			files(in), tmp.resolve("out")).defectsName("hot.lst").run(defects, Progress.NONE));
		assertEquals("hot.lst does not fit frame_000.tif: defect at (300, 10) lies outside the " +
			"200x150 image.", e.getMessage());
		final FileCorrectionResult result = new FileCorrection(files(in), tmp.resolve("out2"))
			.skipOutsideDefects(true).run(defects, Progress.NONE);
		assertEquals(1, result.defectsOutside());
		assertEquals(3, result.pixelsPerFrame());
		assertEquals(2, result.frameCount());
	}

	@Test
	void aHyperstackTiffKeepsItsDimensionsLutsAndCalibration() throws Exception {
		final ij.ImageStack stack = new ij.ImageStack(TestSeries.W, TestSeries.H);
		for (int i = 0; i < 4; i++)
			stack.addSlice("c" + i % 2 + "z" + i / 2, new ByteProcessor(TestSeries.W, TestSeries.H,
				TestSeries.frame(i, 9)));
		final ImagePlus plain = new ImagePlus("hyper", stack);
		plain.setDimensions(2, 2, 1);
		final ij.CompositeImage hyper = new ij.CompositeImage(plain, ij.CompositeImage.COLOR);
		hyper.setChannelLut(ij.process.LUT.createLutFromColor(java.awt.Color.green), 1);
		hyper.getCalibration().pixelDepth = 4;
		hyper.getCalibration().setUnit("mm");
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("hyper.tif");
		assertTrue(new FileSaver(hyper).saveAsTiff(in.toString()));
		new FileCorrection(Collections.singletonList(in), tmp.resolve("out")).run(PLANTED,
			Progress.NONE);
		final ImagePlus out = new Opener().openImage(tmp.resolve("out/hyper.tif").toString());
		assertEquals(Arrays.asList(2, 2, 1), Arrays.asList(out.getNChannels(), out.getNSlices(), out
			.getNFrames()));
		assertTrue(out.isComposite());
		assertEquals(ij.CompositeImage.COLOR, ((ij.CompositeImage) out).getMode());
		// channel LUTs: TiffMetadataTest (TiffWriter does not write them yet)
		assertEquals(4, out.getCalibration().pixelDepth, 0.0);
		assertEquals("mm", out.getCalibration().getUnit());
		for (int s = 1; s <= 4; s++) {
			assertEquals(stack.getSliceLabel(s), out.getStack().getSliceLabel(s));
			NeighbourMedian.check(stack.getProcessor(s), out.getStack().getProcessor(s), new HashSet<>(
				Arrays.asList(key(50, 60), key(120, 30), key(10, 140))), 1, "plane " + s);
		}
	}
}
