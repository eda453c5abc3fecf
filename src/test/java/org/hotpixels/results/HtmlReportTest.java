package org.hotpixels.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

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
			final BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
				.decode(uri.substring(uri.indexOf(',') + 1))));
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
		for (final String kind : new String[] { "hot", "stuck", "cold", "column" })
			assertTrue(html.matches("(?s).*\\Q" + kind + "</td><td>1</td>\\E.*"), kind);
		assertTrue(html.contains("<th>threshold (sigma)</th><td>5</td>"));
		assertTrue(html.contains("<th>version</th><td>Hot Pixel Finder"));
		assertTrue(html.contains("class=\"th\""), "the threshold on the histogram");
		assertTrue(html.contains("+5</text>") && html.contains("\u22125</text>"));
	}

	private static int count(final String s, final String part) {
		int n = 0;
		for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1))
			n++;
		return n;
	}
}
