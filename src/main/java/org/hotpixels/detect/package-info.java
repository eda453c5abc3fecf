/**
 * Defects from statistics: {@link org.hotpixels.detect.DefectDetector} compares every pixel with
 * its same-channel neighbourhood using robust statistics, classifies it
 * ({@link org.hotpixels.detect.DefectKind}: stuck, hot, dead, cold, column, row) and merges
 * neighbouring candidates into one {@link org.hotpixels.detect.Defect};
 * {@link org.hotpixels.detect.LowestVarianceRanking} is the 2011 article's ranking of the pixels
 * that changed least, one {@link org.hotpixels.detect.RankedPixel} per place.
 *
 * <pre>{@code
 * List<Defect> defects = new DefectDetector(DefectDetector.DEFAULT_SIGMA, null).detect(stats, Progress.NONE);
 * List<RankedPixel> lowest = LowestVarianceRanking.rank(stats, 10);
 * }</pre>
 */
package org.hotpixels.detect;
