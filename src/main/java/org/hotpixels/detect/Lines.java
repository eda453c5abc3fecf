package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Column and row segments found plane by plane, joined into one defect per segment of the image:
 * the same column (row) found in several channels, or in both colour sites of a raw mosaic that
 * share a sensor column, with extents that overlap or nearly touch.
 */
final class Lines {

	/** Segments of one line this close (in pixels) are one. */
	static final int JOIN_GAP = 2;

	private Lines() {}

	/** Joins the segments; the result keeps the strongest segment's peak and statistics. */
	static List<Defect> merge(final List<Defect> segments, final int channels) {
		final List<Defect> sorted = new ArrayList<>(segments);
		sorted.sort(Comparator.comparing((Defect d) -> d.kind()).thenComparingInt(Lines::line)
			.thenComparingInt(Lines::from));
		final List<Defect> out = new ArrayList<>();
		Defect group = null;
		for (final Defect d : sorted) {
			if (group != null && group.kind() == d.kind() && line(group) == line(d) && from(d) <= to(
				group) + JOIN_GAP) group = join(group, d);
			else {
				if (group != null) out.add(group);
				group = d;
			}
		}
		if (group != null) out.add(group);
		return out;
	}

	/** True if (x, y) lies on a segment or right beside it (its end pixels, JPEG's smear). */
	static boolean covers(final List<Defect> lines, final int x, final int y) {
		for (final Defect d : lines)
			if (x >= d.xMin() - 1 && x <= d.xMax() + 1 && y >= d.yMin() - 1 && y <= d.yMax() + 1)
				return true;
		return false;
	}

	private static int line(final Defect d) {
		return d.kind() == DefectKind.COLUMN ? d.xMin() : d.yMin();
	}

	private static int from(final Defect d) {
		return d.kind() == DefectKind.COLUMN ? d.yMin() : d.xMin();
	}

	private static int to(final Defect d) {
		return d.kind() == DefectKind.COLUMN ? d.yMax() : d.xMax();
	}

	private static Defect join(final Defect a, final Defect b) {
		final Defect peak = b.score() > a.score() ? b : a;
		final int channel = a.channel() == b.channel() ? a.channel() : Defect.ALL_CHANNELS;
		final int xMin = Math.min(a.xMin(), b.xMin()), yMin = Math.min(a.yMin(), b.yMin());
		final int xMax = Math.max(a.xMax(), b.xMax()), yMax = Math.max(a.yMax(), b.yMax());
		final int size = (xMax - xMin + 1) * (yMax - yMin + 1);
		return new Defect(peak.x(), peak.y(), channel, peak.kind(), peak.mean(), peak.variance(), peak
			.min(), peak.max(), peak.neighbourMean(), peak.neighbourVariance(), peak.score(), size, xMin,
			yMin, xMax, yMax);
	}
}
