package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.BadFiles;
import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.results.FindOutputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named bad-input suite, from the command line: every mistake with the inputs gives one
 * line "hotpixels: FILE: problem", exit code 1, no stack trace, leaves every input file as it
 * was and writes no result.
 */
class BadInputCliTest {

	@TempDir
	Path tmp;
	Path in;
	Path out;

	@BeforeEach
	void folders() {
		in = tmp.resolve("in");
		out = tmp.resolve("out");
	}

	/** Runs find on {@code input} (default: the input folder) and checks inputs are untouched. */
	private CliRun find(final String... extra) throws IOException {
		final FileSnapshot before = FileSnapshot.of(in);
		final List<String> args = new ArrayList<>();
		args.add("find");
		if (extra.length == 0 || extra[0].startsWith("-")) args.add(in.toString());
		args.addAll(java.util.Arrays.asList(extra));
		args.add("--output");
		args.add(out.toString());
		final CliRun r = CliRun.of(args.toArray(new String[0]));
		before.assertUnchanged();
		return r;
	}

	private CliRun refused(final String... fragments) throws IOException {
		final CliRun r = find();
		r.assertUserError(fragments);
		CliRun.assertNoOutputs(out);
		return r;
	}

	@Test
	void emptyFolder() throws IOException {
		Files.createDirectories(in);
		refused(in + ": folder has no image files.");
	}

	@Test
	void folderWithOneFrame() throws IOException {
		TestSeries.writeFolder(in, 1);
		refused("frame_000.tif: only 1 frame in the series, but the variance needs at least two");
	}

	@Test
	void noFileMatchesThePattern() throws IOException {
		TestSeries.writeFolder(in, 3);
		final CliRun r = find("--pattern", "*.png");
		r.assertUserError(in + ": folder has no image files matching '*.png'.");
		CliRun.assertNoOutputs(out);
		final CliRun glob = find(in.resolve("*.jpg").toString());
		glob.assertUserError(in.resolve("*.jpg") + ": no file matches.");
	}

	@Test
	void nonImageFilesAreLeftOutWithANote() throws IOException {
		TestSeries.writeFolder(in, 4);
		Files.write(in.resolve("notes.txt"), "shot at 1/250 s".getBytes(StandardCharsets.UTF_8));
		Files.write(in.resolve("frame_000.tif.xmp"), "<x:xmpmeta/>".getBytes(StandardCharsets.UTF_8));
		final String printed = find().assertSuccess();
		assertTrue(printed.contains("Left out 2 file(s) that are not images"), printed);
		assertTrue(printed.contains("Read 4 frames"), printed);
	}

	@Test
	void aTextFileNamedJpgIsAnErrorOrSkipped() throws IOException {
		TestSeries.writeFolder(in, 4);
		Files.write(in.resolve("frame_002.jpg"), "not a picture\n".getBytes(StandardCharsets.UTF_8));
		refused("frame_002.jpg", "not an image");
		final String printed = find("--skip-bad-frames").assertSuccess();
		assertTrue(printed.contains("Skipped: ") && printed.contains("frame_002.jpg"), printed);
		assertTrue(printed.contains("Read 4 frames"), printed);
	}

	@Test
	void skippingLeavesTooFewFrames() throws IOException {
		TestSeries.writeFolder(in, 2);
		BadFiles.truncate(in.resolve("frame_001.tif"), 0.5);
		find("--skip-bad-frames").assertUserError(in.resolve("frame_000.tif") +
			": only 1 frame of 2 could be read, but the variance needs at least two frames.");
		BadFiles.truncate(in.resolve("frame_000.tif"), 0.5);
		find("--skip-bad-frames").assertUserError(in.resolve("frame_000.tif") +
			": no frame of the series could be read; the first problem: " + in.resolve("frame_000.tif") +
			": TIFF is truncated");
		CliRun.assertNoOutputs(out);
	}

	@Test
	void zeroByteFiles() throws IOException {
		TestSeries.writeFolder(in, 4);
		Files.write(in.resolve("frame_001b.tif"), new byte[0]);
		refused(in.resolve("frame_001b.tif") + ": is empty (0 bytes).");
		final String printed = find("--skip-bad-frames", "--overwrite").assertSuccess();
		assertTrue(printed.contains("Skipped: " + in.resolve("frame_001b.tif") + ": is empty"),
			printed);
		out = tmp.resolve("out2");
		Files.delete(in.resolve("frame_001b.tif"));
		Files.write(in.resolve("frame_001b.jpg"), new byte[0]);
		refused(in.resolve("frame_001b.jpg") + ": is empty (0 bytes).");
	}

