package org.hotpixels.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotpixels.stats.PixelStatistics;

/**
 * Merges flagged pixels that touch (8-connected, in any channel) into one defect each. The
 * defect sits at the strongest pixel and takes its kind; it covers the bounding box of the
 * cluster, and its channel is the one whose score is highest, or all channels when another
 * scores at least 70% as much (a defect of the whole pixel; JPEG's colour conversion leaks a
 * one-channel defect into the others more weakly).
 */
final class Clusters {

	/** A channel belongs to the defect when its departure is at least this part of the peak's. */
	static final double CHANNEL_FRACTION = 0.7;
	/** JPEG's blocks: a defect's ringing stays within its 8x8 block of the luma. */
	static final int JPEG_BLOCK = 8;
	/**
	 * Largest departure of a ringing artefact, as a part of the defect's that causes it: the
	 * quantised cosines of one bright or dark pixel swing its block's other pixels by a few per
	 * cent of its own departure at high quality, by up to a quarter at quality 80.
	 */
	static final double RINGING_FRACTION = 0.3;

	private final PixelStatistics stats;

	Clusters(final PixelStatistics stats) {
		this.stats = stats;
	}

	List<Defect> merge(final List<Candidate> candidates) {
		final Map<Long, List<Candidate>> byPosition = new HashMap<>();
		for (final Candidate c : candidates)
			byPosition.computeIfAbsent(c.position(), k -> new ArrayList<>(1)).add(c);
		final List<Defect> defects = new ArrayList<>();
		final Deque<Long> queue = new ArrayDeque<>();
		for (final Candidate seed : candidates) {
			if (!byPosition.containsKey(seed.position())) continue;
			final List<Candidate> cluster = new ArrayList<>();
			queue.add(seed.position());
			cluster.addAll(byPosition.remove(seed.position()));
			while (!queue.isEmpty()) {
				final long p = queue.poll();
				final int x = (int) p, y = (int) (p >>> 32);
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final long q = (long) (y + dy) << 32 | (x + dx) & 0xffffffffL;
						final List<Candidate> found = byPosition.remove(q);
						if (found == null) continue;
						cluster.addAll(found);
						queue.add(q);
					}
			}
			defects.add(toDefect(cluster));
		}
		defects.sort(Comparator.comparingDouble(Defect::score).reversed());
		return withoutRinging(defects);
	}

	/**
	 * Drops the hot and cold flags that are a stronger defect's echo: in the same 8x8 block of the
	 * image (JPEG's grid) and departing from their neighbours by at most
	 * {@link #RINGING_FRACTION} of its departure (a hot pixel in a JPEG series makes the other
	 * pixels of its block ring up and down, and with many frames a steady few grey levels reach
	 * the threshold). A second real defect in the same block and that much weaker is rare.
	 */
	private static List<Defect> withoutRinging(final List<Defect> defects) {
		// the strongest departure in each 8x8 block: one look-up per defect, not a pass over all
		final Map<Long, Double> strongest = new HashMap<>();
		for (final Defect d : defects)
			strongest.merge(block(d), departure(d), Math::max);
		final List<Defect> kept = new ArrayList<>(defects.size());
		for (final Defect d : defects) {
			final double own = departure(d), most = strongest.get(block(d));
			final boolean echo = (d.kind() == DefectKind.HOT || d.kind() == DefectKind.COLD) &&
				own < most && own <= RINGING_FRACTION * most;
			if (!echo) kept.add(d);
		}
		return kept;
	}

	/** The 8x8 block of the image that holds a defect's peak. */
	private static long block(final Defect d) {
		return (long) (d.y() / JPEG_BLOCK) << 32 | (d.x() / JPEG_BLOCK) & 0xffffffffL;
	}

	/** How far a defect's mean lies from its neighbours', in the channel's units. */
	private static double departure(final Defect d) {
		final double departure = Math.abs(d.mean() - d.neighbourMean());
		return Double.isNaN(departure) ? 0 : departure;
	}

	private Defect toDefect(final List<Candidate> cluster) {
		Candidate peak = cluster.get(0);
		int xMin = Integer.MAX_VALUE, yMin = Integer.MAX_VALUE, xMax = -1, yMax = -1;
		final java.util.Set<Long> pixels = new java.util.HashSet<>();
		for (final Candidate c : cluster) {
			if (c.score > peak.score) peak = c;
			xMin = Math.min(xMin, c.x);
			yMin = Math.min(yMin, c.y);
			xMax = Math.max(xMax, c.x);
			yMax = Math.max(yMax, c.y);
			pixels.add(c.position());
		}
		final double[] strength = new double[stats.channels()];
		for (final Candidate c : cluster)
			strength[c.channel] = Math.max(strength[c.channel], strength(c));
		int strongest = peak.channel, strongChannels = 0;
		for (int ch = 0; ch < strength.length; ch++)
			if (strength[ch] > strength[strongest]) strongest = ch;
		for (final double s : strength)
			if (s >= CHANNEL_FRACTION * strength[strongest]) strongChannels++;
		final int channel = strongChannels > 1 ? Defect.ALL_CHANNELS : strongest;
		final int i = stats.index(peak.x, peak.y, peak.channel);
		return new Defect(peak.x, peak.y, channel, peak.kind, stats.mean(i), stats.variance(i), stats
			.min(i), stats.max(i), peak.neighbourMean, peak.neighbourVariance, peak.score, pixels.size(),
			xMin, yMin, xMax, yMax);
	}

	/**
	 * How far a flagged pixel departs from its neighbours, to compare channels: its score, in
	 * robust standard deviations of its own channel. (In 4:2:0 JPEG a one-channel defect leaks
	 * into the others through the luma with about as many grey levels, but its own channel's
	 * spatial residual is steadier, so its score stands out.)
	 */
	private static double strength(final Candidate c) {
		return c.score;
	}
}
