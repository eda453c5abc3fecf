package org.hotpixels.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;

/**
 * Compares detected defects with the planted ones. A planted pixel is found when a detection's
 * bounding box (or peak) lies within {@code tolerance} pixels of it (Chebyshev distance; use 1
 * for lossless series, 2 for JPEG, whose blocks smear a defect) and, when channels are checked,
 * in a compatible channel ({@link Defect#ALL_CHANNELS} on either side fits every channel). A
 * planted column segment is found when a detection overlaps it, within the same tolerance.
 * Detections that match no planted defect are false positives.
 * <p>
 * Recall = found / planted; precision = detections matching something / detections (a cluster
 * covering two planted pixels counts once, and several detections of one planted defect, e.g.
 * one per channel, are all true). With nothing planted recall is 1; with nothing detected
 * precision is 1.
 *
 * <pre>{@code
 * Evaluation e = Evaluation.compare(series.planted(), detected);        // tolerance 1, channels
 * Evaluation j = Evaluation.compare(series.planted(), detected, 2, false); // JPEG
 * System.out.println(e.summary());
 * }</pre>
 */
public final class Evaluation {

	/** Tolerance for lossless series. */
	public static final int LOSSLESS_TOLERANCE = 1;
	/** Tolerance for JPEG series. */
	public static final int JPEG_TOLERANCE = 2;

	private final List<PlantedDefect> planted;
	private final List<Defect> detected;
	private final int tolerance;
	private final boolean checkChannels;
	private final List<PlantedDefect> found = new ArrayList<>();
	private final List<PlantedDefect> missed = new ArrayList<>();
	private final List<Defect> falsePositives = new ArrayList<>();
	private final List<Defect> bestMatch = new ArrayList<>();
	private int kindAgreements;

	private Evaluation(final List<PlantedDefect> planted, final List<Defect> detected,
		final int tolerance, final boolean checkChannels)
	{
		this.planted = Collections.unmodifiableList(new ArrayList<>(planted));
		this.detected = Collections.unmodifiableList(new ArrayList<>(detected));
		this.tolerance = tolerance;
		this.checkChannels = checkChannels;
		final boolean[] matched = new boolean[detected.size()];
		for (final PlantedDefect p : planted) {
			Defect best = null;
			long bestDistance = Long.MAX_VALUE;
			for (int i = 0; i < this.detected.size(); i++) {
				final Defect d = this.detected.get(i);
				if (!matches(p, d)) continue;
				matched[i] = true;
				final long distance = peakDistance(p, d);
				if (distance < bestDistance) {
					best = d;
					bestDistance = distance;
				}
			}
			if (best == null) missed.add(p);
			else {
				found.add(p);
				bestMatch.add(best);
				if (best.kind() == p.kind()) kindAgreements++;
			}
		}
		for (int i = 0; i < matched.length; i++)
			if (!matched[i]) falsePositives.add(this.detected.get(i));
	}

	/** Compares with the lossless tolerance (1 pixel), checking channels. */
	public static Evaluation compare(final List<PlantedDefect> planted, final List<Defect> detected) {
		return compare(planted, detected, LOSSLESS_TOLERANCE, true);
	}

	/**
	 * Compares as suits series written in {@code format}: lossless with tolerance 1 and channels
	 * checked; JPEG with tolerance 2 and channels ignored, since 4:2:0 chroma subsampling turns a
	 * one-channel defect into a smear in every decoded channel.
	 */
	public static Evaluation forFormat(final List<PlantedDefect> planted, final List<Defect> detected,
		final OutputFormat format)
	{
		return format.isLossy() ? compare(planted, detected, JPEG_TOLERANCE, false) : compare(planted,
			detected, LOSSLESS_TOLERANCE, true);
	}

	/** Compares with the given tolerance in pixels, checking channels or not. */
	public static Evaluation compare(final List<PlantedDefect> planted, final List<Defect> detected,
		final int tolerance, final boolean checkChannels)
	{
		if (tolerance < 0) throw new IllegalArgumentException("Negative tolerance " + tolerance);
		return new Evaluation(planted, detected, tolerance, checkChannels);
	}

	private boolean matches(final PlantedDefect p, final Defect d) {
		if (checkChannels && p.channel() != Defect.ALL_CHANNELS && d.channel() != Defect.ALL_CHANNELS &&
			p.channel() != d.channel()) return false;
		final long boxGap = gap(p, d.xMin(), d.yMin(), d.xMax(), d.yMax());
		return Math.min(boxGap, gap(p, d.x(), d.y(), d.x(), d.y())) <= tolerance;
	}

	/** Chebyshev gap between the planted pixels and a rectangle (0 if they overlap). */
	private static long gap(final PlantedDefect p, final int xMin, final int yMin, final int xMax,
		final int yMax)
	{
		final long dx = Math.max(0, Math.max((long) xMin - p.x(), (long) p.x() - xMax));
		final long dy = Math.max(0, Math.max((long) yMin - p.yEnd(), (long) p.y() - yMax));
		return Math.max(dx, dy);
	}

