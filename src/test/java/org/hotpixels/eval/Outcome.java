package org.hotpixels.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.Defect;

/**
 * The result of one find on one evaluation series: a Markdown table row, and the details behind
 * it (recall per label, missed defects, kind disagreements, every false positive with its
 * statistics against its neighbours).
 */
final class Outcome {

	final String data, format;
	final int frames;
	final Evaluation evaluation;
	final double seconds;

	Outcome(final String data, final int frames, final String format, final Evaluation evaluation,
		final double seconds)
	{
		this.data = data;
		this.frames = frames;
		this.format = format;
		this.evaluation = evaluation;
		this.seconds = seconds;
	}

	/**
	 * The table header; with {@code controlled}, a column of the recall of the planted defects
	 * other than the random population (whose faint members no detector can find).
	 */
	static String header(final boolean controlled) {
		return "| data | frames | format | planted | detections | found | recall | " + (controlled
			? "recall w/o population | " : "") + "precision | kind agreement | FPs | find s |\n" +
			"|---|---:|---|---:|---:|---:|---:|" + (controlled ? "---:|" : "") + "---:|---:|---:|---:|\n";
	}

	String row(final boolean controlled) {
		final Evaluation e = evaluation;
		final int planted = e.truePositives() + e.falseNegatives();
		return String.format(Locale.ROOT,
			"| %s | %d | %s | %d | %d | %d | %s | %s%s | %s | %d | %.1f |%n", data, frames, format,
			planted, e.matchedDetections() + e.falsePositives(), e.truePositives(), planted == 0 ? "–"
				: percent(e.recall()), controlled ? controlledRecall() + " | " : "", percent(e.precision()),
			e.truePositives() == 0 ? "–" : e.kindAgreements() + "/" + e.truePositives(), e
				.falsePositives(), seconds);
	}

	/** Found/planted and percent of the planted defects whose label is not a population bin. */
	private String controlledRecall() {
		int found = 0, planted = 0;
		for (final Map.Entry<String, int[]> l : evaluation.countsByLabel().entrySet())
			if (!l.getKey().startsWith("population")) {
				found += l.getValue()[0];
				planted += l.getValue()[1];
			}
		return planted == 0 ? "–" : String.format(Locale.ROOT, "%d/%d = %s", found, planted, percent(
			found / (double) planted));
	}

	/** Recall per label as "label found/planted" items. */
	String labels() {
		final StringBuilder s = new StringBuilder();
		for (final Map.Entry<String, int[]> l : evaluation.countsByLabel().entrySet())
			s.append(s.length() == 0 ? "" : ", ").append(l.getKey()).append(' ').append(l.getValue()[0])
				.append('/').append(l.getValue()[1]);
		return s.toString();
	}

	/** The details as Markdown: labels, misses (up to {@code maxMissed}), kinds, false positives. */
	String details(final int maxMissed) {
		final StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "#### %s, %d frames, %s%n%n", data, frames, format));
		if (!evaluation.countsByLabel().isEmpty()) s.append("Found/planted by label: ").append(labels())
			.append(".\n\n");
		final List<PlantedDefect> missed = evaluation.missed();
		int shown = 0;
		final StringBuilder m = new StringBuilder();
		for (final PlantedDefect p : missed)
			if (!p.label().startsWith("population") && shown++ < maxMissed) m.append(m.length() == 0 ? ""
				: "; ").append(p.label()).append(String.format(Locale.ROOT, " (%d,%d%s) %s", p.x(), p.y(), p
					.isColumnSegment() ? ".." + p.yEnd() : "", value(p)));
		if (m.length() > 0) s.append("Missed (population members left out): ").append(m).append(
			shown > maxMissed ? "; and " + (shown - maxMissed) + " more" : "").append(".\n\n");
		final StringBuilder k = new StringBuilder();
		for (int i = 0; i < evaluation.found().size(); i++) {
			final PlantedDefect p = evaluation.found().get(i);
			final Defect d = evaluation.closestMatches().get(i);
			if (p.kind() != d.kind()) k.append(k.length() == 0 ? "" : "; ").append(String.format(
				Locale.ROOT, "%s %s (%d,%d) found as %s ch %s (mean %.1f var %.1f, neighbours %.1f / " +
					"%.1f, min %.0f max %.0f)", p.label(), value(p), p.x(), p.y(), d.kind(), channel(d), d
						.mean(), d.variance(), d.neighbourMean(), d.neighbourVariance(), d.min(), d.max()));
		}
		if (k.length() > 0) s.append("Kind disagreements: ").append(k).append(".\n\n");
		final List<Defect> fps = evaluation.unmatchedDetections();
		if (!fps.isEmpty()) {
			s.append("False positives:\n\n| x | y | ch | kind | score | mean | variance | " +
				"neighbour mean | neighbour var | min | max | cluster | box |\n" +
				"|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
			for (final Defect d : fps.subList(0, Math.min(fps.size(), 25)))
				s.append(String.format(Locale.ROOT,
					"| %d | %d | %s | %s | %.1f | %.1f | %.2f | %.1f | %.2f | %.0f | %.0f | %d | %d,%d–%d,%d |%n",
					d.x(), d.y(), channel(d), d.kind(), d.score(), d.mean(), d.variance(), d.neighbourMean(),
					d.neighbourVariance(), d.min(), d.max(), d.clusterSize(), d.xMin(), d.yMin(), d.xMax(), d
						.yMax()));
			if (fps.size() > 25) s.append("| … ").append(fps.size() - 25).append(" more |\n");
			s.append('\n');
		}
		return s.toString();
	}

	private static String value(final PlantedDefect p) {
		switch (p.kind()) {
			case STUCK :
				return String.format(Locale.ROOT, "=%.0f", p.value());
			case HOT :
				return String.format(Locale.ROOT, "+%.0f", p.value());
			case COLD :
				return String.format(Locale.ROOT, "x%.2f", p.value());
			default :
				return "";
		}
	}

	private static String channel(final Defect d) {
		return d.channel() == Defect.ALL_CHANNELS ? "all" : Integer.toString(d.channel());
	}

	static String percent(final double v) {
		return String.format(Locale.ROOT, "%.1f%%", 100 * v);
	}
}
