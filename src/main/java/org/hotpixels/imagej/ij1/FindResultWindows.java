package org.hotpixels.imagej.ij1;

import java.awt.image.IndexColorModel;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.LutLoader;
import ij.process.LUT;

import org.hotpixels.FindResult;
import org.hotpixels.results.ResultImages;
import org.hotpixels.results.ResultTables;

/**
 * Shows a find result the ImageJ way: the mean map, then the variance map (the active image
 * afterwards) in the "Fire" lookup table with the defects as overlay points, and the
 * "Hot Pixels" and "Lowest Variance" tables, whose rows mark their pixel on the variance map
 * when clicked. In a batch macro the images stay hidden, the macro can still save them.
 */
final class FindResultWindows {

	private FindResultWindows() {}

	static void show(final FindResult result) {
		final ImagePlus mean = ResultImages.meanMap(result.statistics());
		final ImagePlus variance = ResultImages.varianceMap(result.statistics(), result.defects());
		fire(variance);
		mean.show();
		variance.show();
		final ResultsTable defects = ResultTables.defects(result.defects());
		defects.show(ResultTables.DEFECTS_TITLE);
		ResultTables.lowest(result.lowest()).show(ResultTables.LOWEST_TITLE);
		DefectRowSelector.attach(ResultTables.DEFECTS_TITLE, variance);
		DefectRowSelector.attach(ResultTables.LOWEST_TITLE, variance);
	}

	/** Fire keeps the display range: low variance dark, hot pixels and edges bright. */
	static void fire(final ImagePlus imp) {
		final IndexColorModel fire = LutLoader.getLut("fire");
		if (fire == null) return;
		final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		imp.setLut(new LUT(fire, min, max));
		imp.setDisplayRange(min, max);
	}
}
