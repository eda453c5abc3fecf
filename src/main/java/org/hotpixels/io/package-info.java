/**
 * Defect lists on disk: our CSV ({@link org.hotpixels.io.DefectCsv}), dcraw's dead pixel file
 * ({@link org.hotpixels.io.DcrawBadPixels}), RawTherapee's {@code .badpixels}
 * ({@link org.hotpixels.io.RawTherapeeBadPixels}), Siril's cosmetic-correction list
 * ({@link org.hotpixels.io.SirilCosmeticList}) and mask images
 * ({@link org.hotpixels.io.DefectMask}); {@link org.hotpixels.io.DefectLists} picks the format
 * from the file. Every writer goes through {@link org.hotpixels.io.AtomicOutput}, so an
 * interrupted write never leaves a truncated file under the final name. A bad line is a
 * {@link org.hotpixels.progress.HotPixelsException} naming the file and the line number.
 *
 * <pre>{@code
 * List<Defect> defects = DefectLists.read(Paths.get("defects.csv"));
 * SirilCosmeticList.write(Paths.get("defects.lst"), defects, 640, 480);
 * }</pre>
 */
package org.hotpixels.io;