	@Test
	void truncatedJpeg() throws IOException {
		BadFiles.jpegSeries(in, 4);
		BadFiles.truncate(in.resolve("frame_002.jpg"), 0.5);
		refused("frame_002.jpg: damaged");
		final String printed = find("--skip-bad-frames").assertSuccess();
		assertTrue(printed.contains("Read 3 frames"), printed);
	}

	@Test
	void truncatedTiff() throws IOException {
		TestSeries.writeFolder(in, 4);
		BadFiles.truncate(in.resolve("frame_001.tif"), 0.6);
		refused("frame_001.tif: TIFF is truncated");
	}

	@Test
	void randomBytesWithAnImageExtension() throws IOException {
		for (final String ext : new String[]{ "tif", "jpg", "png", "pgm" }) {
			TestSeries.writeFolder(in, 3);
			final Path bad = BadFiles.randomBytes(in.resolve("frame_001b." + ext), 5000, ext.hashCode());
			final String line = refused(bad.toString()).assertUserError();
			assertTrue(line.matches(".*(not a readable TIFF|damaged|not an image in any format).*"),
				line);
			Files.delete(bad);
		}
	}

	@Test
	void framesOfDifferentSizes() throws IOException {
		TestSeries.writeFolder(in, 4);
		new ij.io.FileSaver(new ij.ImagePlus("odd", new ij.process.ByteProcessor(64, 48))).saveAsTiff(in
			.resolve("frame_002b.tif").toString());
		refused(in.resolve("frame_002b.tif") +
			": is 8-bit 64x48, but the series is 8-bit 200x150 (from " + in.resolve("frame_000.tif") +
			").");
	}

	@Test
	void framesOfDifferentBitDepths() throws IOException {
		TestSeries.writeFolder(in, 4);
		BadFiles.tiff16(in.resolve("frame_002b.tif"));
		refused(in.resolve("frame_002b.tif") +
			": is 16-bit 200x150, but the series is 8-bit 200x150 (from " + in.resolve("frame_000.tif") +
			").");
	}

	@Test
	void rgbMixedWithGrey() throws IOException {
		TestSeries.writeFolder(in, 4);
		BadFiles.rgbTiff(in.resolve("frame_002b.tif"));
		refused(in.resolve("frame_002b.tif") +
			": is RGB 200x150, but the series is 8-bit 200x150 (from " + in.resolve("frame_000.tif") +
			").");
		final String printed = find("--skip-bad-frames").assertSuccess();
		assertTrue(printed.contains("Skipped: ") && printed.contains("frame_002b.tif"), printed);
	}

	@Test
	void unreadableFile() throws IOException {
		TestSeries.writeFolder(in, 4);
		final Path locked = in.resolve("frame_001.tif");
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
		try {
			assumeFalse(Files.isReadable(locked),
				"running as root: file permissions are not enforced, the case cannot be shown");
			refused(locked + ": cannot be read (permission denied).");
		}
		finally {
			Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
		}
	}

	@Test
	void missingInput() throws IOException {
		final Path missing = tmp.resolve("no-such-folder");
		final CliRun r = CliRun.of("find", missing.toString(), "--output", out.toString());
		r.assertUserError(missing + ": no such file or folder.");
		CliRun.assertNoOutputs(out);
	}

	/**
	 * A PNG side below the array limit whose decoded image still takes half of this JVM's heap:
	 * a header claiming it is a decompression bomb here.
	 */
	private static final int BIG_PNG_SIDE = (int) Math.sqrt(Math.min(2.0e9, Runtime.getRuntime()
		.maxMemory() / 2.0));

