package org.hotpixels.source.raw;

import static org.hotpixels.NeighbourMedian.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ShortProcessor;

import org.hotpixels.Checksums;
import org.hotpixels.NeighbourMedian;
import org.hotpixels.correct.FileCorrection;
import org.hotpixels.correct.FileCorrectionResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Camera RAW files are corrected as mosaics, from same-colour sites, and written as TIFF. */
class RawCorrectionTest {

	private static final int W = 36, H = 24;

	@Test
	void rawFilesBecomeCorrectedSixteenBitMosaics(@TempDir final Path dir) throws Exception {
		RawTests.dcraw();
		final Path in = java.nio.file.Files.createDirectories(dir.resolve("in"));
		final List<Path> files = new ArrayList<>();
		final List<short[]> mosaics = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			final short[] m = RawTests.quietMosaic(W, H, 40 + i);
			m[13 * W + 17] = (short) 60000;
			mosaics.add(m);
			files.add(in.resolve("DSC_000" + i + ".DNG"));
			new DngWriter(W, H, m).cfa(CfaPattern.GBRG).write(files.get(i));
		}
		final Map<String, String> before = Checksums.of(in);
		final FileCorrectionResult result = new FileCorrection(files, dir.resolve("out")).run(
			Collections.singletonList(Defect.pixel(17, 13, Defect.ALL_CHANNELS)), Progress.NONE);
		assertEquals(before, Checksums.of(in));
		assertTrue(result.warnings().get(0).contains("16-bit TIFF sensor mosaics"), result
			.warnings()::toString);
		for (int i = 0; i < 2; i++) {
			final ImagePlus out = new Opener().openImage(dir.resolve("out/DSC_000" + i + ".tif")
				.toString());
			assertEquals(16, out.getBitDepth());
			NeighbourMedian.check(new ShortProcessor(W, H, mosaics.get(i), null), out.getProcessor(),
				Collections.singleton(key(17, 13)), 2, "DSC_000" + i);
		}
	}

	@Test
	void findWithCorrectRepairsARawSeries(@TempDir final Path dir) throws Exception {
		RawTests.dcraw();
		final int w = RawSeriesFindTest.W, h = RawSeriesFindTest.H;
		final Path in = java.nio.file.Files.createDirectories(dir.resolve("raw"));
		for (int f = 0; f < 16; f++)
			new DngWriter(w, h, RawSeriesFindTest.darkFrame(f)).cfa(CfaPattern.RGGB).write(in.resolve(
				String.format("IMG_%04d.DNG", f)));
		final Map<String, String> before = Checksums.of(in);
		final java.io.PrintStream out = System.out, err = System.err;
		final java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
		System.setOut(new java.io.PrintStream(o, true));
		System.setErr(new java.io.PrintStream(o, true));
		final int code;
		try {
			code = org.hotpixels.cli.HotPixelsCli.run("find", in.toString(), "-o", dir.resolve("res")
				.toString(), "--correct", dir.resolve("fixed").toString());
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		assertEquals(0, code, o.toString());
		assertTrue(o.toString().contains("Camera RAW files are written as 16-bit TIFF"), o.toString());
		assertEquals(before, Checksums.of(in));
		final java.util.Set<Long> planted = new java.util.HashSet<>();
		for (final int[] p : RawSeriesFindTest.PLANTED)
			planted.add(key(p[0], p[1]));
		for (int f = 0; f < 16; f += 5) {
			final String name = String.format("IMG_%04d", f);
			final ImagePlus fixed = new Opener().openImage(dir.resolve("fixed/" + name + ".tif")
				.toString());
			NeighbourMedian.check(new ShortProcessor(w, h, RawSeriesFindTest.darkFrame(f), null), fixed
				.getProcessor(), planted, 2, name);
		}
	}
}
