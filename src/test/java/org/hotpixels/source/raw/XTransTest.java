package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotpixels.cli.HotPixelsCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensor with a 6x6 colour filter pattern (Fujifilm X-Trans), in a DNG: each decoder reports
 * the pattern, and find refuses the series with one sentence instead of reading it as a
 * monochrome or 2x2 mosaic.
 */
class XTransTest {

	/** Fujifilm's X-Trans layout. */
	private static final String XTRANS = "GGRGGB" + "GGBGGR" + "BBGRRG" + "GGBGGR" + "GGRGGB" +
		"RRGBBG";

	@Test
	void dcrawSeriesIsRefused(@TempDir final Path tmp) throws Exception {
		RawTests.dcraw();
		check(tmp, null);
	}

	@Test
	void libRawSeriesIsRefused(@TempDir final Path tmp) throws Exception {
		final Path identify = RawTests.which("raw-identify");
		RawTests.libRaw();
		RawTests.withProperty(identify.toString(), () -> {
			try {
				check(tmp, "LibRaw");
			}
			catch (final Exception e) {
				throw new AssertionError(e);
			}
			return null;
		});
	}

	private static void check(final Path tmp, final String decoder) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("raf"));
		for (int f = 0; f < 3; f++)
			new DngWriter(48, 36, RawTests.quietMosaic(48, 36, f)).pattern6x6(XTRANS).write(in.resolve(
				"DSCF000" + f + ".DNG"));
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		System.setOut(new PrintStream(o, true));
		System.setErr(new PrintStream(e, true));
		final int code;
		try {
			code = HotPixelsCli.run("find", in.toString(), "-o", tmp.resolve("out").toString());
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		assertEquals(1, code, o + "\n" + e);
		final String message = e.toString().trim();
		assertTrue(message.startsWith("hotpixels: DSCF0000.DNG: its colour filter pattern ") && message
			.contains("is not a 2x2 Bayer pattern") && !message.contains("\n"), message + (decoder == null
				? "" : " (" + decoder + ")"));
		assertTrue(!Files.exists(tmp.resolve("out/defects.csv")));
	}
}
