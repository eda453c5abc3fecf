package org.hotpixels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper for checks with real peer programs (Siril, dcraw, Chromium): finds a program on
 * the PATH and skips the test without it, or fails when {@code HOTPIXELS_REQUIRE_XVFB} is set
 * (CI, whose {@code .ci/run} installs them), and runs it with a timeout.
 */
public final class ExternalProgram {

	private ExternalProgram() {}

	/** The program on the PATH; skips the calling test if it is missing (fails on CI). */
	public static Path require(final String program, final String debianPackage) {
		final Path p = find(program);
		final String v = System.getenv("HOTPIXELS_REQUIRE_XVFB");
		if (p == null && v != null && !v.isEmpty() && !v.equals("0")) throw new AssertionError(program +
			" is not installed (apt-get install " + debianPackage +
			"), and HOTPIXELS_REQUIRE_XVFB asks for every real-program test to run.");
		assumeTrue(p != null, program + " not found: skipping (apt-get install " + debianPackage +
			").");
		return p;
	}

	/** The first of the names found on the PATH, or null. */
	public static Path find(final String... programs) {
		for (final String program : programs)
			for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				if (dir.isEmpty()) continue;
				final Path p = Paths.get(dir, program);
				if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
			}
		return null;
	}

	/**
	 * Runs a command in {@code dir} with a timeout and returns its output (standard output and
	 * error together); a non-zero exit or a timeout fails with that output.
	 */
	public static String run(final Path dir, final int timeoutSeconds, final String... command)
		throws IOException, InterruptedException
	{
		final Path log = Files.createTempFile(dir, ".run", ".log");
		final Process p = new ProcessBuilder(Arrays.asList(command)).directory(dir.toFile())
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		final boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!done) p.destroyForcibly().waitFor();
		final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		Files.delete(log);
		final String output = String.join("\n", lines);
		if (!done) throw new AssertionError(String.join(" ", command) + " did not finish in " +
			timeoutSeconds + " s:\n" + output);
		if (p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " exited with " + p
			.exitValue() + ":\n" + output);
		return output;
	}
}
