package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.hotpixels.BadFiles;
import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.io.StatisticsFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "stack traces and hangs" and "CFA not in the state file": every option value is
 * checked by the parser before any file is read (exit 2, one line, no stack trace); a TIFF whose
 * chain of pages loops is refused instead of hanging; statistics files remember their colour
 * filter array.
 */
class OptionAndStateCliTest {

	@TempDir
	Path tmp;
	Path in;
	Path out;

	@BeforeEach
	void series() throws IOException {
		in = tmp.resolve("in");
		out = tmp.resolve("out");
		TestSeries.writeFolder(in, 5);
	}

	/** A usage error: exit 2, one "hotpixels: " line with the fragment, no trace, nothing created. */
	private void usageError(final String fragment, final String... args) {
		final CliRun r = CliRun.of(args);
		assertEquals(HotPixelsCli.USAGE_ERROR, r.code, r::toString);
		final String[] lines = Arrays.stream(r.err.split("\n")).filter(l -> l.startsWith("hotpixels: "))
			.toArray(String[]::new);
		assertEquals(1, lines.length, r::toString);
		assertTrue(lines[0].contains(fragment), r::toString);
		assertFalse((r.out + r.err).contains("\tat ") || (r.out + r.err).contains("Exception"),
			r::toString);
		assertFalse(Files.exists(out), "work started before the options were checked");
	}

	@Test
	void sigmaMustBeAFiniteNumberAboveZero() throws IOException {
		final Path state = tmp.resolve("s.hps");
		CliRun.of("find", in.toString(), "-o", tmp.resolve("o1").toString(), "--save-state", state
			.toString()).assertSuccess();
		for (final String sigma : new String[]{ "-1", "0", "NaN", "-Infinity", "Infinity", "1e309",
			"abc", "" })
		{
			usageError("Invalid value for option '--sigma'", "find", in.toString(), "-o", out.toString(),
				"--sigma=" + sigma);
			usageError("Invalid value for option '--sigma'", "merge", state.toString(), "-o", out
				.toString(), "--sigma=" + sigma);
		}
	}

	@Test
	void threadsTopPatternFormatAndDemoSizesAreChecked() {
		for (final String threads : new String[]{ "0", "-1", "32768", "99999999999", "x" })
			usageError("'--threads'", "find", in.toString(), "-o", out.toString(), "--threads", threads);
		for (final String top : new String[]{ "-1", "1000001", "2147483648" })
			usageError("'--top'", "find", in.toString(), "-o", out.toString(), "--top", top);
		usageError("'--pattern': '[a' is not a valid pattern", "find", in.toString(), "-o", out
			.toString(), "--pattern", "[a");
		usageError("'--format': 'gif' is not one of same, tif or png", "correct", in.toString(), "-d",
			"x.csv", "-o", out.toString(), "--format", "gif");
		usageError("'--cfa'", "find", in.toString(), "-o", out.toString(), "--cfa", "RGBW");
		usageError("'--frames'", "demo", "-o", out.toString(), "--frames", "1");
		CliRun.of("demo", "-o", out.toString(), "--size", "100000x100000").assertUserError(
			"from 32x32 to 8192x8192");
	}

	@Test
	void badGlobsAndPathsInInputsAreOneLine() throws IOException {
		CliRun.of("find", in.resolve("[a*.tif").toString(), "-o", out.toString()).assertUserError(
			"not a valid pattern");
		CliRun.of("find", in + "\u0000x", "-o", out.toString()).assertUserError(
			"not a valid file name");
	}

