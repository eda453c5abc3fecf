package org.hotpixels.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.hotpixels.find.FindResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;

/** report.html is one self-contained page: no reference leaves it, every picture decodes. */
class HtmlReportTest {

	@Test
	void nothingRefersOutsideTheFile() throws Exception {
		final String html = ReportFixture.html(ReportFixture.result());
		final String lower = html.toLowerCase(Locale.ROOT);
		assertTrue(lower.startsWith("<!doctype html>"));
		assertFalse(lower.contains("http:") || lower.contains("https:"), "a web address");
		assertFalse(lower.contains("<link") || lower.contains("@import") || lower.contains("<iframe") ||
			lower.contains("<object") || lower.contains("<embed") || lower.contains("srcset"),
			"an element that loads something");
		assertFalse(lower.contains("href="), "a link");
		assertFalse(lower.matches("(?s).*<script[^>]*src.*"), "an external script");
		final Matcher url = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)").matcher(lower);
		while (url.find())
			assertTrue(url.group(1).startsWith("data:"), url.group());
		// every src is a PNG data URI that decodes
		final Matcher src = Pattern.compile("\\bsrc\\s*=\\s*\"([^\"]*)\"").matcher(html);
		int images = 0;
		while (src.find()) {
			final String uri = src.group(1);
			assertTrue(uri.startsWith("data:image/png;base64,"), uri.substring(0, Math.min(40, uri
				.length())));
			final BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri
				.substring(uri.indexOf(',') + 1))));
			assertNotNull(img);
			images++;
		}
		assertEquals(2 + 2 * 4, images, "two maps and a mean and variance crop per defect");
		assertEquals(images, count(lower, "<img "), "every img has its src");
	}

	@Test
	void showsEveryDefectByKindAndTheSettings() throws Exception {
		final String html = ReportFixture.html(ReportFixture.result());
		// a mark on each of the two maps, with its description, and the same under its crops
		final String column = "column at 70,60, 80 px (70,20 to 70,99), score 40.0; mean 3380 " +
			"(neighbours 1380)";
		assertEquals(2, count(html, "<title>" + column), html);
		assertEquals(1, count(html, "<p>" + column));
		assertEquals(2, count(html, "<title>hot at 40,30"));
		// the column segment is a box along it on the maps, not a circle
		assertTrue(html.contains("<rect x=\"68.5\" y=\"18.5\" width=\"4.0\" height=\"83.0\"/>"), html);
		// counts per kind: one each of hot, stuck, cold and column
		for (final String kind : new String[]{ "hot", "stuck", "cold", "column" })
			assertTrue(html.matches("(?s).*\\Q" + kind + "</td><td>1</td>\\E.*"), kind);
		assertTrue(html.contains("<th>threshold (sigma)</th><td>5</td>"));
		assertTrue(html.contains("<th>version</th><td>Hot Pixel Finder"));
		assertTrue(html.contains("class=\"th\""), "the threshold on the histogram");
		assertTrue(html.contains("+5</text>") && html.contains("\u22125</text>"));
	}

	@Test
	void aSeriesWithoutDefectsAndAnRgbSeriesRenderToo() throws Exception {
		final FindResult clean = ReportFixture.result();
		final String none = ReportFixture.html(new FindResult(clean.statistics(), Collections
			.emptyList(), Collections.emptyList(), Arrays.asList("bad.jpg: <damaged> & gone"), null,
			null));
		assertTrue(none.contains("0 defects found in 12 frames"));
		assertFalse(none.contains("zoomed"));
		assertTrue(none.contains("(assumed: the default)"), "no settings known: the default sigma");
		assertTrue(none.contains("bad.jpg: &lt;damaged&gt; &amp; gone"), "escaped");
		final PixelStatistics rgb = PixelStatistics.create(PixelType.RGB, 40, 30, 3);
		final Random random = new Random(2);
		for (int f = 0; f < 3; f++) {
			final int[] p = new int[40 * 30];
			for (int i = 0; i < p.length; i++)
				p[i] = random.nextInt(1 << 24);
			rgb.add(Frame.of("f", PixelType.RGB, 40, 30, new Object[]{ p }));
		}
		final String colour = ReportFixture.html(new FindResult(rgb, Arrays.asList(Defect.region(5, 5,
			5, 5, 2, DefectKind.HOT)), Collections.emptyList(), Collections.emptyList(), null, null));
		assertTrue(colour.contains("<th>red</th><th>green</th><th>blue</th><th>all channels</th>"));
		assertTrue(colour.contains("hot</td><td>\u00b7</td><td>\u00b7</td><td>1</td>"), colour);
		assertTrue(colour.contains("Mean over the series (in colour)"));
	}

	private static int count(final String s, final String part) {
		int n = 0;
		for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1))
			n++;
		return n;
	}
}
