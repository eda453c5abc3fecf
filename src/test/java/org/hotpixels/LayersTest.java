package org.hotpixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages' dependency order, read from the sources: every reference to a class of another
 * package ({@code import org.hotpixels.x.Y}, or a qualified name in code; comments do not count)
 * must point to a lower layer. Packages of one layer may use each other only when the layer says
 * so (a package and its subpackage). A new package must be placed in {@link #LAYERS}, and the
 * README's "Architecture" section shows the same order.
 */
class LayersTest {

	/** Top first. Names are relative to {@code org.hotpixels} ("" is the root package). */
	static final String[][] LAYERS = { { "cli" }, // the command line (its demo and bench commands: src/tools)
		{ "imagej" }, // SciJava commands
		{ "imagej.ij1" }, // ImageJ 1 plugins and windows
		{ "bench" }, { "demo" }, // tools (src/tools): the benchmark, on the synthetic series
		{ "" }, // HotPixelFinder, FindRequest: the one pipeline of every front end
		{ "results" }, // maps, tables, the files of a run, report.html
		{ "correct" }, // repairing defects in images and files
		{ "io" }, // formats: defect lists, statistics files, image writing, guarded output
		{ "io.jpeg" }, // baseline JPEG taken apart into DCT blocks
		{ "find" }, // FindOptions, FindResult
		{ "detect" }, // defects from statistics
		{ "stats" }, // per-pixel statistics
		{ "source", "source.raw" }, // frames from stacks and files, RAW decoding
		{ "progress" }, // Progress, CancelledException, HotPixelsException
	};

	private static final Pattern PACKAGE = Pattern.compile("^package org\\.hotpixels((?:\\.\\w+)*);",
		Pattern.MULTILINE);
	private static final Pattern REFERENCE = Pattern.compile(
		"\\borg\\.hotpixels((?:\\.[a-z]\\w*)*)\\.[A-Z]");
	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	@Test
	void arrowsPointDown() throws IOException {
		final Map<String, Integer> layer = new TreeMap<>();
		for (int i = 0; i < LAYERS.length; i++)
			for (final String p : LAYERS[i])
				layer.put(p, i);
		final List<String> wrong = new ArrayList<>();
		final Map<String, TreeSet<String>> edges = edges();
		assertTrue(edges.size() > 10, "the sources were found: " + edges.keySet());
		for (final Map.Entry<String, TreeSet<String>> e : edges.entrySet()) {
			final String from = e.getKey();
			assertTrue(layer.containsKey(from), "package " + name(from) +
				" has no place in LayersTest.LAYERS (and the README's Architecture section)");
			for (final String to : e.getValue()) {
				assertTrue(layer.containsKey(to), "package " + name(to) + " has no place in LAYERS");
				if (layer.get(to) < layer.get(from) || layer.get(to).equals(layer.get(from)) && LAYERS[layer
					.get(from)].length == 1) wrong.add(name(from) + " -> " + name(to));
			}
		}
		assertEquals(Arrays.asList(), wrong, "arrows running up the layers");
	}

	/** Package -> the other packages its sources refer to. */
	static Map<String, TreeSet<String>> edges() throws IOException {
		final Map<String, TreeSet<String>> edges = new TreeMap<>();
		for (final String root : new String[]{ "src/main/java", "src/tools/java" }) {
			final Path dir = Paths.get(root);
			if (!Files.isDirectory(dir)) continue;
			final List<Path> sources;
			try (Stream<Path> s = Files.walk(dir)) {
				sources = s.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
			}
			for (final Path f : sources) {
				final String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
				final Matcher pm = PACKAGE.matcher(text);
				if (!pm.find()) continue;
				final String from = strip(pm.group(1));
				final TreeSet<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
				final Matcher rm = REFERENCE.matcher(COMMENT.matcher(text).replaceAll(" "));
				while (rm.find()) {
					final String p = strip(rm.group(1));
					if (!p.equals(from)) to.add(p);
				}
			}
		}
		return edges;
	}

	private static String strip(final String dotted) {
		return dotted.startsWith(".") ? dotted.substring(1) : dotted;
	}

	private static String name(final String p) {
		return p.isEmpty() ? "org.hotpixels" : "org.hotpixels." + p;
	}
}
