package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * Turns per-pixel statistics into defects, plane by plane (each channel; each colour site of a
 * raw mosaic). Scores are in robust standard deviations of the plane's normal population:
 * <ul>
 * <li><b>hot</b> / <b>cold</b>: the mean score of {@link PlaneScores} (the pixel's mean spatial
 * residual as a t-statistic over its temporal error, weighed against the spread of its ring of
 * neighbours, standing out in every direction) above {@code sigma} or below {@code -sigma}. Where
 * the plane's own population shows many more outliers on one side than on the other (a dark
 * frame's hot pixels), the threshold of that side goes down to 3/4 {@code sigma} as long as the
 * mirrored side predicts a precision of 97% or more, and so do, where the scene is fixed, the
 * flags refused because their variance does not carry the shot noise of their extra signal (a
 * faint hot pixel's extra dark current is Poisson; the normal population's own tail, skewed by
 * dark-current non-uniformity, passes that test about as often as it fails it). Below
 * {@code sigma} such refused flags are not hot. On a plane of dark frames ({@link MasterDark})
 * the mean score is the pixel's departure from the mean of its 24 neighbours (outliers left
 * out), column and row offsets taken off, over the local spread of departures, and the
 * threshold goes down as far as the fitted tail of all the plane's departures predicts at most
 * 3% false (not where the local spread is far above the typical one: amplifier glow);</li>
 * <li><b>stuck</b>: variance score below -sigma and variance under 40% of the neighbours' (with
 * few frames less, so that chance alone makes it as unlikely as a sigma event); a pixel flagged
 * by its mean is stuck with half that variance score. A clipped bright pixel is hot, and a dim
 * pixel whose variance shrank with its signal is cold. In colour frames also a pixel whose
 * variance is low in one channel only, against its neighbours' and against its other channels'
 * ({@link CrossChannel}: 4:2:0 JPEG leaves such a pixel most of its neighbours' variation);</li>
 * <li><b>dead</b>: a stuck or cold pixel at the black level of its channel (the 0.1% quantile of
 * the pixel minima: zero for photographs, the bias for dark frames), within its noise, and never
 * reaching halfway to its neighbours' mean;</li>
 * <li><b>column</b> / <b>row</b>: a segment found by {@link LineDetector} (score: summed
 * departure over the square root of its length), reported once with its extent; point flags on
 * it are absorbed.</li>
 * </ul>
 * Flagged pixels that touch (8-connected, across channels) merge into one {@link Defect} at the
 * strongest pixel, so a defect smeared by JPEG over its neighbours is reported once; its channel
 * is the one the evidence points to, "all" only where several channels depart alike.
 *
 * <pre>{@code
 * List<Defect> defects = new DefectDetector(DefectDetector.DEFAULT_SIGMA, null).detect(stats, progress);
 * }</pre>
 */
public final class DefectDetector {

	/** Default threshold, in robust standard deviations. */
	public static final double DEFAULT_SIGMA = 6;
	/**
	 * Part of the threshold that the variance score of a pixel flagged by its mean must reach
	 * (with a variance under 40% of the neighbours') for the pixel to be called stuck: JPEG's
	 * chroma subsampling mixes the neighbours' variation back into a stuck pixel.
	 */
	static final double STUCK_KIND_FRACTION = 0.5;
	/**
	 * A pixel clipped at the top most of the time has its mean within this many of its standard
	 * deviations of the top; a stuck pixel that JPEG ringing lifts to the top now and then is
	 * further down.
	 */
	static final double SATURATED_SPREAD = 1.5;
	/** Lowest mean threshold, as a part of sigma, that a one-sided population can earn. */
	static final double LOWEST_THRESHOLD = 0.75;
	/**
	 * On a dark, how far (in local spreads of the departures) the neighbours of a point may carry
	 * on its departure beyond what {@link PlaneScores#sharp} allows: the noise of the two medians
	 * of four that the test compares, which would otherwise refuse a faint hot pixel one time in
	 * three; a smooth structure (amplifier glow) departs by much more.
	 */
	static final double SHARP_TOLERANCE = 1.5;
	/**
	 * On a dark, a point whose neighbours along a column or row depart the same way by this many
	 * local spreads (their median) is part of a segment, not a point defect.
	 */
	static final double LINE_LEVEL = 2;
	/** Largest share of false detections that the mirrored tail may predict at a lowered threshold. */
	static final double FALSE_SHARE = 0.03;
	/**
	 * The same for a dark's fitted tail ({@link MasterDark#tailCount}): its predicted chance ones
	 * come on top of the few false ones that no threshold removes (at a dark's edges and in its
	 * glow), so 2%, which kept every unseen warm and plain seed at 97% precision or more where 3%
	 * let four of nine fall to 96.9-97.9%.
	 */
	static final double DARK_FALSE_SHARE = 0.02;

	private final double sigma;
	private final CfaPattern cfa;

	/**
	 * @param sigma detection threshold in robust standard deviations (lower finds fainter defects
	 *          and more false ones)
	 * @param cfa colour filter pattern of a raw sensor mosaic, or null for ordinary images
	 */
	public DefectDetector(final double sigma, final CfaPattern cfa) {
		if (!(sigma > 0) || Double.isInfinite(sigma)) throw new IllegalArgumentException(
			"sigma must be positive and finite: " + sigma);
		this.sigma = sigma;
		this.cfa = cfa;
	}

	/** Finds the defects; fewer than two frames give no variance and so no defects. */
	public List<Defect> detect(final PixelStatistics stats, final Progress progress) {
		final List<Candidate> candidates = new ArrayList<>();
		final List<Defect> lines = new ArrayList<>();
		if (stats.frameCount() < 2) return new ArrayList<>();
		final int step = cfa == null ? 1 : 2;
		final int total = stats.channels() * step * step;
		int done = 0;
		// stuck values confined to one channel of colour frames: decided once every channel is
		// scored, from enough frames
		final CrossChannel crossChannel = stats.type() == PixelType.RGB && cfa == null && stats
			.frameCount() >= CrossChannel.LEAST_FRAMES ? new CrossChannel(stats) : null;
		for (int c = 0; c < stats.channels(); c++)
			for (int site = 0; site < step * step; site++) {
				progress.checkCancelled();
				progress.progress(done++, total, "Scoring pixels");
				final PlaneScores plane = new PlaneScores(stats, c, site % step, site / step, step, sigma,
					progress);
				flag(plane, candidates, crossChannel, progress);
				if (crossChannel != null) crossChannel.keep(plane);
				for (final LineDetector.Segment s : LineDetector.find(plane, sigma))
					lines.add(toDefect(plane, s));
			}
		if (crossChannel != null) candidates.addAll(crossChannel.confirmed(sigma));
		progress.progress(total, total, "Clustering " + candidates.size() + " flagged pixels");
		final List<Defect> merged = Lines.merge(lines, stats.channels());
		final List<Candidate> points = new ArrayList<>();
		for (final Candidate c : candidates)
			if (!Lines.covers(merged, c.x, c.y)) points.add(c);
		final List<Defect> defects = new Clusters(stats).merge(points);
		defects.addAll(merged);
		defects.sort(Comparator.comparingDouble(Defect::score).reversed());
		return defects;
	}

	/** One flagged pixel before kinds are decided: its plane index and scores. */
	private static final class Flag {

		final int px, py;
		final float zMean, zVar;
		/** Spread of the t-statistics around the pixel, in temporal errors. */
		final double ring;
		/**
		 * False where a fixed scene's pixel departs in mean without the matching change of
		 * variance ({@link #poissonExcess}): such flags do not count for the lowered threshold.
		 */
		boolean noiseFollows = true;

		Flag(final int px, final int py, final float zMean, final float zVar, final double ring) {
			this.px = px;
			this.py = py;
			this.zMean = zMean;
			this.zVar = zVar;
			this.ring = ring;
		}
	}

	private void flag(final PlaneScores plane, final List<Candidate> out,
		final CrossChannel crossChannel, final Progress progress)
	{
		final double low = LOWEST_THRESHOLD * sigma;
		final List<Flag> flags = new ArrayList<>();
		final MasterDark dark = MasterDark.of(plane, sigma, progress);
		final List<int[]> quietInChannel = new ArrayList<>();
		plane.forEachBand(progress, (py, buffer) -> {
			final List<Flag> row = new ArrayList<>();
			final java.util.function.IntConsumer visit = px -> {
				final boolean quietInItsChannel = crossChannel != null && CrossChannel.tests(plane
					.channel()) && plane.channelVarianceScore(px, py) <= -sigma;
				if (quietInItsChannel) synchronized (quietInChannel) {
					quietInChannel.add(new int[]{ px, py });
				}
				final float zVar = plane.varianceScore(px, py);
				final boolean meanCandidate = dark != null ? Math.abs(dark.score(px, py)) >= low : Math.abs(
					plane.meanScreen(px, py)) >= low;
				if (!meanCandidate && !(zVar <= -sigma)) return;
				// the ring costs most: not for a pixel whose mean score cannot reach the threshold
				if (dark == null && !(zVar <= -sigma) && !(plane.meanScoreBound(px, py) >= low * (1 -
					1e-6))) return;
				final double ring = plane.ringSpread(px, py);
				final float zMean;
				if (!meanCandidate) zMean = 0;
				else if (dark == null) zMean = plane.meanScore(px, py, ring);
				else zMean = plane.standsOutEveryWay(px, py) && plane.sharp(px, py, SHARP_TOLERANCE * dark
					.spreadAt(px, py)) && !dark.onLine(px, py, LINE_LEVEL) ? dark.score(px, py) : 0;
				if (!(Math.abs(zMean) >= low || zVar <= -sigma)) return;
				row.add(new Flag(px, py, zMean, Float.isNaN(zVar) ? 0 : zVar, ring));
			};
			if (dark == null) plane.forEachCandidate(py, low, sigma, visit);
			else {
				final boolean[] seen = new boolean[plane.width()];
				plane.forEachCandidate(py, low, sigma, px -> {
					seen[px] = true;
					visit.accept(px);
				});
				for (int px = 0; px < plane.width(); px++)
					if (!seen[px] && Math.abs(dark.score(px, py)) >= low) visit.accept(px);
			}
			if (!row.isEmpty()) synchronized (flags) {
				flags.addAll(row);
			}
		});
		for (final Flag f : flags) {
			final int i = f.py * plane.width() + f.px;
			if (dark == null && f.zMean != 0 && Math.abs(f.zMean) < sigma && plane.fixedScene(i))
				f.noiseFollows = poissonExcess(plane, i, plane.mean(i) - plane.neighbourMean(f.px, f.py),
					plane.neighbourVariance(f.px, f.py));
		}
		final double hotThreshold = threshold(flags, 1, dark), coldThreshold = threshold(flags, -1,
			dark);
		final Set<Integer> flagged = new HashSet<>();
		for (final Flag f : flags) {
			final int px = f.px, py = f.py, i = py * plane.width() + px;
			final double resLogVar = plane.logVarResidual(px, py);
			final float zMean = f.zMean, zVar = f.zVar;
			// a dark's lowered threshold holds where its plane-wide tail does: not in a region whose
			// pattern spreads far more (amplifier glow), where the tail is heavier
			final boolean typical = dark == null || dark.typicalSpread(px, py);
			boolean hot = zMean >= (typical ? hotThreshold : sigma);
			boolean cold = zMean <= -(typical ? coldThreshold : sigma);
			boolean lowVariance = resLogVar < PlaneScores.STUCK_LOG_RATIO;
			boolean quiet = zVar <= -sigma && lowVariance && (resLogVar < plane.stuckLogRatio(px, py) ||
				constantAmongVarying(plane, i, resLogVar));
			final double neighbourMean = plane.neighbourMean(px, py);
			final double max = plane.max(px, py);
			final boolean fixed = plane.fixedScene(i);
			if (fixed || f.ring >= PlaneScores.TEXTURED_RING) {
				// a fixed scene: variances follow the noise model, not the neighbours' (which
				// differ across every edge)
				final double noise = plane.noiseScore(i);
				lowVariance = plane.noiseRatio(i) < Math.exp(PlaneScores.STUCK_LOG_RATIO);
				// a variance below the model's as rare as a sigma event for the frames' degrees of
				// freedom: the log of a chi-square's lower tail is far longer than a normal's with
				// few frames (with 12, the normal bound let 26 chance pixels of 4 million through)
				final boolean belowModel = plane.belowNoiseModel(i);
				quiet = lowVariance && belowModel;
				if (fixed && f.ring >= PlaneScores.TEXTURED_RING) {
					// a fixed textured scene: its details stand out as much as any defect; only a
					// variance off the noise model (or a pixel at the black level) tells one
					// (a pixel-independent pattern such as dark-current non-uniformity is no
					// scene: there a mean that stands out is evidence enough)
					final boolean revealed = noise >= sigma || belowModel || cold && dead(plane, i, max,
						neighbourMean) || plane.ringCorrelation(px, py) <= PlaneScores.WHITE_CORRELATION;
					hot &= revealed;
					cold &= revealed;
				}
			}
			// a point defect departs from the median of its 5x5 neighbours as from its four
			// nearest; between two fine lines of a scene it does not
			final double departure = plane.mean(i) - neighbourMean;
			final boolean consistent = Math.signum(departure) == Math.signum(plane.resMean(i)) && Math
				.abs(departure) >= 0.5 * Math.abs(plane.resMean(i));
			hot &= consistent;
			cold &= consistent;
			if (hot && zMean < sigma) hot = f.noiseFollows;
			if (!quiet && !hot && !cold) continue;
			// a pixel flagged by its mean needs less evidence of a low variance to be stuck
			final boolean stuck = quiet || lowVariance && zVar <= -STUCK_KIND_FRACTION * sigma;
			final DefectKind kind;
			final double score;
			if (stuck && !(hot && saturated(plane, i, max)) && !(cold && proportional(plane, i, resLogVar,
				neighbourMean)))
			{
				kind = dead(plane, i, max, neighbourMean) ? DefectKind.DEAD : DefectKind.STUCK;
				score = Math.max(-zVar, Math.abs(zMean));
			}
			else if (hot) {
				kind = DefectKind.HOT;
				score = zMean;
			}
			else if (cold) {
				kind = dead(plane, i, max, neighbourMean) ? DefectKind.DEAD : DefectKind.COLD;
				score = -zMean;
			}
			else continue;
			flagged.add(i);
			out.add(new Candidate(plane.imageX(px), plane.imageY(py), plane.channel(), kind, score,
				neighbourMean, plane.neighbourVariance(px, py)));
		}
		if (crossChannel != null) propose(plane, quietInChannel, flagged, crossChannel);
	}

	/**
	 * Proposes to {@code crossChannel} the pixels whose variance is low in this channel against
	 * their neighbours' ({@link PlaneScores#channelVarianceScore}), under 90% of it and beyond
	 * chance, and not flagged otherwise; fixed scenes are left to the noise model.
	 */
	private static void propose(final PlaneScores plane, final List<int[]> quiet,
		final Set<Integer> flagged, final CrossChannel crossChannel)
	{
		quiet.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
		for (final int[] p : quiet) {
			final int px = p[0], py = p[1], i = py * plane.width() + px;
			if (flagged.contains(i) || plane.fixedScene(i)) continue;
			final double resLogVar = plane.channelLogVarResidual(px, py);
			if (!(resLogVar < Math.min(CrossChannel.ONE_CHANNEL_LOG_RATIO, plane.channelChanceLogRatio(px,
				py)))) continue;
			final double neighbourMean = plane.neighbourMean(px, py);
			final DefectKind kind = dead(plane, i, plane.max(px, py), neighbourMean) ? DefectKind.DEAD
				: DefectKind.STUCK;
			crossChannel.propose(new Candidate(plane.imageX(px), plane.imageY(py), plane.channel(), kind,
				-plane.channelVarianceScore(px, py), neighbourMean, plane.neighbourVariance(px, py)));
		}
	}

	/**
	 * The mean threshold of one side ({@code sign} 1 hot, -1 cold): {@code sigma}, or lower
	 * (down to {@link #LOWEST_THRESHOLD} sigma) where the flags beyond it on this side outnumber
	 * those between it and sigma on the mirrored side (the normal population's tail; beyond sigma
	 * there are that side's defects) so much that at most {@link #FALSE_SHARE} of them can be
	 * chance; the flags of this side refused by {@link #poissonExcess} count as chance too (the
	 * mirror cannot predict a skewed tail, the refused share of this side's own flags can). On a
	 * dark ({@code dark} not null) the chance ones are those that the fitted tail of the plane's
	 * own departures puts beyond ({@link MasterDark#tailCount}): every pixel of the plane tells
	 * the shape of that tail, skew included, where the flags near the threshold are too few.
	 */
	private double threshold(final List<Flag> flags, final int sign, final MasterDark dark) {
		final List<Float> same = new ArrayList<>(), other = new ArrayList<>(), failed =
			new ArrayList<>();
		for (final Flag f : flags)
			if (f.zMean * sign > 0) (f.noiseFollows ? same : failed).add(Math.abs(f.zMean));
			else if (f.zMean * sign < 0) other.add(Math.abs(f.zMean));
		same.sort(Comparator.reverseOrder());
		other.sort(Comparator.reverseOrder());
		failed.sort(Comparator.reverseOrder());
		double threshold = sigma;
		int beyond = 0; // mirrored flags at or beyond sigma: defects of the other side
		while (beyond < other.size() && other.get(beyond) >= sigma)
			beyond++;
		int mirrored = beyond, refused = 0;
		for (int k = 0; k < same.size(); k++) {
			final float z = same.get(k);
			if (z < LOWEST_THRESHOLD * sigma) break;
			while (mirrored < other.size() && other.get(mirrored) >= z)
				mirrored++;
			while (refused < failed.size() && failed.get(refused) >= z)
				refused++;
			// the normal population's own flags pass the noise test about as often as they fail
			// it, whatever the skew of its tail: the refused ones predict the false ones that pass;
			// on a dark the fitted tail of all its pixels, which sees the skew, replaces both
			final double chance = dark != null ? Math.ceil(dark.tailCount(z, sign)) : Math.max(mirrored -
				beyond, refused);
			final double share = dark != null ? DARK_FALSE_SHARE : FALSE_SHARE;
			if (z < threshold && k + 1 >= 1 / share && chance <= share * (k + 1)) threshold = z;
		}
		return threshold;
	}

	/**
	 * For a hot pixel of a fixed scene below {@code sigma} (the lowered threshold): its variance is
	 * nearer to what its extra signal adds under the noise model (shot noise: slope x departure
	 * more than the neighbours') than to its neighbours' variance. A dark frame's faint hot pixel
	 * carries the Poisson noise of its extra dark current; a normal pixel that the column
	 * pattern, the frames' noise or chance lifts into the tail does not.
	 */
	private static boolean poissonExcess(final PlaneScores plane, final int i, final double departure,
		final double neighbourVariance)
	{
		if (!(neighbourVariance > 0) || departure == 0 || Double.isNaN(departure)) return true;
		final double expected = Math.max(0.5 * neighbourVariance, neighbourVariance + plane
			.noiseSlope() * departure);
		final double e = plane.epsilon();
		final double middle = 0.5 * (Math.log(neighbourVariance + e) + Math.log(expected + e));
		final double own = Math.log(plane.variance(i) + e);
		return departure > 0 ? own >= middle : own <= middle;
	}

	private static Defect toDefect(final PlaneScores plane, final LineDetector.Segment s) {
		final int px = s.column ? s.line : s.peak, py = s.column ? s.peak : s.line;
		final int w = plane.width(), h = plane.height(), r = plane.reach();
		double sum = 0, besides = 0;
		int count = 0;
		for (int k = s.start; k <= s.end; k++) {
			final int x = s.column ? s.line : k, y = s.column ? k : s.line;
			sum += plane.mean(y * w + x);
			final int ax = s.column ? Math.max(0, x - r) : x, ay = s.column ? y : Math.max(0, y - r);
			final int bx = s.column ? Math.min(w - 1, x + r) : x, by = s.column ? y : Math.min(h - 1, y +
				r);
			besides += 0.5 * (plane.mean(ay * w + ax) + plane.mean(by * w + bx));
			count++;
		}
		final int i = plane.statsIndex(px, py);
		final PixelStatistics stats = plane.stats();
		final int x = plane.imageX(px), y = plane.imageY(py);
		final int lineCoordinate = s.column ? plane.imageX(s.line) : plane.imageY(s.line);
		final int from = s.column ? plane.imageY(s.start) : plane.imageX(s.start);
		final int to = s.column ? plane.imageY(s.end) : plane.imageX(s.end);
		return new Defect(x, y, plane.channel(), s.column ? DefectKind.COLUMN : DefectKind.ROW, sum /
			count, stats.variance(i), stats.min(i), stats.max(i), besides / count, Double.NaN, Math.abs(
				s.score), s.length(), s.column ? lineCoordinate : from, s.column ? from : lineCoordinate,
			s.column ? lineCoordinate : to, s.column ? to : lineCoordinate);
	}

	/**
	 * An integer pixel that never changed (variance under a quarter of a grey level squared) while
	 * its neighbours vary by ten levels or more: with five frames or more, chance does not do that,
	 * even where the continuous chi-square bound of {@link PlaneScores#stuckLogRatio(int, int)} is
	 * too strict.
	 */
	private static boolean constantAmongVarying(final PlaneScores plane, final int i,
		final double resLogVar)
	{
		if (!plane.integer() || plane.frames() < 5) return false;
		final double variance = plane.variance(i);
		final double neighbours = Math.exp(plane.logVar(i) - resLogVar) - plane.epsilon();
		return variance <= 0.25 && neighbours >= 100;
	}

	/**
	 * A bright pixel that clips at the top of the range most of the time: its variance is low
	 * because it is saturated, which makes it hot, not stuck. Its maximum is at the top and its
	 * mean within {@link #SATURATED_SPREAD} standard deviations of it.
	 */
	private static boolean saturated(final PlaneScores plane, final int i, final double max) {
		final double ceiling = plane.ceiling();
		final double sd = Math.sqrt(plane.variance(i));
		return max >= 0.99 * ceiling && ceiling - plane.mean(i) <= SATURATED_SPREAD * sd;
	}

	/**
	 * A dim pixel whose variance shrank as its signal did (variance ratio near the square of the
	 * mean ratio, above the black level) still follows the light: it is cold (low gain), not stuck.
	 */
	private static boolean proportional(final PlaneScores plane, final int i, final double resLogVar,
		final double neighbourMean)
	{
		final double meanRatio = (plane.mean(i) - plane.black()) / (neighbourMean - plane.black());
		final double varianceRatio = Math.exp(resLogVar);
		return meanRatio > 0 && varianceRatio >= 0.5 * meanRatio * meanRatio;
	}

	/**
	 * True if the pixel sits at the channel's black level: its mean within three times its own
	 * noise (at most the quietest pixels' noise) of the robust floor of all pixels' minima, and
	 * even its brightest value not above halfway to its neighbours (plus noise). The floor is
	 * zero for photographs and about the bias for dark frames, where a dead pixel shows only read
	 * noise; a cold pixel still follows the light and reaches higher.
	 */
	private static boolean dead(final PlaneScores plane, final int i, final double max,
		final double neighbourMean)
	{
		final double sd = Math.sqrt(plane.variance(i));
		final double quantum = plane.integer() ? 0.5 : 0;
		final double black = plane.black(), quiet = plane.quietNoise();
		return plane.mean(i) <= black + 3 * Math.min(sd, 2 * quiet) + quantum && max - black <= 0.5 *
			(neighbourMean - black) + quiet + quantum;
	}

	public double sigma() {
		return sigma;
	}
}
