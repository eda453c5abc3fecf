package org.hotpixels.results;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.stats.PixelStatistics;

/**
 * {@code report.html}: one self-contained page about a find run that opens offline in any
 * browser. Every picture is a PNG {@code data:} URI or inline SVG, the style sheet is inline, and
 * nothing refers to another file or to the network. It shows the variance and mean maps
 * downscaled with every defect marked by kind (a segment as a line), zoomed crops of the mean and
 * variance around the strongest defects, the population histogram of the scores with the
 * threshold, the counts per kind and channel, and the settings and version.
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(dir.resolve("report.html"))) {
 * 	HtmlReport.write(w, result);
 * }
 * }</pre>
 */
public final class HtmlReport {

	/** Defects zoomed into, strongest first. */
	static final int CROPS = 12;
	/** Defects marked on the maps; more would hide the maps. */
	static final int MARKERS = 5000;

	private HtmlReport() {}

	/** Writes the page to {@code out} (not closed). */
	public static void write(final Writer out, final FindResult result) throws IOException {
		final PixelStatistics stats = result.statistics();
		final FindOptions options = result.options();
		final double sigma = options == null ? DefectDetector.DEFAULT_SIGMA : options.sigma;
		final List<Defect> defects = result.defects();
		out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
		out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		out.write("<title>Hot Pixel Finder report: " + defects.size() + " defects in " + stats
			.frameCount() + " frames</title>\n<style>\n" + CSS + "</style></head><body>\n");
		out.write("<h1>Hot Pixel Finder report</h1>\n<p class=\"sub\">" + esc(summary(result)) +
			"</p>\n");
		counts(out, result);
		maps(out, result);
		crops(out, result);
		histograms(out, stats, result, sigma);
		settings(out, result, sigma);
		out.write("<p class=\"foot\">This page is one file: its pictures are inline and it makes no" +
			" request to anything outside itself.</p>\n");
		// lets a headless browser test tell that every picture decoded
		out.write("<script>window.addEventListener('load',function(){var i=document.images,n=0;" +
			"for(var k=0;k<i.length;k++)if(i[k].complete&&i[k].naturalWidth>0)n++;" +
			"document.documentElement.setAttribute('data-images',n+' of '+i.length);});</script>\n");
		out.write("</body></html>\n");
	}

	private static String summary(final FindResult result) {
		final PixelStatistics s = result.statistics();
		final int n = result.defects().size();
		return n + " defect" + (n == 1 ? "" : "s") + " found in " + s.frameCount() + " frames (" + s
			.shapeLabel() + (result.cfa() != null ? ", raw " + result.cfa() + " mosaic" : "") + ")" +
			(result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " frame(s) left out") +
			".";
	}

	/** Names of the columns of the counts table, by channel; index channels() is "all". */
	private static String channelLabel(final PixelStatistics stats, final int c) {
		if (c == stats.channels()) return "all channels";
		final String name = ResultImages.channelName(stats, c);
		return name.isEmpty() ? "grey" : name;
	}

	private static void counts(final Writer out, final FindResult result) throws IOException {
		final PixelStatistics stats = result.statistics();
		final int cols = stats.channels() + 1;
		final Map<String, int[]> rows = new LinkedHashMap<>();
		for (final DefectKind k : DefectKind.values())
			rows.put(k.label(), new int[cols]);
		for (final Defect d : result.defects()) {
			final String k = d.kind() == null ? "unknown" : d.kind().label();
			final int c = d.channel() == Defect.ALL_CHANNELS || d.channel() >= stats.channels() ? stats
				.channels() : d.channel();
			rows.computeIfAbsent(k, x -> new int[cols])[c]++;
		}
		out.write("<h2>Defects by kind and channel</h2>\n<table class=\"counts\"><tr><th>kind</th>");
		for (int c = 0; c < cols; c++)
			out.write("<th>" + esc(channelLabel(stats, c)) + "</th>");
		out.write("<th>total</th></tr>\n");
		final int[] totals = new int[cols];
		for (final Map.Entry<String, int[]> e : rows.entrySet()) {
			int total = 0;
			for (final int v : e.getValue())
				total += v;
			out.write("<tr><td><span class=\"sw\" style=\"background:" + colour(e.getKey()) +
				"\"></span>" + esc(e.getKey()) + "</td>");
			for (int c = 0; c < cols; c++) {
				totals[c] += e.getValue()[c];
				out.write("<td>" + (e.getValue()[c] == 0 ? "\u00b7" : e.getValue()[c]) + "</td>");
			}
			out.write("<td><b>" + total + "</b></td></tr>\n");
		}
		out.write("<tr class=\"tot\"><td>total</td>");
		int all = 0;
		for (final int t : totals) {
			out.write("<td>" + t + "</td>");
			all += t;
		}
		out.write("<td><b>" + all + "</b></td></tr></table>\n");
	}

