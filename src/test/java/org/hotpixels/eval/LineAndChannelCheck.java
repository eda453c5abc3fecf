package org.hotpixels.eval;

import java.util.List;
import java.util.Locale;

import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;

/**
 * What the recall table does not show: for each planted line segment (a column segment, or a row
 * of planted pixels), whether ONE line defect covers it and how much of it; for planted defects
 * confined to one channel, whether the detection names that channel.
 */
final class LineAndChannelCheck {

	private LineAndChannelCheck() {}

	static String describe(final List<PlantedDefect> planted, final List<Defect> found,
		final int tolerance)
	{
		final StringBuilder s = new StringBuilder();
		int oneChannel = 0, named = 0;
		for (final PlantedDefect p : planted) {
			if (p.length() > 1) s.append(line(p.x(), p.x(), p.y(), p.yEnd(), p.label(), found));
			if (p.channel() >= 0 && p.length() == 1) {
				final Defect d = nearest(p, found, tolerance);
				if (d != null) {
					oneChannel++;
					if (d.channel() == p.channel()) named++;
				}
			}
		}
		// rows: planted as pixels labelled "row", one line per row
		int xMin = Integer.MAX_VALUE, xMax = -1, y = -1;
		String label = null;
		for (final PlantedDefect p : planted)
			if (p.label() != null && p.label().contains("row segment")) {
				xMin = Math.min(xMin, p.x());
				xMax = Math.max(xMax, p.x());
				y = p.y();
				label = p.label();
			}
		if (label != null) s.append(line(xMin, xMax, y, y, label, found));
		if (oneChannel > 0) s.append(String.format(Locale.ROOT,
			"- one-channel defects found: %d, of which %d with their own channel named%n", oneChannel,
			named));
		return s.length() == 0 ? "" : s.append('\n').toString();
	}

	private static String line(final int x0, final int x1, final int y0, final int y1,
		final String label, final List<Defect> found)
	{
		final long size = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
		int pieces = 0;
		long covered = 0;
		String kind = "";
		for (final Defect d : found) {
			final int ox = Math.min(x1, d.xMax()) - Math.max(x0, d.xMin()) + 1;
			final int oy = Math.min(y1, d.yMax()) - Math.max(y0, d.yMin()) + 1;
			if (ox <= 0 || oy <= 0) continue;
			pieces++;
			covered += (long) ox * oy;
			if (d.kind() == DefectKind.COLUMN || d.kind() == DefectKind.ROW) kind = d.kind().label() +
				" " + d.xMin() + ".." + d.xMax() + " x " + d.yMin() + ".." + d.yMax();
		}
		return String.format(Locale.ROOT,
			"- %s (%d px at %d..%d x %d..%d): %d detection(s) %s, covering %.0f%%%n", label, size, x0, x1,
			y0, y1, pieces, kind, 100.0 * covered / size);
	}

	private static Defect nearest(final PlantedDefect p, final List<Defect> found,
		final int tolerance)
	{
		for (final Defect d : found)
			if (p.x() >= d.xMin() - tolerance && p.x() <= d.xMax() + tolerance && p.y() >= d.yMin() -
				tolerance && p.y() <= d.yMax() + tolerance) return d;
		return null;
	}
}
