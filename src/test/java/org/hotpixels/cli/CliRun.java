package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.hotpixels.results.FindOutputs;

/** One run of the command line in this JVM, with what it printed. */
final class CliRun {

	final int code;
	final String out;
	final String err;

	private CliRun(final Object[] r) {
		code = (Integer) r[0];
		out = r[1].toString();
		err = r[2].toString();
	}

	static CliRun of(final String... args) {
		return new CliRun(FindCliTest.cli(args));
	}

	/**
	 * A user's mistake: exit code 1, exactly one line "hotpixels: ..." on standard error holding
	 * every fragment, and no stack trace anywhere. Returns that line.
	 */
	String assertUserError(final String... fragments) {
		assertEquals(HotPixelsCli.USER_ERROR, code, this::toString);
		final String[] errors = Arrays.stream(err.split("\n")).filter(l -> l.startsWith("hotpixels: "))
			.toArray(String[]::new);
		assertEquals(1, errors.length, this::toString);
		assertFalse((out + err).contains("Exception") || (out + err).contains("\tat "), this::toString);
		for (final String f : fragments)
			assertTrue(errors[0].contains(f), () -> "'" + f + "' not in: " + errors[0]);
		return errors[0];
	}

	/** Exit code 0; returns standard output. */
	String assertSuccess() {
		assertEquals(0, code, this::toString);
		return out;
	}

	/**
	 * No result under a final name in {@code folder} (which may not exist), and no temporary file
	 * left behind.
	 */
	static void assertNoOutputs(final Path folder, final Path... more) throws IOException {
		for (final Path f : FindOutputs.files(folder))
			assertFalse(Files.exists(f), f + " exists");
		for (final Path f : more)
			assertFalse(Files.exists(f), f + " exists");
		if (Files.isDirectory(folder)) try (Stream<Path> s = Files.list(folder)) {
			final String left = s.map(p -> p.getFileName().toString()).reduce("", (a, b) -> a + " " + b);
			assertTrue(left.isEmpty(), "left in " + folder + ":" + left);
		}
	}

	@Override
	public String toString() {
		return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
	}
}