	@Test
	void nanAndInfinityInFloatFramesAreSkippedPerPixel() throws IOException {
		final int w = 40, h = 30;
		for (int f = 0; f < 8; f++) {
			final float[] px = new float[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = 100 + (float) Math.sin(i * 0.7 + f * 1.3) * 5;
			px[3 * w + 4] = f == 0 ? 7 : Float.NaN; // one valid sample: no variance
			px[5 * w + 6] = f % 2 == 0 ? Float.NaN : 100 + f; // 101, 103, 105, 107
			px[7 * w + 8] = f % 3 == 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
			BadFiles.floatTiff(in.resolve(String.format("f%02d.tif", f)), w, h, px);
		}
		final String printed = find("--top", "5").assertSuccess();
		assertTrue(printed.contains("Read 8 frames (32-bit 40x30"), printed);
		final ij.ImagePlus variance = new ij.io.Opener().openImage(out.resolve("variance.tif")
			.toString());
		assertTrue(Float.isNaN(variance.getProcessor().getf(4, 3)));
		assertTrue(Float.isNaN(variance.getProcessor().getf(8, 7)));
		assertEquals(20.0 / 3, variance.getProcessor().getf(6, 5), 1e-5);
		for (final String line : Files.readAllLines(out.resolve("defects.csv")))
			assertTrue(!line.startsWith("4,3,") && !line.startsWith("8,7,"), line);
		final List<String> lowest = Files.readAllLines(out.resolve("lowest.csv"));
		assertEquals(6, lowest.size());
		for (final String line : lowest.subList(1, lowest.size()))
			assertTrue(!line.split(",")[4].isEmpty() && !line.contains("NaN"), line);
	}

	@Test
	void enormousHeadersAreRefusedBeforeDecoding() throws IOException {
		final Runtime rt = Runtime.getRuntime();
		final Path[] bombs = { BadFiles.tiffClaiming(tmp.resolve("bomb.tif"), 100000, 100000, 1),
			BadFiles.tiffClaiming(tmp.resolve("lzw.tif"), 40000, 40000, 5), BadFiles.pngClaiming(tmp
				.resolve("bomb.png"), 60000, 60000), BadFiles.pngClaiming(tmp.resolve("big.png"),
					BIG_PNG_SIDE, BIG_PNG_SIDE), BadFiles.jpegClaiming(tmp.resolve("bomb.jpg"), 60000, 60000),
			BadFiles.pgmClaiming(tmp.resolve("bomb.pgm"), 60000, 60000) };
		for (final Path bomb : bombs) {
			TestSeries.writeFolder(in, 3);
			Files.copy(bomb, in.resolve("frame_001b" + bomb.getFileName().toString().replaceAll("^[a-z]+",
				"")));
			final CliRun r = find();
			final String line = r.assertUserError("frame_001b");
			assertTrue(line.matches(".*(claims|more than|memory).*"), line);
			CliRun.assertNoOutputs(out);
			for (final Path p : Files.newDirectoryStream(in, "frame_001b*"))
				Files.delete(p);
			System.gc();
			assertTrue(rt.totalMemory() - rt.freeMemory() < 512L << 20, "heap in use after " + bomb +
				": " + (rt.totalMemory() - rt.freeMemory()));
		}
	}

	@Test
	void outputFolderInsideOrEqualToTheInputFolder() throws IOException {
		TestSeries.writeFolder(in, 3);
		out = in;
		find().assertUserError(in + ": output folder is the input folder or inside it");
		CliRun.assertNoOutputs(tmp.resolve("nothing"), FindOutputs.files(in).toArray(new Path[0]));
		out = in.resolve("results");
		refused(out + ": output folder is the input folder or inside it");
		assertTrue(!Files.exists(out));
	}

	@Test
	void anOutputFileThatExists() throws IOException {
		TestSeries.writeFolder(in, 3);
		Files.createDirectories(out);
		final Path mine = Files.write(out.resolve("lowest.csv"), "mine".getBytes(
			StandardCharsets.UTF_8));
		final FileSnapshot before = FileSnapshot.of(out);
		find().assertUserError(mine + ": already exists");
		before.assertUnchanged();
	}

	@Test
	void anOutputFolderThatCannotBeCreated() throws IOException {
		TestSeries.writeFolder(in, 3);
		final Path file = Files.write(tmp.resolve("a-file"), new byte[]{ 1 });
		out = file.resolve("sub");
		find().assertUserError(out + ": cannot create the output folder, " + file + " is a file.");
		out = file;
		find().assertUserError(file + ": exists and is not a folder.");
		assertEquals(1, Files.size(file));
	}

	@Test
	void anUnwritableOutputFolder() throws IOException {
		TestSeries.writeFolder(in, 3);
		Files.createDirectories(out);
		Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeFalse(Files.isWritable(out),
				"running as root: folder permissions are not enforced, the case cannot be shown");
			find().assertUserError(out + ": output folder is not writable (permission denied).");
			CliRun.assertNoOutputs(out);
		}
		finally {
			Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}
}
