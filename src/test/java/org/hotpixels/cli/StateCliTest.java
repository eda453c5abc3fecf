package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotpixels.BadFiles;
import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.results.FindOutputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code find --save-state / --resume} and {@code merge}: a series read in two parts, resumed or
 * merged, gives byte for byte the files of one pass over all its frames (8-bit data: exact).
 */
class StateCliTest {

	private static final int FRAMES = 20, SPLIT = 12;

	@TempDir
	Path tmp;
	Path all, part1, part2;

	@BeforeEach
	void splitASeries() throws IOException {
		all = tmp.resolve("all");
		part1 = tmp.resolve("part1");
		part2 = tmp.resolve("part2");
		TestSeries.writeFolder(all, FRAMES);
		Files.createDirectories(part1);
		Files.createDirectories(part2);
		for (int f = 0; f < FRAMES; f++) {
			final String name = String.format("frame_%03d.tif", f);
			Files.copy(all.resolve(name), (f < SPLIT ? part1 : part2).resolve(name));
		}
	}

	private static void assertSameFiles(final Path expected, final Path actual) throws IOException {
		for (final String name : new String[]{ FindOutputs.VARIANCE, FindOutputs.MEAN,
			FindOutputs.DEFECTS, FindOutputs.LOWEST })
			assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual
				.resolve(name)), name + " of " + actual + " differs from " + expected);
	}

	@Test
	void mergedPartsGiveTheFilesOfOnePass() throws IOException {
		final String onePass = CliRun.of("find", all.toString(), "-o", tmp.resolve("one").toString(),
			"--save-state", tmp.resolve("all.hps").toString()).assertSuccess();
		assertTrue(onePass.contains("Found 3 defects"), onePass);
		final Path a = tmp.resolve("a.hps"), b = tmp.resolve("b.hps.gz");
		CliRun.of("find", part1.toString(), "-o", tmp.resolve("out1").toString(), "--save-state", a
			.toString()).assertSuccess();
		final String second = CliRun.of("find", part2.toString(), "-o", tmp.resolve("out2").toString(),
			"--save-state", b.toString()).assertSuccess();
		assertTrue(second.contains("Saved the statistics of 8 frames to " + b), second);
		final FileSnapshot stateA = FileSnapshot.of(a), stateB = FileSnapshot.of(b);
		final String merged = CliRun.of("merge", a.toString(), b.toString(), "-o", tmp.resolve("merged")
			.toString(), "--save-state", tmp.resolve("merged.hps").toString()).assertSuccess();
		stateA.assertUnchanged();
		stateB.assertUnchanged();
		assertTrue(merged.contains("Merged 2 statistics files") && merged.contains("Read 20 frames") &&
			merged.contains("Found 3 defects"), merged);
		assertSameFiles(tmp.resolve("one"), tmp.resolve("merged"));
		assertArrayEquals(Files.readAllBytes(tmp.resolve("all.hps")), Files.readAllBytes(tmp.resolve(
			"merged.hps")), "merged statistics differ from one pass");
	}

	@Test
	void resumingAddsTheNewFramesToTheSavedOnes() throws IOException {
		CliRun.of("find", all.toString(), "-o", tmp.resolve("one").toString()).assertSuccess();
		final Path state = tmp.resolve("series.hps");
		CliRun.of("find", part1.toString(), "-o", tmp.resolve("out1").toString(), "--save-state", state
			.toString()).assertSuccess();
		final FileSnapshot saved = FileSnapshot.of(state);
		final String resumed = CliRun.of("find", part2.toString(), "--resume", state.toString(), "-o",
			tmp.resolve("resumed").toString()).assertSuccess();
		saved.assertUnchanged();
		assertTrue(resumed.contains("Read 20 frames"), resumed);
		assertSameFiles(tmp.resolve("one"), tmp.resolve("resumed"));
		// resuming into the same file replaces it only once the new statistics are complete
		CliRun.of("find", part2.toString(), "--resume", state.toString(), "--save-state", state
			.toString(), "-o", tmp.resolve("again").toString()).assertSuccess();
		CliRun.of("merge", state.toString(), "-o", tmp.resolve("from-state").toString())
			.assertSuccess();
		assertSameFiles(tmp.resolve("again"), tmp.resolve("from-state"));
	}

	@Test
	void aStateOfOtherFramesCannotBeResumedOrMerged() throws IOException {
		final Path grey = tmp.resolve("grey.hps"), deep = tmp.resolve("deep.hps");
		CliRun.of("find", part1.toString(), "-o", tmp.resolve("o1").toString(), "--save-state", grey
			.toString()).assertSuccess();
		final Path sixteen = tmp.resolve("sixteen");
		BadFiles.tiff16(sixteen.resolve("a.tif"));
		BadFiles.tiff16(sixteen.resolve("b.tif"));
		CliRun.of("find", sixteen.toString(), "-o", tmp.resolve("o2").toString(), "--save-state", deep
			.toString()).assertSuccess();
		final Path out = tmp.resolve("out");
		CliRun.of("find", sixteen.toString(), "--resume", grey.toString(), "-o", out.toString())
			.assertUserError(sixteen.resolve("a.tif") + ": is 16-bit 200x150, but the saved " +
				"statistics are 8-bit 200x150, 1 channel.");
		CliRun.assertNoOutputs(out);
		CliRun.of("merge", grey.toString(), deep.toString(), "-o", out.toString()).assertUserError(
			deep + ": statistics of 16-bit 200x150 cannot be merged with 8-bit 200x150 (" + grey + ").");
		CliRun.assertNoOutputs(out);
	}

	@Test
	void damagedOrMisnamedStateFilesAreOneLineErrors() throws IOException {
		final Path state = tmp.resolve("state.hps"), out = tmp.resolve("out");
		CliRun.of("find", part1.toString(), "-o", tmp.resolve("o1").toString(), "--save-state", state
			.toString()).assertSuccess();
		try (RandomAccessFile f = new RandomAccessFile(state.toFile(), "rw")) {
			f.seek(f.length() / 2);
			final int b = f.read();
			f.seek(f.length() / 2);
			f.write(b ^ 0x10);
		}
		CliRun.of("merge", state.toString(), "-o", out.toString()).assertUserError(state +
			": checksum mismatch, the file is damaged.");
		CliRun.of("find", part2.toString(), "--resume", state.toString(), "-o", out.toString())
			.assertUserError(state + ": checksum mismatch, the file is damaged.");
		CliRun.assertNoOutputs(out);
		final Path missing = tmp.resolve("missing.hps");
		CliRun.of("find", part2.toString(), "--resume", missing.toString(), "-o", out.toString())
			.assertUserError(missing + ": no such statistics file.");
		CliRun.of("find", part2.toString(), "--save-state", state.toString(), "-o", out.toString())
			.assertUserError(state + ": already exists");
		CliRun.of("find", part2.toString(), "--save-state", part2.resolve("frame_015.tif").toString(),
			"-o", out.toString()).assertUserError(part2.resolve("frame_015.tif") +
				": is one of the input files");
		CliRun.of("find", part2.toString(), "--save-state", tmp.toString(), "-o", out.toString())
			.assertUserError(tmp + ": is a folder");
		CliRun.assertNoOutputs(out);
	}
}