	/** A copy of a series frame whose chain of pages points back to its own first page. */
	private static Path loopingTiff(final Path from, final Path to) throws IOException {
		final byte[] b = Files.readAllBytes(from);
		final ByteBuffer buf = ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN
			: ByteOrder.BIG_ENDIAN);
		final int ifd = buf.getInt(4);
		final int entries = buf.getShort(ifd) & 0xffff;
		buf.putInt(ifd + 2 + 12 * entries, ifd);
		return Files.write(to, b);
	}

	@Test
	void aTiffWhoseChainOfPagesLoopsIsRefusedInsteadOfHanging() throws IOException {
		final Path bad = loopingTiff(in.resolve("frame_001.tif"), in.resolve("frame_001b.tif"));
		final FileSnapshot before = FileSnapshot.of(in);
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			CliRun.of("find", in.toString(), "-o", out.toString()).assertUserError(bad +
				": TIFF's chain of pages loops back on itself");
			CliRun.assertNoOutputs(out);
			assertTrue(CliRun.of("find", in.toString(), "-o", out.toString(), "--skip-bad-frames")
				.assertSuccess().contains("Read 5 frames"));
			final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n".getBytes(
				StandardCharsets.UTF_8));
			CliRun.of("correct", bad.toString(), "-d", defects.toString(), "-o", tmp.resolve("fixed")
				.toString()).assertUserError("chain of pages loops");
			final Path mask = loopingTiff(in.resolve("frame_002.tif"), tmp.resolve("mask.tif"));
			CliRun.of("correct", in.resolve("frame_000.tif").toString(), "-d", mask.toString(), "-o", tmp
				.resolve("fixed2").toString()).assertUserError("chain of pages loops");
		});
		before.assertUnchanged();
	}

	@Test
	void imageJsOwnMessagesDoNotReachTheTerminal() throws IOException {
		for (final String ext : new String[]{ "png", "bmp", "fits", "dcm" }) {
			final Path bad = BadFiles.randomBytes(in.resolve("frame_001b." + ext), 3000, ext.hashCode());
			final CliRun r = CliRun.of("find", in.toString(), "-o", out.toString());
			r.assertUserError(bad.toString());
			assertFalse(r.out.contains("Unsupported format") || r.out.contains("DICOM") || r.out.contains(
				"IOException"), r::toString);
			Files.delete(bad);
		}
	}

	@Test
	void statisticsFilesRememberTheirColourFilterArray() throws IOException {
		final Path rggb = tmp.resolve("rggb.hps"), plain = tmp.resolve("plain.hps.gz");
		CliRun.of("find", in.toString(), "-o", tmp.resolve("o1").toString(), "--cfa", "RGGB",
			"--save-state", rggb.toString()).assertSuccess();
		CliRun.of("find", in.toString(), "-o", tmp.resolve("o2").toString(), "--save-state", plain
			.toString()).assertSuccess();
		assertEquals("RGGB", String.valueOf(StatisticsFile.readSaved(rggb).cfa));
		assertTrue(StatisticsFile.readSaved(plain).cfaKnown);
		// merged without --cfa: the stored pattern, so the results are those of the RGGB run
		final Path merged = tmp.resolve("merged");
		CliRun.of("merge", rggb.toString(), "-o", merged.toString()).assertSuccess();
		assertEquals(new String(Files.readAllBytes(tmp.resolve("o1").resolve(FindOutputs.DEFECTS)),
			StandardCharsets.UTF_8), new String(Files.readAllBytes(merged.resolve(FindOutputs.DEFECTS)),
				StandardCharsets.UTF_8));
		assertTrue(Files.exists(merged.resolve(FindOutputs.DCRAW)));
		CliRun.of("merge", rggb.toString(), "-o", out.toString(), "--cfa", "BGGR").assertUserError(
			rggb + ": the statistics are of CFA RGGB mosaics, but this run reads CFA BGGR mosaics");
		CliRun.of("merge", rggb.toString(), plain.toString(), "-o", out.toString()).assertUserError(
			plain + ": statistics of ordinary frames (no CFA) cannot be merged with those of CFA RGGB " +
				"mosaics");
		CliRun.of("find", in.toString(), "-o", out.toString(), "--resume", rggb.toString(), "--cfa",
			"BGGR").assertUserError("the statistics are of CFA RGGB mosaics");
		CliRun.of("find", in.toString(), "-o", out.toString(), "--resume", plain.toString(), "--cfa",
			"GRBG").assertUserError("the statistics are of ordinary frames (no CFA)");
		CliRun.assertNoOutputs(out);
		// resumed without --cfa: the stored pattern again
		final CliRun resumed = CliRun.of("find", in.toString(), "-o", out.toString(), "--resume", rggb
			.toString());
		assertTrue(resumed.assertSuccess().contains("RGGB mosaic"), resumed::toString);
	}

	/**
	 * Statistics files of formats 1 and 2 lack the residual statistics that detection needs: they
	 * are refused with one sentence that says what to do, and nothing is written.
	 */
	@Test
	void statisticsOfEarlierFormatsAreRefusedWithOneSentence() throws IOException {
		final Path current = tmp.resolve("v3.hps");
		CliRun.of("find", in.toString(), "-o", tmp.resolve("o1").toString(), "--save-state", current
			.toString()).assertSuccess();
		for (final int version : new int[]{ 1, 2 }) {
			final byte[] b = Files.readAllBytes(current);
			ByteBuffer.wrap(b).putInt(8, version);
			final CRC32 crc = new CRC32();
			crc.update(b, 0, b.length - 4);
			ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
			final Path old = Files.write(tmp.resolve("v" + version + ".hps"), b);
			CliRun.of("merge", old.toString(), "-o", out.toString()).assertUserError(old +
				": statistics format " + version + " was written by an older version of Hot Pixel Finder");
			CliRun.assertNoOutputs(out);
		}
	}
}
