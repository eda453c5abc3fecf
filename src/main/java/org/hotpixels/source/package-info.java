/**
 * Frames in: a {@link org.hotpixels.source.FrameSource} turns any input into frames read one at
 * a time by index, and knows what they are (its colour filter pattern and camera). An open stack
 * is {@link org.hotpixels.source.ImagePlusFrameSource}; image files are opened in one place,
 * {@link org.hotpixels.source.FrameSources} (RAW files through {@code source.raw}, everything else
 * through {@link org.hotpixels.source.ImageFileReader}); {@link org.hotpixels.source.InputFiles}
 * expands folders and globs; {@link org.hotpixels.source.FrameStream} decodes a few frames ahead
 * on worker threads.
 *
 * <pre>{@code
 * List<Path> files = InputFiles.expand(Arrays.asList("/data/d80"), "*.jpg").files();
 * try (FrameSource source = FrameSources.open(files)) {
 *     Frame first = source.read(0);
 * }
 * }</pre>
 */
package org.hotpixels.source;
