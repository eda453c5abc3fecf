package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.DarkFrameSeries;
import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall and precision at the default settings on several kinds of synthetic data, scored by
 * the independent {@link Evaluation} against the planted defects.
 */
class DetectionQualityTest {

	static FindResult find(final DemoSeries series) {
		return HotPixelFinder.find(series.asSource(), new FindOptions(), Progress.NONE);
	}

	static Evaluation report(final String what, final DemoSeries series, final List<Defect> found,
		final OutputFormat format)
	{
		final Evaluation e = Evaluation.forFormat(series.planted(), found, format);
		System.out.println(what + ": " + e.summary());
		return e;
	}

	@Test
	void photosLossless() {
		for (final long seed : new long[]{ 1, 2 }) {
			final SyntheticSeries s = SyntheticSeries.builder().size(320, 240).frames(60).seed(seed)
				.build();
			final Evaluation e = report("RGB lossless seed " + seed, s, find(s).defects(),
				OutputFormat.PNG);
			assertTrue(e.recall() >= 0.9, e.summary());
			assertTrue(e.precision() >= 0.85, e.summary());
		}
	}

	@Test
	void photosJpeg(@TempDir final Path tmp) throws Exception {
		final SyntheticSeries s = SyntheticSeries.builder().size(320, 240).frames(60).seed(3).build();
		final List<Path> files = s.writeTo(tmp, OutputFormat.JPEG);
		final FindResult r = HotPixelFinder.find(new FileSeriesSource(files), new FindOptions(),
			Progress.NONE);
		final Evaluation e = report("RGB JPEG q90 4:2:0", s, r.defects(), OutputFormat.JPEG);
		assertTrue(e.recall() >= 0.85, e.summary());
		assertTrue(e.precision() >= 0.8, e.summary());
	}

	@Test
	void greyPhotos() {
		final SyntheticSeries s = SyntheticSeries.builder().size(320, 240).frames(60).seed(4).grey()
			.build();
		final Evaluation e = report("grey lossless", s, find(s).defects(), OutputFormat.PNG);
		assertTrue(e.recall() >= 0.9, e.summary());
		assertTrue(e.precision() >= 0.85, e.summary());
	}

	@Test
	void darkFrames() {
		for (final long seed : new long[]{ 5, 6 }) {
			final DarkFrameSeries s = DarkFrameSeries.builder().size(320, 240).frames(40).seed(seed)
				.build();
			final Evaluation e = report("dark 16-bit seed " + seed, s, find(s).defects(),
				OutputFormat.TIFF);
			assertTrue(e.recall() >= 0.85, e.summary());
			assertTrue(e.precision() >= 0.85, e.summary());
		}
	}

	@Test
	void floatDarkFrames() {
		final DarkFrameSeries s = DarkFrameSeries.builder().size(200, 160).frames(30).seed(7).pixelType(
			PixelType.GRAY32).build();
		final Evaluation e = report("dark float", s, find(s).defects(), OutputFormat.TIFF);
		assertTrue(e.recall() >= 0.85, e.summary());
		assertTrue(e.precision() >= 0.85, e.summary());
	}

	@Test
	void cleanSeriesGiveAlmostNothing() {
		final int photo = find(SyntheticSeries.builder().size(320, 240).frames(60).seed(8).noDefects()
			.build()).defects().size();
		final int dark = find(DarkFrameSeries.builder().size(320, 240).frames(40).seed(9).noDefects()
			.build()).defects().size();
		final int bias = find(DarkFrameSeries.builder().size(320, 240).frames(40).seed(10).biasOnly()
			.build()).defects().size();
		System.out.println("clean series: photo " + photo + ", dark " + dark + ", bias " + bias +
			" detections");
		assertTrue(photo + dark + bias <= 1, photo + " " + dark + " " + bias);
	}
}
