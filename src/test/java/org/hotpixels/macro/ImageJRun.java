package org.hotpixels.macro;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real ImageJ 1 in a separate JVM under {@code xvfb-run}, with the built drop-in jar as the only
 * plugin, a private home folder (no user preferences), and {@link ImageJWatchdog} as the main
 * class so that a modal dialog or a hang ends the run with its text instead of blocking the
 * build.
 *
 * <pre>{@code
 * ImageJRun.Result r = new ImageJRun(tmp, ImageJRun.mavenImageJ()).batch(macro, "output=[/tmp/x]");
 * }</pre>
 */
final class ImageJRun {

	/** Seconds after which the watchdog ends ImageJ (a process outside waits a bit longer). */
	static final int TIMEOUT_SECONDS = 60;

	/** What a run printed, and how it ended. */
	static final class Result {

		final int exitCode;
		final String out, err;

		Result(final int exitCode, final String out, final String err) {
			this.exitCode = exitCode;
			this.out = out;
			this.err = err;
		}

		/** True if the watchdog caught a modal dialog. */
		boolean dialogOpened() { // (xvfb-run may replace the exit code when its cleanup fails)
			return exitCode == ImageJWatchdog.DIALOG || err.contains(ImageJWatchdog.DIALOG_MARK);
		}

		@Override
		public String toString() {
			return "exit code " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
		}
	}

	private final Path work;
	private final Path ijJar;
	private final List<String> properties = new ArrayList<>();

	/** A fresh ImageJ installation in {@code work}, running {@code ijJar}. */
	ImageJRun(final Path work, final Path ijJar) throws IOException {
		this.work = work;
		this.ijJar = ijJar;
		Files.createDirectories(work.resolve("ImageJ/plugins"));
		Files.createDirectories(work.resolve("home"));
		final Path dropin = dropinJar();
		Files.copy(dropin, work.resolve("ImageJ/plugins").resolve(dropin.getFileName()),
			StandardCopyOption.REPLACE_EXISTING);
		copyWatchdog(work.resolve("watchdog"));
	}

	/** Adds a {@code -Dkey=value} for the ImageJ JVM (e.g. the watchdog's record mode). */
	ImageJRun property(final String key, final String value) {
		properties.add("-D" + key + "=" + value);
		return this;
	}

	/** {@code ImageJ -batch macro argument}: no ImageJ window, like a server or CI job. */
	Result batch(final Path macro, final String argument) throws IOException, InterruptedException {
		return run("-batch", macro.toString(), argument);
	}

	/** {@code ImageJ -macro macro argument}: the ImageJ window is open, as on a desktop. */
	Result withWindow(final Path macro, final String argument) throws IOException,
		InterruptedException
	{
		return run("-macro", macro.toString(), argument);
	}

	/** Runs ImageJ with {@code args} and waits for it. */
	Result run(final String... args) throws IOException, InterruptedException {
		final List<String> command = new ArrayList<>(Arrays.asList("xvfb-run", "-a", "-s",
			"-screen 0 1600x1000x24", Paths.get(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx1g", "-Duser.home=" + work.resolve("home"), "-Dplugins.dir=" + work
					.resolve("ImageJ"), "-Dwatchdog.seconds=" + TIMEOUT_SECONDS));
		command.addAll(properties);
		command.addAll(Arrays.asList("-cp", work.resolve("watchdog") + File.pathSeparator + ijJar,
			ImageJWatchdog.class.getName()));
		command.addAll(Arrays.asList(args));
		final Path out = Files.createTempFile(work, "stdout", ".txt");
		final Path err = Files.createTempFile(work, "stderr", ".txt");
		final Process p = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out
			.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(TIMEOUT_SECONDS + 30, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("ImageJ did not end within " + (TIMEOUT_SECONDS + 30) + " s: " +
				String.join(" ", command) + "\n" + read(out) + read(err));
		}
		return new Result(p.exitValue(), read(out), read(err));
	}

	/** Skips the calling test unless xvfb-run is installed (fails instead if it is required). */
	static void assumeXvfb() {
		final boolean found = onPath("xvfb-run");
		if (!found && required()) throw new AssertionError(
			"xvfb-run is not installed, and HOTPIXELS_REQUIRE_XVFB asks for the macro tests to run.");
		assumeTrue(found,
			"xvfb-run not found: skipping the tests in real ImageJ (apt-get install xvfb xauth).");
	}

	/** True when the environment asks for the ImageJ tests never to be skipped (CI). */
	static boolean required() {
		final String v = System.getenv("HOTPIXELS_REQUIRE_XVFB");
		return v != null && !v.isEmpty() && !v.equals("0");
	}

	static boolean onPath(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, program))) return true;
		return false;
	}

	/** The ij.jar that Maven resolved for the tests (net.imagej:ij, 1.54p). */
	static Path mavenImageJ() {
		try {
			return Paths.get(ij.ImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The drop-in jar built by {@code mvn package} (path from the failsafe configuration). */
	static Path dropinJar() {
		final String path = System.getProperty("hotpixels.dropin");
		assumeTrue(path != null,
			"hotpixels.dropin is not set: the macro tests run in 'mvn verify', after the jar is built.");
		final Path jar = Paths.get(path);
		if (!Files.isRegularFile(jar)) throw new AssertionError(jar +
			" is missing: run 'mvn package' first.");
		return jar;
	}

	/** The folder of example macros. */
	static Path macros() {
		return Paths.get(System.getProperty("hotpixels.macros", "macros"));
	}

	/** Copies only the watchdog's and probe's classes: the ImageJ JVM sees no other test class. */
	private static void copyWatchdog(final Path target) throws IOException {
		final Path dir;
		try {
			dir = Paths.get(ImageJWatchdog.class.getResource(ImageJWatchdog.class.getSimpleName() +
				".class").toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
		final Path pkg = target.resolve(ImageJWatchdog.class.getPackage().getName().replace('.', '/'));
		Files.createDirectories(pkg);
		for (final Class<?> c : new Class<?>[]{ ImageJWatchdog.class, GuiProbe.class })
			try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, c.getSimpleName() + "*.class")) {
				for (final Path f : s)
					Files.copy(f, pkg.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
	}

	private static String read(final Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}
}