	private static long peakDistance(final PlantedDefect p, final Defect d) {
		return gap(p, d.x(), d.y(), d.x(), d.y());
	}

	/** Planted defects found (true positives). */
	public int truePositives() {
		return found.size();
	}

	/** Planted defects not found. */
	public int falseNegatives() {
		return missed.size();
	}

	/** Detections matching no planted defect. */
	public int falsePositives() {
		return falsePositives.size();
	}

	/** Detections matching at least one planted defect. */
	public int matchedDetections() {
		return detected.size() - falsePositives.size();
	}

	/** Found / planted, 1 when nothing was planted. */
	public double recall() {
		return planted.isEmpty() ? 1 : found.size() / (double) planted.size();
	}

	/** Matching detections / detections, 1 when nothing was detected. */
	public double precision() {
		return detected.isEmpty() ? 1 : matchedDetections() / (double) detected.size();
	}

	/** Harmonic mean of recall and precision. */
	public double f1() {
		final double r = recall(), p = precision();
		return r + p == 0 ? 0 : 2 * r * p / (r + p);
	}

	/** Found defects whose closest detection has the same kind. */
	public int kindAgreements() {
		return kindAgreements;
	}

	/** {@link #kindAgreements()} / found, 1 when nothing was found. */
	public double kindAgreement() {
		return found.isEmpty() ? 1 : kindAgreements / (double) found.size();
	}

	/** The planted defects found, in planted order. */
	public List<PlantedDefect> found() {
		return Collections.unmodifiableList(found);
	}

	/** For each of {@link #found()}, the matching detection whose peak is closest. */
	public List<Defect> closestMatches() {
		return Collections.unmodifiableList(bestMatch);
	}

	/** The planted defects missed, in planted order. */
	public List<PlantedDefect> missed() {
		return Collections.unmodifiableList(missed);
	}

	/** The detections matching nothing planted, in detection order. */
	public List<Defect> unmatchedDetections() {
		return Collections.unmodifiableList(falsePositives);
	}

	/** Recall of each planted kind: found / planted of that kind. */
	public Map<DefectKind, Double> recallByKind() {
		final Map<DefectKind, int[]> counts = new EnumMap<>(DefectKind.class);
		for (final PlantedDefect p : planted)
			counts.computeIfAbsent(p.kind(), k -> new int[2])[1]++;
		for (final PlantedDefect p : found)
			counts.get(p.kind())[0]++;
		final Map<DefectKind, Double> recall = new EnumMap<>(DefectKind.class);
		counts.forEach((k, c) -> recall.put(k, c[0] / (double) c[1]));
		return recall;
	}

	/** Found and planted counts per label ("hot", "faint hot", "hot column"), in planted order. */
	public Map<String, int[]> countsByLabel() {
		final Map<String, int[]> counts = new LinkedHashMap<>();
		for (final PlantedDefect p : planted)
			counts.computeIfAbsent(p.label(), k -> new int[2])[1]++;
		for (final PlantedDefect p : found)
			counts.get(p.label())[0]++;
		return counts;
	}

	/** One paragraph for people: counts, recall, precision, kinds, labels, what was missed. */
	public String summary() {
		final StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT,
			"Found %d of %d planted defects (recall %.1f%%); %d of %d detections match a planted " +
				"defect (precision %.1f%%), %d false positives. ", found.size(), planted.size(), 100 *
					recall(), matchedDetections(), detected.size(), 100 * precision(), falsePositives
						.size()));
		if (!found.isEmpty()) s.append(String.format(Locale.ROOT,
			"The kind agrees for %d of %d found. ", kindAgreements, found.size()));
		if (!planted.isEmpty()) {
			s.append("By label:");
			String sep = " ";
			for (final Map.Entry<String, int[]> e : countsByLabel().entrySet()) {
				s.append(sep).append(e.getKey()).append(' ').append(e.getValue()[0]).append('/').append(e
					.getValue()[1]);
				sep = ", ";
			}
			s.append(". ");
		}
		if (!missed.isEmpty()) s.append("Missed: ").append(list(missed)).append(". ");
		s.append(String.format(Locale.ROOT, "Tolerance %d px, channels %s.", tolerance, checkChannels
			? "checked" : "ignored"));
		return s.toString();
	}

	private static String list(final List<?> items) {
		final int shown = Math.min(items.size(), 8);
		final StringBuilder s = new StringBuilder();
		for (int i = 0; i < shown; i++)
			s.append(i == 0 ? "" : "; ").append(items.get(i));
		if (items.size() > shown) s.append("; and ").append(items.size() - shown).append(" more");
		return s.toString();
	}

	@Override
	public String toString() {
		return summary();
	}
}
