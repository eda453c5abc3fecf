package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/**
 * The drop-in jar for plain ImageJ 1: menu entries at its root, the libraries inside (but not
 * ImageJ itself), SciJava's plugin index merged so the SciJava command is still found, and it
 * works in Debian's packaged ImageJ 1.53t.
 */
class DropinJarIT {

	private static final String INDEX = "META-INF/json/org.scijava.plugin.Plugin";
	private static final Path DEBIAN_IJ = Paths.get("/usr/share/java/ij.jar");

	@TempDir
	Path tmp;

	@Test
	void hasMenuEntriesAndLibrariesButNotImageJ() throws IOException {
		final Path dropin = ImageJRun.dropinJar();
		assertTrue(dropin.getFileName().toString().contains("_"),
			"ImageJ 1 only loads plugin jars with an underscore in the name");
		try (JarFile jar = new JarFile(dropin.toFile())) {
			final String config = text(jar, jar.getEntry("plugins.config"));
			assertTrue(config.contains(
				"Plugins>Hot Pixels, \"Find Hot Pixels\", org.hotpixels.imagej.ij1.Find_Hot_Pixels"),
				config);
			for (final String c : new String[]{ "net/imglib2/img/planar/PlanarImg.class",
				"org/scijava/Context.class", "org/scijava/parsington/ExpressionParser.class",
				"picocli/CommandLine.class", "org/hotpixels/imagej/ij1/Find_Hot_Pixels.class" })
				assertNotNull(jar.getEntry(c), c);
			assertEquals(null, jar.getEntry("ij/ImagePlus.class"), "ij.jar must not be inside");
			assertNoTools(jar);
			assertEquals(null, jar.getManifest().getMainAttributes().getValue("Class-Path"));
		}
	}

	/** The tools of ./hotpixels (demo, bench) are in the tools jar, in neither plugin jar. */
	@Test
	void pluginJarHoldsNoTools() throws IOException {
		final Path dropin = ImageJRun.dropinJar();
		try (JarFile jar = new JarFile(dropin.resolveSibling(dropin.getFileName().toString().replace(
			"-dropin.jar", ".jar")).toFile()))
		{
			assertNotNull(jar.getEntry("org/hotpixels/cli/HotPixelsCli.class"));
			assertNoTools(jar);
		}
		try (JarFile jar = new JarFile(dropin.resolveSibling(dropin.getFileName().toString().replace(
			"-dropin.jar", "-tools.jar")).toFile()))
		{
			for (final String c : new String[]{ "org/hotpixels/demo/SyntheticSeries.class",
				"org/hotpixels/bench/Benchmark.class", "org/hotpixels/cli/DemoCommand.class" })
				assertNotNull(jar.getEntry(c), c);
			assertEquals(null, jar.getEntry("plugins.config"), "the tools jar is no plugin");
		}
	}

	private static void assertNoTools(final JarFile jar) {
		jar.stream().map(ZipEntry::getName).forEach(n -> assertFalse(n.startsWith(
			"org/hotpixels/bench/") || n.startsWith("org/hotpixels/demo/") || n.startsWith(
				"org/hotpixels/cli/DemoCommand") || n.startsWith("org/hotpixels/cli/BenchCommand"), jar
					.getName() + " holds a tool: " + n));
	}

	@Test
	void sciJavaIndexIsMerged() throws IOException {
		final Path dropin = ImageJRun.dropinJar();
		final int sciJavaOwn = count(index(Paths.get(Context.class.getProtectionDomain().getCodeSource()
			.getLocation().getPath())), "\"class\":");
		final Path plainJar = dropin.resolveSibling(dropin.getFileName().toString().replace(
			"-dropin.jar", ".jar"));
		final int ours = count(index(plainJar), "\"class\":");
		assertTrue(ours >= 1, "the project's own index");
		try (JarFile jar = new JarFile(dropin.toFile())) {
			final String merged = text(jar, jar.getEntry(INDEX));
			assertEquals(sciJavaOwn + ours, count(merged, "\"class\":"), "SciJava's entries and ours");
			assertTrue(merged.contains("\"class\":\"org.hotpixels.imagej.FindHotPixelsCommand\""));
		}
	}

