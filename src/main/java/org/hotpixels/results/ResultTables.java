package org.hotpixels.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.measure.ResultsTable;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.detect.RankedPixel;

/**
 * Defects and the lowest-variance ranking as ImageJ {@link ResultsTable}s, with the columns a
 * person reads, units in the headings (DN: the image's own grey levels; DN^2 for variances;
 * sigma: robust standard deviations). The saved CSV files keep every column. Positions are
 * 0-based pixel coordinates; {@code channel} is 0-based (0/1/2 = red/green/blue, 0 for grey
 * images) in both tables, or {@code all} for a defect in every channel.
 *
 * <pre>{@code
 * ResultTables.defects(result.defects()).show(ResultTables.DEFECTS_TITLE);
 * }</pre>
 */
public final class ResultTables {

	/** Title of the defect table window, also where Correct Hot Pixels looks for defects. */
	public static final String DEFECTS_TITLE = "Hot Pixels";
	/** Title of the lowest-variance ranking window. */
	public static final String LOWEST_TITLE = "Lowest Variance";

	/** Column headings of the defect table (units in brackets). */
	public static final String SCORE = "score (sigma)", MEAN = "mean (DN)", NEIGHBOUR_MEAN =
		"neighbours (DN)", VARIANCE = "variance (DN^2)", NEIGHBOUR_VARIANCE = "neighbours (DN^2)",
		SIZE = "size (px)", EXTENT = "extent";

	private static final Pattern EXTENT_TEXT = Pattern.compile(
		"x (\\d+)(?:\\.\\.(\\d+))?, y (\\d+)(?:\\.\\.(\\d+))?");

	private ResultTables() {}

