package org.hotpixels.source.raw;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Finds the installed decoder: the program named by the system property
 * {@value RawDecoder#PATH_PROPERTY} (a name starting with {@code dcraw_emu}, {@code raw-identify}
 * or {@code unprocessed_raw} means LibRaw's tools in that folder; any other name a
 * dcraw-compatible program), else {@code dcraw} on the PATH, else LibRaw's {@code raw-identify}
 * and {@code unprocessed_raw} on the PATH.
 */
final class DecoderSearch {

	private DecoderSearch() {}

	/** The decoder, or null if there is none. */
	static RawDecoder locate(final long timeoutMillis) {
		final String override = override();
		if (override != null) {
			final Path program = Paths.get(override);
			if (!isProgram(program)) return null;
			final String name = program.getFileName().toString().toLowerCase(Locale.ROOT);
			if (!name.startsWith("dcraw_emu") && !name.startsWith("raw-identify") && !name.startsWith(
				"unprocessed_raw")) return new DcrawDecoder(program, timeoutMillis);
			final Path dir = program.toAbsolutePath().getParent();
			return libRaw(inFolder(dir, "raw-identify"), inFolder(dir, "unprocessed_raw"), timeoutMillis);
		}
		final Path dcraw = onPath("dcraw");
		if (dcraw != null) return new DcrawDecoder(dcraw, timeoutMillis);
		return libRaw(onPath("raw-identify"), onPath("unprocessed_raw"), timeoutMillis);
	}

	/** The value of the system property, or null if it is not set. */
	static String override() {
		final String value = System.getProperty(RawDecoder.PATH_PROPERTY);
		return value == null || value.trim().isEmpty() ? null : value.trim();
	}

	private static RawDecoder libRaw(final Path identify, final Path unprocessed,
		final long timeoutMillis)
	{
		return identify == null || unprocessed == null ? null : new LibRawDecoder(identify, unprocessed,
			timeoutMillis);
	}

	private static Path onPath(final String program) {
		final String path = System.getenv("PATH");
		if (path == null) return null;
		for (final String dir : path.split(File.pathSeparator)) {
			if (dir.isEmpty()) continue;
			final Path found = inFolder(Paths.get(dir), program);
			if (found != null) return found;
		}
		return null;
	}

	private static Path inFolder(final Path dir, final String program) {
		if (dir == null) return null;
		for (final String suffix : new String[]{ "", ".exe" }) {
			final Path p = dir.resolve(program + suffix);
			if (isProgram(p)) return p;
		}
		return null;
	}

	private static boolean isProgram(final Path p) {
		return Files.isRegularFile(p) && Files.isExecutable(p);
	}
}
