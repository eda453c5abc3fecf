package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "inputs or other files destroyed" and "all-or-none": every path a run writes goes
 * through one guard (links resolved, inputs and their folders refused, special files refused,
 * existing files only with --overwrite, one run per folder), and the results of a run appear in
 * one commit. Each case is a command an adversarial user tried.
 */
class OutputGuardCliTest {

	@TempDir
	Path tmp;
	Path in;
	Path inlink;
	Path out;

	@BeforeEach
	void series() throws IOException {
		in = tmp.resolve("in");
		out = tmp.resolve("out");
		TestSeries.writeFolder(in, 6);
		inlink = Files.createSymbolicLink(tmp.resolve("inlink"), in);
	}

	private CliRun run(final String... args) throws IOException {
		final FileSnapshot before = FileSnapshot.of(in);
		final CliRun r = CliRun.of(args);
		before.assertUnchanged();
		return r;
	}

	@Test
	void saveStateThroughALinkedInputFolderIsRefused() throws IOException {
		run("find", in.toString(), "-o", out.toString(), "--save-state", inlink.resolve("frame_000.tif")
			.toString(), "--overwrite").assertUserError("frame_000.tif", "is one of the input files");
		CliRun.assertNoOutputs(out);
		// a new file in the input folder is refused as well: the next run would list it
		run("find", in.toString(), "-o", out.toString(), "--save-state", inlink.resolve("s.hps")
			.toString()).assertUserError("lies in the folder of the input images");
		assertFalse(Files.exists(in.resolve("s.hps")));
	}

	@Test
	void outputFolderIsALinkToTheInputFolder() throws IOException {
		Files.copy(in.resolve("frame_000.tif"), tmp.resolve("keep.tif"));
		Files.move(in.resolve("frame_005.tif"), in.resolve("mean.tif"));
		run("find", in.toString(), "-o", inlink.toString(), "--overwrite").assertUserError(
			"output folder is the input folder or inside it");
		run("find", inlink.toString(), "-o", in.resolve("res").toString()).assertUserError(
			"output folder is the input folder or inside it");
		assertFalse(Files.exists(in.resolve("res")));
	}

	@Test
	void aResultNameLinkedToAnInputIsRefused() throws IOException {
		Files.createDirectories(out);
		Files.createSymbolicLink(out.resolve("mean.tif"), in.resolve("frame_002.tif"));
		run("find", in.toString(), "-o", out.toString(), "--overwrite").assertUserError(out.resolve(
			"mean.tif") + ": is one of the input files");
		assertTrue(Files.isSymbolicLink(out.resolve("mean.tif")));
	}

	@Test
	void mergeNeverReplacesOneOfItsInputsWithoutOverwrite() throws IOException {
		final Path a = tmp.resolve("A.hps"), b = tmp.resolve("B.hps");
		run("find", in.toString(), "-o", tmp.resolve("oa").toString(), "--save-state", a.toString())
			.assertSuccess();
		run("find", in.toString(), "-o", tmp.resolve("ob").toString(), "--save-state", b.toString())
			.assertSuccess();
		final String digest = FileSnapshot.sha256(a);
		run("merge", a.toString(), b.toString(), "-o", out.toString(), "--save-state", a.toString())
			.assertUserError(a + ": is one of the input files");
		assertEquals(digest, FileSnapshot.sha256(a));
		CliRun.assertNoOutputs(out);
	}

	@Test
	void theSameFileTwiceIsRefused() throws IOException {
		run("find", in.toString(), in.toString(), "-o", out.toString()).assertUserError(
			"is given twice", "each file may be read only once");
		run("find", in.toString(), inlink.resolve("frame_003.tif").toString(), "-o", out.toString())
			.assertUserError("is given twice (also as " + in.resolve("frame_003.tif") + ")");
		run("find", in.toString(), in.resolve("*.tif").toString(), "-o", out.toString())
			.assertUserError("is given twice");
		CliRun.assertNoOutputs(out);
		final Path a = tmp.resolve("A.hps");
		run("find", in.toString(), "-o", tmp.resolve("oa").toString(), "--save-state", a.toString())
			.assertSuccess();
		run("merge", a.toString(), tmp.resolve(".").resolve("A.hps").toString(), "-o", out.toString())
			.assertUserError("is given twice", "its frames would count twice");
		CliRun.assertNoOutputs(out);
	}

	@Test
	void aDeviceIsNeverWritten() throws IOException {
		final Path dev = Paths.get("/dev/null");
		assumeTrue(Files.exists(dev) && !Files.isRegularFile(dev));
		run("find", in.toString(), "-o", out.toString(), "--save-state", dev.toString(), "--overwrite")
			.assertUserError("/dev/null: is not a regular file (a device, pipe or socket)");
		assertFalse(Files.isRegularFile(dev, LinkOption.NOFOLLOW_LINKS));
		CliRun.assertNoOutputs(out);
	}

	@Test
	void aFolderInPlaceOfAResultIsRefusedBeforeAnythingIsReplaced() throws IOException {
		run("find", in.toString(), "-o", out.toString()).assertSuccess();
		final FileSnapshot before = FileSnapshot.of(out.resolve("variance.tif"));
		final FileSnapshot mean = FileSnapshot.of(out.resolve("mean.tif"));
		Files.delete(out.resolve("defects.csv"));
		Files.createDirectories(out.resolve("defects.csv"));
		run("find", in.toString(), "-o", out.toString(), "--overwrite", "--sigma", "4").assertUserError(
			out.resolve("defects.csv") + ": is a folder");
		before.assertUnchanged();
		mean.assertUnchanged();
	}