	private static void maps(final Writer out, final FindResult result) throws IOException {
		final PixelStatistics stats = result.statistics();
		final int f = ReportImages.factor(stats.width(), stats.height());
		out.write("<h2>Maps</h2>\n<p class=\"note\">" + (f > 1 ? "Downscaled " + f +
			"x (each point samples two pixels of its block). " : "") +
			"Every defect is marked by kind, a column or row segment by a box along it. Hover a " +
			"mark for " + "its details." + (result.defects().size() > MARKERS ? " Only the " + MARKERS +
				" strongest of " + result.defects().size() + " defects are marked." : "") + "</p>\n");
		legend(out);
		out.write("<div class=\"maps\">\n");
		for (final boolean variance : new boolean[]{ true, false }) {
			final BufferedImage img = ReportImages.map(result, f, variance);
			// small images are shown enlarged, pixel by pixel
			final int zoom = Math.max(1, Math.min(4, 480 / Math.max(img.getWidth(), img.getHeight())));
			out.write("<figure><div class=\"pic\"><img alt=\"" + (variance ? "variance" : "mean") +
				" map\"" + (zoom > 1 ? " class=\"px\"" : "") + " src=\"" + ReportImages.dataUri(img) +
				"\" width=\"" + img.getWidth() * zoom + "\" height=\"" + img.getHeight() * zoom + "\">");
			markers(out, result, f);
			out.write("</div><figcaption>" + (variance
				? "Variance over the series (log scale, channels averaged)" : "Mean over the series" +
					(stats.channels() == 3 ? " (in colour)" : "")) + "</figcaption></figure>\n");
		}
		out.write("</div>\n");
	}

	private static void legend(final Writer out) throws IOException {
		out.write("<p class=\"legend\">");
		for (final DefectKind k : DefectKind.values())
			out.write("<span><span class=\"sw\" style=\"background:" + colour(k.label()) + "\"></span>" +
				k.label() + "</span> ");
		out.write("</p>\n");
	}

