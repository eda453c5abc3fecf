package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.List;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.stats.PixelStatistics;

/**
 * Turns per-pixel statistics into defects. Every pixel is compared with the median of its
 * same-channel neighbours (5x5 window; same-colour sites of a raw mosaic), separately for its mean
 * and its log variance, in robust units: residuals divided by 1.4826 x the median absolute
 * residual of the surrounding 32x32 block. With threshold {@code sigma}:
 * <ul>
 * <li><b>stuck</b>: variance score below -sigma and variance under 40% of the neighbours' (with
 * few frames less, so that chance alone makes it as unlikely as a sigma event); a pixel flagged
 * by its mean is stuck with half that variance score;</li>
 * <li><b>hot</b>: mean score above sigma (also a bright pixel whose variance is low because it
 * clips at the top of the range: its maximum at the top, its mean within 1.5 standard deviations
 * of it);</li>
 * <li><b>cold</b>: mean score below -sigma;</li>
 * <li><b>dead</b>: a stuck or cold pixel at the black level of its channel (the 0.1% quantile of
 * the pixel minima: zero for photographs, the bias for dark frames), within its noise, and
 * never reaching halfway to its neighbours' mean.</li>
 * </ul>
 * Flagged pixels that touch (8-connected, across channels) merge into one {@link Defect} at the
 * strongest pixel, so a defect smeared by JPEG over its neighbours is reported once.
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

	private final double sigma;
	private final CfaPattern cfa;

	/**
	 * @param sigma detection threshold in robust standard deviations (lower finds fainter defects
	 *          and more false ones)
	 * @param cfa colour filter pattern of a raw sensor mosaic, or null for ordinary images
	 */
	public DefectDetector(final double sigma, final CfaPattern cfa) {
		if (!(sigma > 0)) throw new IllegalArgumentException("sigma must be positive: " + sigma);
		this.sigma = sigma;
		this.cfa = cfa;
	}

	/** Finds the defects; fewer than two frames give no variance and so no defects. */
	public List<Defect> detect(final PixelStatistics stats, final Progress progress) {
		final List<Candidate> candidates = new ArrayList<>();
		if (stats.frameCount() < 2) return new ArrayList<>();
		final int step = cfa == null ? 1 : 2;
		final int total = stats.channels() * step * step;
		int done = 0;
		for (int c = 0; c < stats.channels(); c++)
			for (int site = 0; site < step * step; site++) {
				progress.checkCancelled();
				progress.progress(done++, total, "Scoring pixels");
				final PlaneScores plane = new PlaneScores(stats, c, site % step, site / step, step,
					sigma, progress);
				flag(plane, candidates);
			}
		progress.progress(total, total, "Clustering " + candidates.size() + " flagged pixels");
		return new Clusters(stats).merge(candidates);
	}

	private void flag(final PlaneScores plane, final List<Candidate> out) {
		final float[] buffer = new float[(2 * PlaneScores.RADIUS + 1) * (2 * PlaneScores.RADIUS + 1)];
		for (int py = 0; py < plane.ph; py++)
			for (int px = 0; px < plane.pw; px++) {
				final float zMean = plane.meanScore(px, py);
				final float zVar = plane.varianceScore(px, py);
				if (!(Math.abs(zMean) >= sigma || zVar <= -sigma)) continue; // the common case
				final int i = py * plane.pw + px;
				final boolean hot = zMean >= sigma;
				final boolean cold = zMean <= -sigma;
				final boolean lowVariance = plane.resLogVar[i] < PlaneScores.STUCK_LOG_RATIO;
				final boolean quiet = zVar <= -sigma && lowVariance && (plane.resLogVar[i] < plane
					.stuckLogRatio(px, py) || constantAmongVarying(plane, i));
				if (!quiet && !hot && !cold) continue;
				// a pixel flagged by its mean needs less evidence of a low variance to be stuck
				final boolean stuck = quiet || lowVariance && zVar <= -STUCK_KIND_FRACTION * sigma;
				final double neighbourMean = plane.neighbourMedian(plane.mean, px, py, buffer);
				final double max = plane.stats.max(plane.statsIndex(px, py));
				final DefectKind kind;
				final double score;
				if (stuck && !(hot && saturated(plane, i, max)) && !(cold && proportional(plane, i,
					neighbourMean))) {
					kind = dead(plane, i, max, neighbourMean) ? DefectKind.DEAD : DefectKind.STUCK;
					score = Math.max(-zVar, Math.abs(zMean));
				}
				else if (hot) {
					kind = DefectKind.HOT;
					score = zMean;
				}
				else {
					kind = dead(plane, i, max, neighbourMean) ? DefectKind.DEAD : DefectKind.COLD;
					score = -zMean;
				}
				out.add(new Candidate(plane.x0 + plane.step * px, plane.y0 + plane.step * py,
					plane.channel, kind, score, neighbourMean, Math.max(0, Math.exp(plane.neighbourMedian(
						plane.logVar, px, py, buffer)) - plane.epsilon)));
			}
	}

	/**
	 * An integer pixel that never changed (variance under a quarter of a grey level squared) while
	 * its neighbours vary by ten levels or more: with five frames or more, chance does not do that,
	 * even where the continuous chi-square bound of {@link PlaneScores#stuckLogRatio(int, int)} is
	 * too strict.
	 */
	private static boolean constantAmongVarying(final PlaneScores plane, final int i) {
		if (!plane.stats.type().isInteger() || plane.stats.frameCount() < 5) return false;
		final double variance = Math.exp(plane.logVar[i]) - plane.epsilon;
		final double neighbours = Math.exp(plane.logVar[i] - plane.resLogVar[i]) - plane.epsilon;
		return variance <= 0.25 && neighbours >= 100;
	}

	/**
	 * A bright pixel that clips at the top of the range most of the time: its variance is low
	 * because it is saturated, which makes it hot, not stuck. Its maximum is at the top and its
	 * mean within {@link #SATURATED_SPREAD} standard deviations of it.
	 */
	private static boolean saturated(final PlaneScores plane, final int i, final double max) {
		final double ceiling = plane.ceiling;
		final double sd = Math.sqrt(Math.max(0, Math.exp(plane.logVar[i]) - plane.epsilon));
		return max >= 0.99 * ceiling && ceiling - plane.mean[i] <= SATURATED_SPREAD * sd;
	}

	/**
	 * A dim pixel whose variance shrank as its signal did (variance ratio near the square of the
	 * mean ratio, above the black level) still follows the light: it is cold (low gain), not stuck.
	 */
	private static boolean proportional(final PlaneScores plane, final int i,
		final double neighbourMean)
	{
		final double meanRatio = (plane.mean[i] - plane.black) / (neighbourMean - plane.black);
		final double varianceRatio = Math.exp(plane.resLogVar[i]);
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
		final double sd = Math.sqrt(Math.max(0, Math.exp(plane.logVar[i]) - plane.epsilon));
		final double quantum = plane.stats.type().isInteger() ? 0.5 : 0;
		return plane.mean[i] <= plane.black + 3 * Math.min(sd, 2 * plane.quietNoise) + quantum &&
			max - plane.black <= 0.5 * (neighbourMean - plane.black) + plane.quietNoise + quantum;
	}

	public double sigma() {
		return sigma;
	}
}
