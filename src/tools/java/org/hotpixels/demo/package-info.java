/**
 * Synthetic test data with defects planted at known places, and the evaluation of a detector's
 * results against them: photo-like 8-bit RGB or grey series ({@link
 * org.hotpixels.demo.SyntheticSeries}), 16-bit or float dark frames of astronomy and microscopy
 * cameras ({@link org.hotpixels.demo.DarkFrameSeries}), written as JPEG (4:2:0), PNG or TIFF, and
 * recall and precision ({@link org.hotpixels.demo.Evaluation}). Used by {@code ./hotpixels demo}
 * (in the tools jar, not in the plugin) and by the tests.
 *
 * <pre>{@code
 * SyntheticSeries series = SyntheticSeries.builder().size(320, 240).frames(60).seed(1).build();
 * series.writeTo(folder, OutputFormat.JPEG);
 * List<Defect> found = ...; // a detector's result for the folder
 * Evaluation e = Evaluation.forFormat(series.planted(), found, OutputFormat.JPEG);
 * System.out.println(e.summary());
 * }</pre>
 */
package org.hotpixels.demo;
