/**
 * The Fiji front end: SciJava commands ({@link org.hotpixels.imagej.FindHotPixelsCommand},
 * {@link org.hotpixels.imagej.CorrectHotPixelsCommand}) under Plugins &gt; Hot Pixels, with the
 * same macro keys and defaults as the ImageJ 1 plugins of {@code imagej.ij1}. A command maps its
 * {@code @Parameter}s to one {@link org.hotpixels.FindRequest} and its result to maps and tables.
 *
 * <pre>{@code
 * #@ CommandService commands
 * commands.run(org.hotpixels.imagej.FindHotPixelsCommand, true, "image", imp, "top_n", 10).get()
 * }</pre>
 */
package org.hotpixels.imagej;
