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
import org.hotpixels.correct.CorrectionJob;
import org.hotpixels.correct.CorrectionResult;
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
		final CorrectionResult result = new CorrectionJob(files, dir.resolve("out")).run(Collections
			.singletonList(Defect.pixel(17, 13, Defect.ALL_CHANNELS)), Progress.NONE);
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
}
