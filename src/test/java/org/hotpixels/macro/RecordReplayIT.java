package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.hotpixels.imagej.CorrectHotPixelsCommand;
import org.hotpixels.imagej.FindHotPixelsCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * Record a macro in real ImageJ and replay it: the Find Hot Pixels dialog is filled and
 * confirmed as a user would, the macro recorder's line is checked against the SciJava command's
 * parameter names (so the same line runs in Fiji), then replayed in a batch macro. Also the
 * options as Fiji records them ({@code skip_bad_frames=true}) run in plain ImageJ.
 */
class RecordReplayIT {

	private static final PlantedSeries SERIES = new PlantedSeries(3, new int[]{ 60, 40 }, new int[]{
		20, 70 }, null);

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsXvfb() {
		ImageJRun.assumeXvfb();
	}

	@Test
	void recordedKeysAreTheSciJavaParameterNamesAndTheLineReplays() throws Exception {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		final Path out = tmp.resolve("results with space");
		final ImageJRun.Result recorded = imagej().property("watchdog.record", "Find Hot Pixels")
			.property("watchdog.fill", "input_folder=" + in + ";file_pattern=*.tif;top_n=7;sigma=4.5;" +
				"skip_bad_frames=true;output_folder=" + out).run();
		assertEquals(0, recorded.exitCode, recorded::toString);
		final Matcher m = Pattern.compile("RECORDED (run\\(\"Find Hot Pixels\", \"(.*)\"\\);)").matcher(
			recorded.out);
		assertTrue(m.find(), recorded::toString);
		final String line = m.group(1), options = m.group(2);
		final Set<String> expected = sciJavaInputNames(FindHotPixelsCommand.class);
		expected.remove("overwrite"); // ImageJ 1 records a checkbox only when it is ticked
		assertEquals(expected, keys(options), "recorded: " + line);
		assertTrue(options.startsWith("input=folder "), line);
		assertTrue(options.contains("skip_bad_frames=true"), line);
		assertTrue(options.contains("output_folder=[" + out + "]"), line);
		assertPlantedIn(out);

		deleteFolder(out);
		final ImageJRun.Result replayed = imagej().batch(macro(line, "print('replayed');"), "");
		MacroIT.assertFinished(replayed, "replayed");
		assertPlantedIn(out);
	}

	@Test
	void fijiStyleBooleansWork() throws Exception {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		final ImagePlus odd = new ImagePlus("odd", new ByteProcessor(30, 20));
		new ij.io.FileSaver(odd).saveAsTiff(in.resolve("frame_99.tif").toString());
		final String common = "input_folder=[" + in + "] file_pattern= top_n=5 sigma=5.0 ";
		final ImageJRun.Result strict = imagej().batch(macro("run('Find Hot Pixels', '" + common +
			"skip_bad_frames=false output_folder=[" + tmp.resolve("a") + "]');"), "");
		assertTrue(strict.out.contains("Find Hot Pixels: ") && strict.out.contains("frame_99.tif"),
			"a mismatched frame is an error unless skipped: " + strict);
		for (final String flag : new String[]{ "skip_bad_frames=true", "skip_bad_frames" }) {
			final Path out = tmp.resolve(flag);
			final ImageJRun.Result r = imagej().batch(macro("run('Find Hot Pixels', '" + common + flag +
				" output_folder=[" + out + "]');", "print('done');"), "");
			assertTrue(r.out.contains("Find Hot Pixels: skipped ") && r.out.contains("frame_99.tif"),
				flag + ": " + r);
			assertTrue(r.out.contains("done"), flag + ": " + r);
			assertPlantedIn(out);
		}
	}

	@Test
	void aRecordedCorrectionReplays() throws Exception {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		final Path list = tmp.resolve("defects.csv");
		Files.write(list, ("x,y\n" + SERIES.stuck[0] + "," + SERIES.stuck[1] + "\n" + SERIES.hot[0] +
			"," + SERIES.hot[1] + "\n").getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.resolve("fixed");
		final ImageJRun.Result recorded = imagej().property("watchdog.record", "Correct Hot Pixels")
			.property("watchdog.fill", "input_folder=" + in + ";defect_file=" + list + ";output_folder=" +
				out + ";output_format=png;overwrite=true").run();
		assertEquals(0, recorded.exitCode, recorded::toString);
		final Matcher m = Pattern.compile("RECORDED (run\\(\"Correct Hot Pixels\", \"(.*)\"\\);)")
			.matcher(recorded.out);
		assertTrue(m.find(), recorded::toString);
		final String line = m.group(1);
		final Set<String> keys = keys(m.group(2));
		assertTrue(sciJavaInputNames(CorrectHotPixelsCommand.class).containsAll(keys), line);
		assertTrue(m.group(2).contains("output_format=png") && keys.contains("overwrite") && m.group(2)
			.contains("overwrite=true"), line);
		assertCorrectedIn(in, out);

		final ImageJRun.Result replayed = imagej().batch(macro(line, "print('replayed');"), "");
		MacroIT.assertFinished(replayed, "replayed"); // overwrite=true replaces the first run's files
		assertCorrectedIn(in, out);
	}

	private static void assertCorrectedIn(final Path in, final Path out) {
		for (int f = 0; f < PlantedSeries.FRAMES; f++) {
			final String name = String.format("frame_%02d", f);
			RepairCheck.assertRepaired(ij.IJ.openImage(in.resolve(name + ".tif").toString())
				.getProcessor(), ij.IJ.openImage(out.resolve(name + ".png").toString()).getProcessor(),
				name, SERIES.stuck, SERIES.hot);
		}
	}

	/** Input names of a SciJava command that a user sets (not the active image, not services). */
	static Set<String> sciJavaInputNames(final Class<?> command) {
		final Set<String> names = new TreeSet<>();
		for (final Field f : command.getDeclaredFields()) {
			final Parameter p = f.getAnnotation(Parameter.class);
			if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType()) || f
				.getType() == ImagePlus.class && p.autoFill()) continue; // the active image
			names.add(f.getName());
		}
		return names;
	}

	/** The keys of a macro option string ("a=1 b=[x y] c" gives a, b, c). */
	static Set<String> keys(final String options) {
		final Set<String> keys = new TreeSet<>();
		final Matcher m = Pattern.compile("(\\w+)(=(\\[[^\\]]*\\]|\\S*))?").matcher(options);
		while (m.find())
			keys.add(m.group(1));
		return keys;
	}

	private static void assertPlantedIn(final Path out) throws IOException {
		MacroIT.assertPlanted(new DefectRows(out.resolve("defects.csv")), SERIES);
		assertTrue(Files.size(out.resolve("variance.tif")) > 0);
	}

	private static void deleteFolder(final Path folder) throws IOException {
		try (java.util.stream.Stream<Path> s = Files.list(folder)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				Files.delete(p);
		}
		Files.delete(folder);
		assertFalse(Files.exists(folder));
	}

	private ImageJRun imagej() throws IOException {
		return new ImageJRun(tmp.resolve("ij"), ImageJRun.mavenImageJ());
	}

	private Path macro(final String... lines) throws IOException {
		final Path m = Files.createTempFile(tmp, "test", ".ijm");
		Files.write(m, String.join("\n", lines).replace('\'', '"').getBytes(StandardCharsets.UTF_8));
		return m;
	}
}
