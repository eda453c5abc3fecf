/**
 * The {@code ./hotpixels} command line (picocli): {@code find}, {@code correct}, {@code export},
 * {@code merge}; {@code demo} and {@code bench} come from the tools jar ({@code src/tools}) and
 * are found by name. Each command maps its options to one call into the core, e.g.
 * {@link org.hotpixels.HotPixelFinder#run} for {@code find}; a user's mistake is one line and
 * exit code 1.
 *
 * <pre>{@code
 * int exit = HotPixelsCli.run("find", "/data/d80", "--pattern", "*.jpg", "--output", "out");
 * }</pre>
 */
package org.hotpixels.cli;
