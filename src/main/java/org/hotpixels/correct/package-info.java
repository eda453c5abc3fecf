/**
 * Repairing defective pixels: {@link org.hotpixels.correct.DefectCorrector} replaces each defect
 * by the median of its valid same-channel neighbours, in a copy of the frame.
 *
 * <pre>{@code
 * List<Defect> defects = DefectLists.read(Paths.get("defects.csv"));
 * DefectCorrector corrector = DefectCorrector.forFrame(defects, first, null, false);
 * Frame repaired = corrector.correct(first);
 * }</pre>
 */
package org.hotpixels.correct;
