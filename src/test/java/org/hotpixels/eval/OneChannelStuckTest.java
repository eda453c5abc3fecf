package org.hotpixels.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.io.jpeg.JpegStreamTest;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.source.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pixels stuck in red or blue alone, in 4:2:0 JPEG: the chroma of a 2x2 block gives such a pixel
 * most of its neighbours' variation back, so only its variance against its other channels' shows
 * it. Crops of real photographs ({@link PhotoCropSeries}; the test is skipped where the Debian
 * wallpaper packages are not installed: synthetic scenes do not vary in colour apart from
 * brightness as photographs do), 60 frames of 1024x768 (as in the evaluation) encoded by the tests' shared ImageIO
 * encoder (quality 0.9, 4:2:0), scored by the independent {@link Evaluation}. Before the
 * cross-channel test one of them was found (a red pixel stuck at 200, by its mean).
 */
class OneChannelStuckTest {

	private static final int WIDTH = 1024, HEIGHT = 768, FRAMES = 60, RED = 0, BLUE = 2;
	private static List<BufferedImage> photos;

	@BeforeAll
	static void loadPhotos() throws Exception {
		final List<Path> files = RealPhotos.available();
		assumeTrue(!files.isEmpty(), "no photographs: install " + String.join(" ",
			RealPhotos.PACKAGES));
		photos = RealPhotos.load(files);
	}

	/** Three red-only and three blue-only stuck pixels, one on the right edge, 40 px apart or more. */
	private static List<PlantedDefect> planted() {
		return Arrays.asList(PlantedDefect.stuck(61, 47, RED, 140), PlantedDefect.stuck(200, 90, RED,
			60), PlantedDefect.stuck(410, 301, RED, 200), PlantedDefect.stuck(93, 250, BLUE, 90),
			PlantedDefect.stuck(301, 170, BLUE, 170), PlantedDefect.stuck(WIDTH - 1, 60, BLUE, 120));
	}

	private static FindResult findInJpeg(final SyntheticSeries series, final Path folder)
		throws Exception
	{
		final List<Path> files = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			final Frame f = series.frame(i);
			final BufferedImage image = new BufferedImage(f.width(), f.height(),
				BufferedImage.TYPE_INT_RGB);
			image.getRaster().setDataElements(0, 0, f.width(), f.height(), f.plane(0));
			final Path file = folder.resolve(series.frameName(i) + ".jpg");
			Files.write(file, JpegStreamTest.encode(image, false));
			files.add(file);
		}
		return HotPixelFinder.find(new FileSeriesSource(files), new FindOptions(), Progress.NONE);
	}

	@Test
	void pixelsStuckInOneChannelAreFoundWithTheirChannel(@TempDir final Path tmp) throws Exception {
		final SyntheticSeries s = PhotoCropSeries.of(photos, WIDTH, HEIGHT, FRAMES, 31, planted());
		final FindResult r = findInJpeg(s, tmp);
		final Evaluation e = Evaluation.forFormat(s.planted(), r.defects(), OutputFormat.JPEG);
		assertEquals(0, e.falsePositives(), e.summary());
		int red = 0, named = 0;
		for (final PlantedDefect p : e.found()) {
			final Defect d = nearest(r.defects(), p);
			// stuck in its channel; hot or cold (all channels) where its mean departs enough as well
			if (d.kind() == DefectKind.STUCK) {
				assertEquals(p.channel(), d.channel(), d.toString());
				named++;
			}
			if (p.channel() == RED) red++;
		}
		// red loses most of its variance (it carries 30% of the luma); a blue pixel at quality 90
		// keeps 85-90% of it and is at the limit: here the one on the edge is found
		assertEquals(3, red, e.summary());
		assertTrue(named >= 3, e.summary());
		assertTrue(e.truePositives() >= 4, e.summary());
	}

	@Test
	void aCleanSeriesGivesNoDefect(@TempDir final Path tmp) throws Exception {
		final SyntheticSeries s = PhotoCropSeries.of(photos, WIDTH, HEIGHT, FRAMES, 32, Collections
			.emptyList());
		final FindResult r = findInJpeg(s, tmp);
		assertTrue(r.defects().isEmpty(), r.defects().toString());
	}

	private static Defect nearest(final List<Defect> defects, final PlantedDefect p) {
		Defect best = null;
		for (final Defect d : defects)
			if (best == null || distance(d, p) < distance(best, p)) best = d;
		return best;
	}

	private static int distance(final Defect d, final PlantedDefect p) {
		return Math.max(Math.abs(d.x() - p.x()), Math.abs(d.y() - p.y()));
	}
}
