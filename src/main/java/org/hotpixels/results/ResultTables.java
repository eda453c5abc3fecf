package org.hotpixels.results;

import java.util.List;

import ij.measure.ResultsTable;

import org.hotpixels.detect.Defect;
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