	/**
	 * One row per defect: x, y, channel, kind, score, the peak pixel's mean and variance each
	 * beside its neighbours' median, the number of pixels and, for a defect of more than one
	 * pixel (a cluster, a column or row segment), its extent ({@code x 12, y 40..300}).
	 */
	public static ResultsTable defects(final List<Defect> defects) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final Defect d : defects) {
			rt.incrementCounter();
			rt.addValue("x", d.x());
			rt.addValue("y", d.y());
			rt.addValue("channel", d.channel() == Defect.ALL_CHANNELS ? "all" : "" + d.channel());
			rt.addValue("kind", d.kind() == null ? "" : d.kind().label());
			rt.addValue(SCORE, d.score());
			rt.addValue(MEAN, d.mean());
			rt.addValue(NEIGHBOUR_MEAN, d.neighbourMean());
			rt.addValue(VARIANCE, d.variance());
			rt.addValue(NEIGHBOUR_VARIANCE, d.neighbourVariance());
			rt.addValue(SIZE, d.clusterSize());
			rt.addValue(EXTENT, extent(d));
		}
		for (final String c : new String[]{ "x", "y", SIZE })
			if (rt.columnExists(c)) rt.setDecimalPlaces(rt.getColumnIndex(c), 0);
		for (final String c : new String[]{ SCORE, MEAN, NEIGHBOUR_MEAN, VARIANCE, NEIGHBOUR_VARIANCE })
			if (rt.columnExists(c)) rt.setDecimalPlaces(rt.getColumnIndex(c), 1);
		return rt;
	}

	/** "x 12, y 40..300" for a defect of several pixels, "" for a single pixel. */
	static String extent(final Defect d) {
		if (d.xMin() == d.xMax() && d.yMin() == d.yMax()) return "";
		return "x " + range(d.xMin(), d.xMax()) + ", y " + range(d.yMin(), d.yMax());
	}

	private static String range(final int min, final int max) {
		return min == max ? Integer.toString(min) : min + ".." + max;
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
		for (final String c : new String[]{ "x_min", "y_min", "x_max", "y_max" })
			if (rt.columnExists(c)) box++;
		if (box != 0 && box != 4) throw new HotPixelsException(
			"The defect table needs all of x_min, y_min, x_max and y_max, or none of them.");
		final List<Defect> defects = new ArrayList<>(rt.size());
		for (int row = 0; row < rt.size(); row++) {
			final int x = position(rt, "x", row), y = position(rt, "y", row);
			final int[] e = box == 4 ? new int[]{ position(rt, "x_min", row), position(rt, "y_min", row),
				position(rt, "x_max", row), position(rt, "y_max", row) } : extentOf(rt, row, x, y);
			final int xMin = e[0], yMin = e[1], xMax = e[2], yMax = e[3];
			if (xMin > xMax || yMin > yMax) throw rowError(row, "the bounding box is empty.");
			final String k = text(rt, "kind", row);
			final DefectKind kind = k.isEmpty() ? null : DefectKind.ofLabel(k);
			if (!k.isEmpty() && kind == null) throw rowError(row, "the kind is '" + k +
				"', not stuck, dead, hot, cold, column or row.");
			final String sizeColumn = rt.columnExists(SIZE) ? SIZE : "cluster_size";
			final int size = rt.columnExists(sizeColumn) ? position(rt, sizeColumn, row) : (xMax - xMin +
				1) * (yMax - yMin + 1);
			defects.add(new Defect(x, y, channel(rt, row), kind, real(rt, row, MEAN, "mean"), real(rt,
				row, VARIANCE, "variance"), real(rt, row, "min"), real(rt, row, "max"), real(rt, row,
					NEIGHBOUR_MEAN, "neighbour_mean"), real(rt, row, NEIGHBOUR_VARIANCE,
						"neighbour_variance"), real(rt, row, SCORE, "score"), size, xMin, yMin, xMax, yMax));
		}
		return defects;
	}

	/** {xMin, yMin, xMax, yMax} from the extent column; the pixel itself when it is empty. */
	private static int[] extentOf(final ResultsTable rt, final int row, final int x, final int y) {
		final String text = text(rt, EXTENT, row);
		if (text.isEmpty()) return new int[]{ x, y, x, y };
		final Matcher m = EXTENT_TEXT.matcher(text);
		if (!m.matches()) throw rowError(row, "the extent is '" + text +
			"', not like 'x 12, y 40..300'.");
		final int xMin = Integer.parseInt(m.group(1)), yMin = Integer.parseInt(m.group(3));
		return new int[]{ xMin, yMin, m.group(2) == null ? xMin : Integer.parseInt(m.group(2)), m.group(
			4) == null ? yMin : Integer.parseInt(m.group(4)) };
	}

	/** The first of {@code columns} the table has, as a number (NaN when none or empty). */
	private static double real(final ResultsTable rt, final int row, final String... columns) {
		for (final String c : columns)
			if (rt.columnExists(c)) return real(rt, c, row);
		return Double.NaN;
	}

	private static int channel(final ResultsTable rt, final int row) {
		final String s = text(rt, "channel", row);
		if (s.isEmpty() || s.equalsIgnoreCase("all")) return Defect.ALL_CHANNELS;
		return position(rt, "channel", row);
	}

	/** A whole number >= 0 from a numeric or text cell. */
	private static int position(final ResultsTable rt, final String column, final int row) {
		final double v = real(rt, column, row);
		if (Double.isNaN(v) || v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) throw rowError(row,
			column + " is '" + text(rt, column, row) + "', not a whole number of 0 or more.");
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

	/**
	 * One row per ranked location, lowest variance first: rank, x, y, channel, variance, mean,
	 * the neighbours' median variance and the ratio of the two (the CSV adds min and max).
	 */
	public static ResultsTable lowest(final List<RankedPixel> lowest) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final RankedPixel p : lowest) {
			rt.incrementCounter();
			rt.addValue("rank", p.rank());
			rt.addValue("x", p.x());
			rt.addValue("y", p.y());
			rt.addValue("channel", p.channel());
			rt.addValue(VARIANCE, p.variance());
			rt.addValue(MEAN, p.mean());
			rt.addValue(NEIGHBOUR_VARIANCE, p.neighbourVariance());
			rt.addValue("ratio", p.varianceRatio());
		}
		for (final String c : new String[]{ "rank", "x", "y", "channel" })
			if (rt.columnExists(c)) rt.setDecimalPlaces(rt.getColumnIndex(c), 0);
		for (final String c : new String[]{ VARIANCE, MEAN, NEIGHBOUR_VARIANCE })
			if (rt.columnExists(c)) rt.setDecimalPlaces(rt.getColumnIndex(c), 1);
		return rt;
	}
}
