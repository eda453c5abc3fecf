package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.hotpixels.progress.HotPixelsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Missing decoders, corrupt files and failing decoders give one-line messages naming the file. */
class RawDecoderErrorsTest {

	@TempDir
	Path dir;

	@Test
	void missingDecoderNamesThePackagesToInstall() {
		final Path file = dir.resolve("IMG_0001.CR2");
		final String missing = dir.resolve("no-such-dir").resolve("dcraw").toString();
		final HotPixelsException e = RawTests.withProperty(missing, () -> assertThrows(
			HotPixelsException.class, () -> RawDecoder.find(file)));
		assertEquals("No RAW decoder found at " + missing + " (system property hotpixels.dcraw):" +
			" install dcraw (apt-get install dcraw) or LibRaw's tools (libraw-bin) to read " +
			"IMG_0001.CR2.", e.getMessage());
		final HotPixelsException fromSource = RawTests.withProperty(missing, () -> assertThrows(
			HotPixelsException.class, () -> new RawFrameSource(Collections.singletonList(file))));
		assertEquals(e.getMessage(), fromSource.getMessage());
	}

	@Test
	void randomBytesAreNotARawFile() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final byte[] noise = new byte[4000];
		new Random(7).nextBytes(noise);
		final Path file = dir.resolve("noise.dng");
		Files.write(file, noise);
		final String identify = oneLineMessage(() -> dcraw.identify(file));
		final String decode = oneLineMessage(() -> dcraw.decode(file));
		assertEquals("noise.dng: dcraw cannot decode this file: not a RAW file it knows.", identify);
		assertEquals(identify, decode);
	}

	@Test
	void truncatedDngIsReportedWithTheDecodersMessage() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final byte[] wholeBytes = new DngWriter(40, 30, RawTests.randomMosaic(40, 30, 1)).bytes();
		final Path file = dir.resolve("cut.dng");
		Files.write(file, Arrays.copyOf(wholeBytes, wholeBytes.length - 700));
		final String message = oneLineMessage(() -> dcraw.decode(file));
		assertEquals("cut.dng: dcraw cannot decode this file: Unexpected end of file.", message);
		final Path header = dir.resolve("header.dng");
		Files.write(header, Arrays.copyOf(wholeBytes, 100));
		assertTrue(oneLineMessage(() -> dcraw.identify(header)).startsWith(
			"header.dng: dcraw cannot decode this file: "));
		final Path whole = dir.resolve("whole.dng");
		Files.write(whole, wholeBytes);
		final RawFrameSource series = new RawFrameSource(Arrays.asList(whole, file), dcraw);
		assertEquals(message, oneLineMessage(() -> series.read(1)));
	}

	@Test
	void tooSmallForDcraw() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final Path file = dir.resolve("tiny.dng");
		new DngWriter(21, 21, new short[21 * 21]).write(file);
		assertEquals("tiny.dng: dcraw cannot decode this file: not a RAW file it knows.",
			oneLineMessage(() -> dcraw.identify(file)));
	}

	@Test
	void failingDecoderProgramIsQuoted() throws IOException {
		final Path fake = script("fake-dcraw", "echo \"$3: Out of memory in main()\" >&2; exit 3");
		final Path file = dir.resolve("IMG_0002.NEF");
		Files.write(file, new byte[10]);
		final RawDecoder decoder = RawTests.withProperty(fake.toString(), RawDecoder::locate);
		assertEquals("IMG_0002.NEF: dcraw cannot decode this file: Out of memory in main().",
			oneLineMessage(() -> decoder.identify(file)));
	}

	@Test
	void decoderThatHangsIsKilled() throws IOException {
		final Path fake = script("slow-dcraw", "exec sleep 30");
		final Path file = dir.resolve("IMG_0003.ARW");
		Files.write(file, new byte[10]);
		final RawDecoder decoder = RawTests.withProperty(fake.toString(), RawDecoder::locate)
			.withTimeout(1, TimeUnit.SECONDS);
		assertEquals("IMG_0003.ARW: dcraw did not finish within 1 s.", oneLineMessage(() -> decoder
			.decode(file)));
	}

	/** A POSIX shell script; skips the test where there is no /bin/sh. */
	private Path script(final String name, final String body) throws IOException {
		assumeTrue(new File("/bin/sh").canExecute(), "needs /bin/sh");
		final Path p = dir.resolve(name);
		Files.write(p, Arrays.asList("#!/bin/sh", body), StandardCharsets.US_ASCII);
		assertTrue(p.toFile().setExecutable(true));
		return p;
	}

	private static String oneLineMessage(final Executable action) {
		final String message = assertThrows(HotPixelsException.class, action).getMessage();
		assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
		return message;
	}
}
