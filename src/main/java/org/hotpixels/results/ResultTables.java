package org.hotpixels.results;

import java.util.ArrayList;
import java.util.List;

import ij.measure.ResultsTable;

import org.hotpixels.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.detect.LowVariancePixel;

/**
 * Defects and the lowest-variance ranking as ImageJ {@link ResultsTable}s, with the same columns
 * as the CSV files the command line writes (x, y are 0-based pixel coordinates).
 */
public final class ResultTables {

	/** Title of the defect table window, also where Correct Hot Pixels looks for defects. */
	public static final String DEFECTS_TITLE = "Hot Pixels";
	/** Title of the lowest-variance ranking window. */
	public static final String LOWEST_TITLE = "Lowest Variance";

	private ResultTables() {}

	/** One row per defect. */
	public static ResultsTable defects(final List<Defect> defects) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final Defect d : defects) {
			rt.incrementCounter();
			rt.addValue("x", d.x());
			rt.addValue("y", d.y());
			rt.addValue("channel", d.channel() == Defect.ALL_CHANNELS ? "all" : "" + d.channel());
			rt.addValue("kind", d.kind() == null ? "" : d.kind().label());
			rt.addValue("variance", d.variance());
			rt.addValue("mean", d.mean());
			rt.addValue("min", d.min());
			rt.addValue("max", d.max());
			rt.addValue("score", d.score());
			rt.addValue("cluster_size", d.clusterSize());
			rt.addValue("x_min", d.xMin());
			rt.addValue("y_min", d.yMin());
			rt.addValue("x_max", d.xMax());
			rt.addValue("y_max", d.yMax());
			rt.addValue("neighbour_mean", d.neighbourMean());
			rt.addValue("neighbour_variance", d.neighbourVariance());
		}
		for (final String c : new String[] { "x", "y", "cluster_size", "x_min", "y_min", "x_max",
			"y_max" })
			if (rt.columnExists(c)) rt.setDecimalPlaces(rt.getColumnIndex(c), 0);
		return rt;
	}

	/**
	 * The defects of a table with at least {@code x} and {@code y} columns, read like a defects
	 * CSV ({@link org.hotpixels.io.DefectCsv}): the table {@link #defects} makes, or one typed or
	 * edited by hand. Optional columns: {@code channel} (a number, or {@code all} or empty for
	 * every channel), {@code kind}, the statistics, {@code cluster_size}, and the bounding box
	 * {@code x_min, y_min, x_max, y_max} (all four or none). Throws {@link HotPixelsException}
	 * naming the row for a value that is not a pixel position.
	 */
	public static List<Defect> defectsFrom(final ResultsTable rt) {
		if (rt == null) throw new HotPixelsException("There is no \"" + DEFECTS_TITLE +
			"\" table: run Find Hot Pixels first, or choose a defect file.");
		if (!rt.columnExists("x") || !rt.columnExists("y")) throw new HotPixelsException(
			"The defect table has no x and y columns.");
		int box = 0;
		for (final String c : new String[] { "x_min", "y_min", "x_max", "y_max" })
			if (rt.columnExists(c)) box++;
		if (box != 0 && box != 4) throw new HotPixelsException(
			"The defect table needs all of x_min, y_min, x_max and y_max, or none of them.");
		final List<Defect> defects = new ArrayList<>(rt.size());
		for (int row = 0; row < rt.size(); row++) {
			final int x = position(rt, "x", row), y = position(rt, "y", row);
			final int xMin = box == 0 ? x : position(rt, "x_min", row);
			final int yMin = box == 0 ? y : position(rt, "y_min", row);
			final int xMax = box == 0 ? x : position(rt, "x_max", row);
			final int yMax = box == 0 ? y : position(rt, "y_max", row);
			if (xMin > xMax || yMin > yMax) throw rowError(row, "the bounding box is empty.");
			final String k = text(rt, "kind", row);
			final DefectKind kind = k.isEmpty() ? null : DefectKind.ofLabel(k);
			if (!k.isEmpty() && kind == null) throw rowError(row, "the kind is '" + k +
				"', not stuck, dead, hot, cold, column or row.");
			final int size = rt.columnExists("cluster_size") ? position(rt, "cluster_size", row)
				: (xMax - xMin + 1) * (yMax - yMin + 1);
			defects.add(new Defect(x, y, channel(rt, row), kind, real(rt, "mean", row), real(rt,
				"variance", row), real(rt, "min", row), real(rt, "max", row), real(rt,
					"neighbour_mean", row), real(rt, "neighbour_variance", row), real(rt, "score", row),
				size, xMin, yMin, xMax, yMax));
		}
		return defects;
	}

	private static int channel(final ResultsTable rt, final int row) {
		final String s = text(rt, "channel", row);
		if (s.isEmpty() || s.equalsIgnoreCase("all")) return Defect.ALL_CHANNELS;
		return position(rt, "channel", row);
	}

	/** A whole number >= 0 from a numeric or text cell. */
	private static int position(final ResultsTable rt, final String column, final int row) {
		final double v = real(rt, column, row);
		if (Double.isNaN(v) || v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE)
			throw rowError(row, column + " is '" + text(rt, column, row) +
				"', not a whole number of 0 or more.");
		return (int) v;
	}

	/** The cell as a number (also from text), or NaN when missing, empty or not a number. */
	private static double real(final ResultsTable rt, final String column, final int row) {
		if (!rt.columnExists(column)) return Double.NaN;
		final double v = rt.getValue(column, row);
		if (!Double.isNaN(v)) return v;
		try {
			return Double.parseDouble(text(rt, column, row));
		}
		catch (final NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** The trimmed text of a cell; "" when the column is missing or the cell empty or NaN. */
	private static String text(final ResultsTable rt, final String column, final int row) {
		if (!rt.columnExists(column)) return "";
		final String s = rt.getStringValue(column, row);
		return s == null || s.trim().equals("NaN") ? "" : s.trim();
	}

	private static HotPixelsException rowError(final int row, final String problem) {
		return new HotPixelsException("Defect table row " + (row + 1) + ": " + problem);
	}

	/** One row per ranked location, lowest variance first. */
	public static ResultsTable lowest(final List<LowVariancePixel> lowest) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final LowVariancePixel p : lowest) {
			rt.incrementCounter();
			rt.addValue("rank", p.rank());
			rt.addValue("x", p.x());
			rt.addValue("y", p.y());
			rt.addValue("channel", p.channel());
			rt.addValue("variance", p.variance());
			rt.addValue("mean", p.mean());
			rt.addValue("min", p.min());
			rt.addValue("max", p.max());
			rt.addValue("neighbour_variance", p.neighbourVariance());
			rt.addValue("variance_ratio", p.varianceRatio());
		}
		for (final String c : new String[] { "rank", "x", "y", "channel" })
			if (rt.columnExists(c)) rt.setDecimalPlaces(rt.getColumnIndex(c), 0);
		return rt;
	}
}