	@Test
	void sciJavaFindsTheCommandInTheDropinJar() throws Exception {
		final ClassLoader platform = (ClassLoader) ClassLoader.class.getMethod("getPlatformClassLoader")
			.invoke(null);
		final ClassLoader previous = Thread.currentThread().getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(new URL[]{ ImageJRun.dropinJar().toUri()
			.toURL(), ImageJRun.mavenImageJ().toUri().toURL() }, platform))
		{
			Thread.currentThread().setContextClassLoader(loader);
			final Class<?> service = loader.loadClass("org.scijava.command.CommandService");
			final Object context = loader.loadClass("org.scijava.Context").getConstructor(Class[].class)
				.newInstance((Object) new Class<?>[]{ service });
			try {
				final Object commands = context.getClass().getMethod("getService", Class.class).invoke(
					context, service);
				final Collection<?> all = (Collection<?>) service.getMethod("getCommands").invoke(commands);
				Object find = null;
				for (final Object info : all)
					if ("org.hotpixels.imagej.FindHotPixelsCommand".equals(info.getClass().getMethod(
						"getClassName").invoke(info))) find = info;
				assertNotNull(find, "FindHotPixelsCommand in the drop-in jar's index");
				final Method title = find.getClass().getMethod("getTitle");
				assertEquals("Find Hot Pixels", title.invoke(find));
			}
			finally {
				context.getClass().getMethod("dispose").invoke(context);
			}
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	@Test
	void runsInDebiansImageJ() throws Exception {
		ImageJRun.assumeXvfb();
		if (!Files.isRegularFile(DEBIAN_IJ) && ImageJRun.required()) throw new AssertionError(
			DEBIAN_IJ + " is missing (apt-get install imagej), and HOTPIXELS_REQUIRE_XVFB is set.");
		assumeTrue(Files.isRegularFile(DEBIAN_IJ), DEBIAN_IJ +
			" not found: skipping the test in Debian's ImageJ (apt-get install imagej).");
		final Path out = tmp.resolve("out");
		final Path macro = tmp.resolve("debian.ijm");
		Files.write(macro, ("print('ImageJ ' + getVersion());\n" + "runMacro('" + ImageJRun.macros()
			.resolve("find_in_open_stack.ijm").toAbsolutePath() + "', 'output=[" + out + "]');\n")
			.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
		final ImageJRun.Result r = new ImageJRun(tmp.resolve("ij"), DEBIAN_IJ.toRealPath()).batch(macro,
			"");
		MacroIT.assertFinished(r, "Saved to");
		final Matcher version = Pattern.compile("ImageJ (1\\.\\d+\\w)").matcher(r.out);
		assertTrue(version.find(), r::toString);
		assertFalse(version.group(1).equals("1.54p"), "expected Debian's own ImageJ: " + r);
		final DefectRows rows = new DefectRows(out.resolve("hot-pixels.csv"));
		assertEquals("stuck", rows.kindAt(new int[]{ 40, 30 }), rows::toString);
		assertEquals(3, rows.size(), rows::toString);
	}

	private static String index(final Path jarPath) throws IOException {
		try (JarFile jar = new JarFile(jarPath.toFile())) {
			return text(jar, jar.getEntry(INDEX));
		}
	}

	private static String text(final JarFile jar, final ZipEntry entry) throws IOException {
		assertNotNull(entry, "missing entry in " + jar.getName());
		try (InputStream in = jar.getInputStream(entry)) {
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			final byte[] buffer = new byte[8192];
			for (int n; (n = in.read(buffer)) > 0;)
				bytes.write(buffer, 0, n);
			return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
		}
	}

	private static int count(final String s, final String what) {
		int n = 0;
		for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1))
			n++;
		return n;
	}
}
