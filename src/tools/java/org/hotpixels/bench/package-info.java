/**
 * The benchmark behind the README's Performance section ({@code ./hotpixels bench}, in the tools
 * jar, not in the plugin): speed and memory of the statistics pass and of find beside ImageJ 1's
 * ZProjector and FolderOpener and the read floor, each measured in a fresh JVM on data it
 * generates.
 *
 * <pre>{@code
 * int exit = Benchmark.run(new String[] { "--quick" }, System.out);
 * }</pre>
 */
package org.hotpixels.bench;