	@Test
	void aLockedOutputFolderIsRefusedAtOnce() throws IOException {
		run("find", in.toString(), "-o", out.toString()).assertSuccess();
		final FileSnapshot before = FileSnapshot.of(out);
		try (FileChannel ch = FileChannel.open(out.resolve(OutputGuard.LOCK), StandardOpenOption.CREATE,
			StandardOpenOption.WRITE); FileLock lock = ch.lock())
		{
			run("find", in.toString(), "-o", out.toString(), "--overwrite").assertUserError(
				"another hotpixels run is writing to this folder");
			run("find", in.toString(), "-o", tmp.resolve("other").toString(), "--save-state", out.resolve(
				"s.hps").toString()).assertUserError("another hotpixels run is writing");
		}
		Files.deleteIfExists(out.resolve(OutputGuard.LOCK));
		before.assertUnchanged();
		// and once the other run has ended, the folder is free again, with no lock file left
		run("find", in.toString(), "-o", out.toString(), "--overwrite").assertSuccess();
		assertFalse(Files.exists(out.resolve(OutputGuard.LOCK)));
	}

	@Test
	void aHalfRenamedCommitIsCompletedByTheNextRun() throws IOException {
		run("find", in.toString(), "-o", out.toString()).assertSuccess();
		// what a run killed between two renames leaves: one new file in place, one still staged
		final Path staged = Files.write(out.resolve(".lowest.tmp-0abc12.csv"), "rank,x,y\n".getBytes(
			StandardCharsets.UTF_8));
		Files.write(out.resolve(StagedFiles.JOURNAL), (out.resolve(".defects.tmp-0abc11.csv") + "\t" +
			out.resolve("defects.csv") + "\n" + staged + "\t" + out.resolve("lowest.csv") + "\n")
			.getBytes(StandardCharsets.UTF_8));
		final Path stale = Files.write(out.resolve(".variance.tmp-77aa.tif"), new byte[1000]);
		final CliRun r = run("find", in.toString(), "-o", tmp.resolve("out2").toString(),
			"--save-state", out.resolve("s.hps").toString());
		r.assertSuccess();
		assertTrue(r.err.contains("Completed the results an interrupted earlier run left"), r.err);
		assertEquals("rank,x,y\n", new String(Files.readAllBytes(out.resolve("lowest.csv")),
			StandardCharsets.UTF_8));
		assertFalse(Files.exists(out.resolve(StagedFiles.JOURNAL)));
		assertFalse(Files.exists(stale), "a killed run's temporary file was left");
	}

	@Test
	void longFileNamesWork() throws IOException {
		final String long246 = new String(new char[246]).replace('\0', 's');
		run("find", in.toString(), "-o", out.toString(), "--save-state", tmp.resolve(long246 + ".hps")
			.toString()).assertSuccess();
		assertTrue(Files.isRegularFile(tmp.resolve(long246 + ".hps")));
		final Path longIn = tmp.resolve("long");
		Files.createDirectories(longIn);
		for (int i = 0; i < 3; i++)
			Files.copy(in.resolve("frame_00" + i + ".tif"), longIn.resolve(long246.substring(0, 245) + i +
				".tif"));
		final CliRun r = CliRun.of("find", longIn.toString(), "-o", tmp.resolve("lo").toString(),
			"--correct", tmp.resolve("fixed").toString());
		r.assertSuccess();
		try (Stream<Path> s = Files.list(tmp.resolve("fixed"))) {
			assertEquals(3, s.filter(p -> p.getFileName().toString().length() == 250).count());
		}
	}

	@Test
	void findAndCorrectCommitTogether() throws IOException {
		final Path fixed = tmp.resolve("fixed");
		run("find", in.toString(), "-o", out.toString(), "--correct", fixed.toString()).assertSuccess();
		try (Stream<Path> s = Files.list(fixed)) {
			assertEquals(6, s.count());
		}
		// a corrected image that cannot be written (a folder in its place): neither the results nor
		// the other corrected images change, and no temporary file stays
		final FileSnapshot results = FileSnapshot.of(out), first = FileSnapshot.of(fixed.resolve(
			"frame_000.tif"));
		Files.delete(fixed.resolve("frame_004.tif"));
		Files.createDirectories(fixed.resolve("frame_004.tif"));
		run("find", in.toString(), "-o", out.toString(), "--correct", fixed.toString(), "--overwrite",
			"--sigma", "5").assertUserError("frame_004.tif", "is a folder");
		results.assertUnchanged();
		first.assertUnchanged();
		try (Stream<Path> s = Files.list(fixed)) {
			assertEquals(6, s.count());
		}
	}

	@Test
	void aStatisticsFileNamedLikeAResultIsRefusedBeforeReading() throws IOException {
		run("find", in.toString(), "-o", out.toString(), "--save-state", out.resolve("defects.csv")
			.toString()).assertUserError(out.resolve("defects.csv") + ": would be written twice");
		CliRun.assertNoOutputs(out);
	}

	@Test
	void aPipeIsNeverReadEither() throws Exception {
		final Path fifo = tmp.resolve("pipe.tif");
		final Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			run("find", in.toString(), fifo.toString(), "-o", out.toString()).assertUserError(fifo +
				": is not a regular file (a device, pipe or socket); refusing to read it.");
			run("find", in.toString(), "-o", out.toString(), "--resume", fifo.toString()).assertUserError(
				fifo + ": is not a regular file");
			run("merge", fifo.toString(), "-o", out.toString()).assertUserError(fifo +
				": is not a regular file");
			run("correct", in.toString(), "--defects", fifo.toString(), "-o", out.toString())
				.assertUserError(fifo + ": is not a regular file");
		});
		CliRun.assertNoOutputs(out);
	}
}
