/**
 * Baseline JPEG taken apart into its quantised DCT blocks and put together again, so that a
 * repair changes only the 8x8 blocks that hold a defect and every other block keeps its
 * coefficients (as {@code jpegtran -drop} does); {@link org.hotpixels.io.jpeg.JpegBlockRepair}
 * is the entry point, the repair of the samples is the caller's.
 *
 * <pre>{@code
 * JpegBlockRepair.Result r = JpegBlockRepair.repair(Files.readAllBytes(file), sampleRepair);
 * }</pre>
 */
package org.hotpixels.io.jpeg;
