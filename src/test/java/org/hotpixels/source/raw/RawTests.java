package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

/** Shared helpers of the RAW tests: test mosaics, and the installed decoders. */
final class RawTests {

	private RawTests() {}

	/** A {@code width x height} mosaic of random 16-bit values (the full range), fixed seed. */
	static short[] randomMosaic(final int width, final int height, final long seed) {
		final Random random = new Random(seed);
		final short[] m = new short[width * height];
		for (int i = 0; i < m.length; i++)
			m[i] = (short) random.nextInt(65536);
		return m;
	}

	/** A mosaic of values 1000..1999 (no value above 2000), fixed seed. */
	static short[] quietMosaic(final int width, final int height, final long seed) {
		final Random random = new Random(seed);
		final short[] m = new short[width * height];
		for (int i = 0; i < m.length; i++)
			m[i] = (short) (1000 + random.nextInt(1000));
		return m;
	}

	/** dcraw, found on the PATH as the project finds it; skips the test if it is not installed. */
	static RawDecoder dcraw() {
		final String saved = System.clearProperty(RawDecoder.PATH_PROPERTY);
		try {
			final RawDecoder d = RawDecoder.locate();
			assumeTrue(d != null && d.name().equals("dcraw"), "dcraw is not installed");
			return d;
		}
		finally {
			if (saved != null) System.setProperty(RawDecoder.PATH_PROPERTY, saved);
		}
	}

	/** LibRaw's tools, selected through the system property; skips the test without them. */
	static RawDecoder libRaw() {
		final Path identify = which("raw-identify");
		assumeTrue(identify != null && which("unprocessed_raw") != null,
			"LibRaw's tools (libraw-bin) are not installed");
		return withProperty(identify.toString(), RawDecoder::locate);
	}

	/** The program on the PATH, or null. */
	static Path which(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(
			java.io.File.pathSeparator))
		{
			final Path p = Paths.get(dir.isEmpty() ? "." : dir, program);
			if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
		}
		return null;
	}

	/** Runs {@code action} with the decoder property set to {@code value}, then restores it. */
	static <T> T withProperty(final String value, final java.util.function.Supplier<T> action) {
		final String saved = System.setProperty(RawDecoder.PATH_PROPERTY, value);
		try {
			return action.get();
		}
		finally {
			if (saved == null) System.clearProperty(RawDecoder.PATH_PROPERTY);
			else System.setProperty(RawDecoder.PATH_PROPERTY, saved);
		}
	}
}
