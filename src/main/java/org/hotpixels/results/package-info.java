/**
 * A find's result for people and files: the variance and mean maps as {@code ImagePlus} with the
 * defects as overlay ({@link org.hotpixels.results.ResultImages}), the "Hot Pixels" and "Lowest
 * Variance" tables ({@link org.hotpixels.results.ResultTables}), {@code report.html}
 * ({@link org.hotpixels.results.HtmlReport}), and the files of a run written in one commit
 * ({@link org.hotpixels.results.FindOutputs}).
 *
 * <pre>{@code
 * ImagePlus variance = ResultImages.varianceMap(r.statistics(), r.defects(), "d80");
 * ResultsTable table = ResultTables.defects(r.defects());
 * FindOutputs.write(r, Paths.get("d80-defects"));
 * }</pre>
 */
package org.hotpixels.results;
