package org.hotpixels.results;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * A small find result for the report tests: 16-bit noise with a hot pixel, a stuck pixel, a cold
 * pair and a hot column segment, with the defects written by hand as the detector reports them.
 */
final class ReportFixture {

	static final int W = 160, H = 120;

	private ReportFixture() {}

	static FindResult result() {
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY16, W, H, 1);
		final Random random = new Random(3);
		for (int f = 0; f < 12; f++) {
			final short[] p = new short[W * H];
			for (int i = 0; i < p.length; i++)
				p[i] = (short) (1000 + (i % W) * 4 + random.nextInt(200));
			p[30 * W + 40] = (short) 9000; // hot
			p[80 * W + 100] = (short) 1500; // stuck
			p[10 * W + 10] = p[10 * W + 11] = (short) 300; // cold pair
			for (int y = 20; y < 100; y++)
				p[y * W + 70] += 2000; // column segment
			stats.add(Frame.of("f" + f, PixelType.GRAY16, W, H, new Object[]{ p }));
		}
		final List<Defect> defects = Arrays.asList(//
			new Defect(40, 30, 0, DefectKind.HOT, 9000, 0, 9000, 9000, 1260, 3300, 88, 1, 40, 30, 40, 30), //
			new Defect(70, 60, 0, DefectKind.COLUMN, 3380, 3300, 3200, 3500, 1380, 3300, 40, 80, 70, 20,
				70, 99), //
			new Defect(100, 80, 0, DefectKind.STUCK, 1500, 0, 1500, 1500, 1500, 3300, 30, 1, 100, 80, 100,
				80), //
			new Defect(10, 10, 0, DefectKind.COLD, 300, 0, 300, 300, 1140, 3300, 12, 2, 10, 10, 11, 10));
		final FindOptions options = new FindOptions();
		options.sigma = 5;
		return new FindResult(stats, defects, Collections.emptyList(), Collections.emptyList(), null,
			options);
	}

	static String html(final FindResult result) throws IOException {
		final StringWriter w = new StringWriter();
		HtmlReport.write(w, result);
		return w.toString();
	}
}