	/** An SVG over the map in full-resolution coordinates, one mark per defect. */
	private static void markers(final Writer out, final FindResult result, final int f)
		throws IOException
	{
		final PixelStatistics stats = result.statistics();
		final StringBuilder sb = new StringBuilder(256 * Math.min(MARKERS, result.defects().size()) +
			256);
		sb.append("<svg class=\"marks\" viewBox=\"0 0 ").append(stats.width()).append(' ').append(stats
			.height()).append("\" preserveAspectRatio=\"none\">");
		final double r = 5.0 * f;
		int n = 0;
		for (final Defect d : result.defects()) {
			if (n++ >= MARKERS) break;
			final String colour = colour(d.kind() == null ? "unknown" : d.kind().label());
			sb.append("<g stroke=\"").append(colour).append("\"><title>").append(esc(describe(stats, d)))
				.append("</title>");
			if (d.kind() != null && d.kind().isLine() || d.xMax() - d.xMin() > 2 * r || d.yMax() - d
				.yMin() > 2 * r)
			{
				sb.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", d.xMin() - f * 1.5, d
						.yMin() - f * 1.5, d.xMax() - d.xMin() + 1 + 3.0 * f, d.yMax() - d.yMin() + 1 + 3.0 *
							f));
			}
			else sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", d
				.x() + 0.5, d.y() + 0.5, r));
			sb.append("</g>");
		}
		out.write(sb.append("</svg>").toString());
	}

	private static void crops(final Writer out, final FindResult result) throws IOException {
		final PixelStatistics stats = result.statistics();
		final List<Defect> defects = result.defects();
		if (defects.isEmpty()) return;
		final int n = Math.min(CROPS, defects.size());
		final int side = 2 * ReportImages.CROP_RADIUS + 1, zoom = 9;
		out.write("<h2>The " + (n == defects.size() ? n : "strongest " + n) + " defect" + (n == 1 ? ""
			: "s") + ", zoomed</h2>\n<p class=\"note\">Mean (left) and variance (right, log " +
			"scale) of " + side + "x" + side + " pixels around each defect, each crop scaled from the" +
			" darkest to the brightest pixel around the defect, so the defect itself saturates; the " +
			"box marks it.</p>\n<div class=\"crops\">\n");
		for (final Defect d : defects.subList(0, n)) {
			final int c = ReportImages.channelOf(stats, d);
			out.write("<div class=\"crop\">");
			for (final boolean variance : new boolean[]{ false, true }) {
				out.write("<div class=\"pic\"><img alt=\"" + (variance ? "variance" : "mean") + " around " +
					d.x() + "," + d.y() + "\" class=\"px\" src=\"" + ReportImages.dataUri(ReportImages.crop(
						stats, d, c, variance)) + "\" width=\"" + side * zoom + "\" height=\"" + side * zoom +
					"\">");
				final int x0 = Math.max(d.xMin(), d.x() - ReportImages.CROP_RADIUS) - d.x() +
					ReportImages.CROP_RADIUS;
				final int y0 = Math.max(d.yMin(), d.y() - ReportImages.CROP_RADIUS) - d.y() +
					ReportImages.CROP_RADIUS;
				final int x1 = Math.min(d.xMax(), d.x() + ReportImages.CROP_RADIUS) - d.x() +
					ReportImages.CROP_RADIUS;
				final int y1 = Math.min(d.yMax(), d.y() + ReportImages.CROP_RADIUS) - d.y() +
					ReportImages.CROP_RADIUS;
				out.write(String.format(Locale.ROOT, "<svg class=\"marks\" viewBox=\"0 0 %d %d\">" +
					"<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" stroke=\"%s\"/></svg></div>",
					side, side, x0 - 0.15, y0 - 0.15, x1 - x0 + 1.3, y1 - y0 + 1.3, colour(d.kind() == null
						? "unknown" : d.kind().label())));
			}
			out.write("<p>" + esc(describe(stats, d)) + (d.channel() == Defect.ALL_CHANNELS && stats
				.channels() > 1 ? " (crops: " + esc(channelLabel(stats, c)) + ")" : "") + "</p></div>\n");
		}
		out.write("</div>\n");
	}

	private static String describe(final PixelStatistics stats, final Defect d) {
		final StringBuilder sb = new StringBuilder();
		sb.append(d.kind() == null ? "defect" : d.kind().label()).append(" at ").append(d.x()).append(
			',').append(d.y());
		if (d.channel() != Defect.ALL_CHANNELS && stats.channels() > 1) sb.append(", ").append(
			channelLabel(stats, d.channel()));
		if (d.clusterSize() > 1) sb.append(String.format(Locale.ROOT, ", %d px (%d,%d to %d,%d)", d
			.clusterSize(), d.xMin(), d.yMin(), d.xMax(), d.yMax()));
		if (!Double.isNaN(d.score())) sb.append(String.format(Locale.ROOT, ", score %.1f", d.score()));
		if (!Double.isNaN(d.mean())) sb.append(String.format(Locale.ROOT, "; mean %s (neighbours %s)",
			num(d.mean()), num(d.neighbourMean())));
		if (!Double.isNaN(d.variance())) sb.append(String.format(Locale.ROOT,
			", variance %s (neighbours %s)", num(d.variance()), num(d.neighbourVariance())));
		return sb.toString();
	}

	private static void histograms(final Writer out, final PixelStatistics stats,
		final FindResult result, final double sigma) throws IOException
	{
		final ScoreHistogram h = ScoreHistogram.of(result);
		out.write("<h2>Scores of the whole population</h2>\n<p class=\"note\">" + String.format(
			Locale.ROOT, "%,d", h.sampled) + " sampled pixels: each one's mean and log variance " +
			"against the median of its 8 nearest same-" + (result.cfa() == null ? "channel" : "colour") +
			" neighbours, in robust standard deviations of the whole channel (count" +
			" on a log scale). The dashed lines are the threshold, " + num(sigma) + ". The detector " +
			"itself compares with a 5x5 neighbourhood and local scales, so this is the shape of the " +
			"population and its tails, not the decision for each pixel.</p>\n<div class=\"hists\">");
		out.write(ScoreHistogram.svg(h.meanCounts, sigma, "mean score (" + ScoreHistogram.beyond(
			h.meanCounts, sigma) + " sampled pixels beyond the threshold)"));
		out.write(ScoreHistogram.svg(h.varianceCounts, sigma, "log variance score (" + ScoreHistogram
			.beyond(h.varianceCounts, sigma) + " beyond)"));
		out.write("</div>\n");
	}

	private static void settings(final Writer out, final FindResult result, final double sigma)
		throws IOException
	{
		final PixelStatistics stats = result.statistics();
		final FindOptions o = result.options();
		final Map<String, String> rows = new LinkedHashMap<>();
		final String version = HtmlReport.class.getPackage().getImplementationVersion();
		rows.put("version", "Hot Pixel Finder " + (version == null ? "(development build)" : version));
		final SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
		iso.setTimeZone(TimeZone.getTimeZone("UTC"));
		rows.put("written", iso.format(new Date()));
		rows.put("frames", Long.toString(stats.frameCount()));
		rows.put("image", stats.shapeLabel());
		rows.put("threshold (sigma)", num(sigma) + (o == null ? " (assumed: the default)" : ""));
		if (o != null) {
			rows.put("lowest-variance ranking (top N)", Integer.toString(o.topN));
			rows.put("threads", Integer.toString(o.threads));
			rows.put("skip bad frames", Boolean.toString(o.skipBadFrames));
		}
		rows.put("colour filter pattern", result.cfa() == null ? "none (not a raw mosaic)" : result
			.cfa().toString());
		rows.put("frames left out", Integer.toString(result.skipped().size()));
		rows.put("Java", System.getProperty("java.version", "?"));
		out.write("<h2>Settings</h2>\n<table class=\"settings\">");
		for (final Map.Entry<String, String> e : rows.entrySet())
			out.write("<tr><th>" + esc(e.getKey()) + "</th><td>" + esc(e.getValue()) + "</td></tr>");
		out.write("</table>\n");
		if (!result.skipped().isEmpty()) {
			out.write("<details><summary>Frames left out</summary><ul>");
			for (final String s : result.skipped())
				out.write("<li>" + esc(s) + "</li>");
			out.write("</ul></details>\n");
		}
	}

	/** The mark colour of a kind (also of the overlay in ImageJ where they share kinds). */
	static String colour(final String kind) {
		switch (kind) {
			case "hot" :
				return "#ff3b30";
			case "stuck" :
				return "#ffd60a";
			case "dead" :
				return "#3a7bff";
			case "cold" :
				return "#30d5f0";
			case "column" :
				return "#ff4fd8";
			case "row" :
				return "#ff9f0a";
			default :
				return "#aaaaaa";
		}
	}

	private static String num(final double v) {
		if (Double.isNaN(v)) return "?";
		if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
		return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3g", v);
	}

	/** HTML text escaping. */
	static String esc(final String s) {
		final StringBuilder sb = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			final char ch = s.charAt(i);
			switch (ch) {
				case '<' :
					sb.append("&lt;");
					break;
				case '>' :
					sb.append("&gt;");
					break;
				case '&' :
					sb.append("&amp;");
					break;
				case '"' :
					sb.append("&quot;");
					break;
				default :
					sb.append(ch);
			}
		}
		return sb.toString();
	}

	private static final String CSS = String.join("\n", //
		"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;" +
			"max-width:1960px;padding:0 20px;background:#16181c;color:#e6e6e6}",
		"h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px " +
			"solid #333;padding-bottom:4px}",
		".sub{color:#b8b8b8;margin:0}.note{color:#a0a0a0;max-width:960px}.foot{color:#777;" +
			"margin-top:32px}",
		"table{border-collapse:collapse}th,td{padding:3px 10px;text-align:right;border-bottom:1px " +
			"solid #2b2e34}th{color:#bbb;font-weight:600}td:first-child,th:first-child{text-align:left}",
		".settings th{text-align:left}.settings td{text-align:left}.tot td{border-top:1px solid #555}",
		".sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}",
		".legend span{margin-right:14px}",
		".maps{display:flex;flex-wrap:wrap;gap:18px}figure{margin:0}figcaption{color:#aaa;" +
			"margin-top:4px}",
		".pic{position:relative;display:inline-block;line-height:0}.pic img{display:block;" +
			"max-width:100%;height:auto;background:#000}",
		"svg.marks{position:absolute;left:0;top:0;width:100%;height:100%;overflow:visible;" +
			"pointer-events:none}svg.marks *{fill:none;stroke-width:1.6px;" +
			"vector-effect:non-scaling-stroke;pointer-events:visibleStroke}",
		"img.px{image-rendering:pixelated;image-rendering:crisp-edges}",
		".crops{display:flex;flex-wrap:wrap;gap:14px}.crop{background:#1f2227;padding:8px;" +
			"border-radius:6px;width:282px}.crop .pic{margin-right:8px}.crop .pic:last-of-type{" +
			"margin-right:0}.crop p{margin:6px 0 0;font-size:12px;color:#ccc;line-height:1.35}",
		".hists{display:flex;flex-wrap:wrap;gap:18px}svg.hist{background:#1f2227;border-radius:6px}",
		"svg.hist .bi{fill:#6b8fd6}svg.hist .bo{fill:#ff6b5e}svg.hist .ax{stroke:#777}" +
			"svg.hist .th{stroke:#ffd60a;stroke-dasharray:4 3}svg.hist text{fill:#bbb;font-size:11px}",
		"svg.hist .tk{text-anchor:middle}svg.hist .ty{text-anchor:end}svg.hist .tl{text-anchor:start;" +
			"fill:#ffd60a}svg.hist .ht{font-size:12px;fill:#ddd}", "");
}
