/**
 * Camera RAW input: RAW files decoded by an installed dcraw (or LibRaw's tools) to the
 * undemosaiced 16-bit sensor mosaic, in the sensor coordinates of dcraw's {@code -P} dead pixel
 * files, with the 2x2 colour filter pattern the decoder reports.
 *
 * <pre>{@code
 * List<Path> files = ...; // RawFrameSource.isRawFile(path) picks them from a folder
 * try (RawFrameSource raws = new RawFrameSource(files)) {
 *     CfaPattern cfa = raws.cfaPattern();
 *     for (int i = 0; i < raws.size(); i++) {
 *         Frame mosaic = raws.read(i); // GRAY16, width x height of dcraw -D
 *     }
 * }
 * }</pre>
 *
 * A defect at mosaic pixel (x, y) is the line {@code "x y 0"} of a file given to
 * {@code dcraw -P file}: dcraw replaces that pixel by the mean of its nearest same-colour
 * neighbours before demosaicing (the third number is a Unix time; dcraw skips lines dated after
 * the photo, so 0 always applies).
 */
package org.hotpixels.source.raw;
