/**
 * Hot Pixel Finder: the top of the core, the one pipeline every front end calls.
 * {@link org.hotpixels.HotPixelFinder#run} takes a {@link org.hotpixels.FindRequest} (what to
 * read, the settings, where to save) and returns a {@link org.hotpixels.find.FindResult}; it
 * checks and locks the outputs, opens the input ({@link org.hotpixels.source.FrameSources}),
 * accumulates {@link org.hotpixels.stats.PixelStatistics}, detects defects and writes every
 * result file in one commit ({@link org.hotpixels.results.FindOutputs}).
 *
 * <pre>{@code
 * FindResult r = HotPixelFinder.run(FindRequest.folder("/data/d80", "*.jpg")
 *     .output(Paths.get("/data/d80-defects"), false), Progress.NONE);
 * r.defects().forEach(System.out::println);
 * }</pre>
 *
 * The packages below it, each using only those further down: {@code results}, {@code correct},
 * {@code io}, {@code find}, {@code detect}, {@code stats}, {@code source}, {@code progress}
 * (checked by {@code LayersTest}; the README's "Architecture" section draws it).
 */
package org.hotpixels;
