package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.io.DiskFull;
import org.hotpixels.results.FindOutputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while the results are written (simulated through {@link DiskFull}): one
 * line naming the file that could not be written, no result under a final name, no temporary
 * file left, and results of an earlier run left exactly as they were.
 */
class DiskFullCliTest {

	@TempDir
	Path tmp;
	Path in;
	/** Sizes of variance.tif, mean.tif, defects.csv, lowest.csv and the state of a good run. */
	long[] sizes = new long[5];

	@BeforeEach
	void measureAGoodRun() throws IOException {
		in = tmp.resolve("in");
		TestSeries.writeFolder(in, 6);
		final Path good = tmp.resolve("good");
		CliRun.of("find", in.toString(), "-o", good.toString(), "--save-state", good.resolve("s.hps")
			.toString()).assertSuccess();
		for (int i = 0; i < 4; i++)
			sizes[i] = Files.size(FindOutputs.files(good).get(i));
		sizes[4] = Files.size(good.resolve("s.hps"));
	}

	private CliRun findWithDiskFullAfter(final long bytes, final Path out, final String... extra)
		throws IOException
	{
		final FileSnapshot inputs = FileSnapshot.of(in);
		final String[] args = new String[4 + extra.length];
		args[0] = "find";
		args[1] = in.toString();
		args[2] = "-o";
		args[3] = out.toString();
		System.arraycopy(extra, 0, args, 4, extra.length);
		try (DiskFull full = DiskFull.after(bytes)) {
			final CliRun r = CliRun.of(args);
			inputs.assertUnchanged();
			return r;
		}
	}

	@Test
	void fullAtTheFirstFile() throws IOException {
		final Path out = tmp.resolve("out");
		findWithDiskFullAfter(0, out).assertUserError(out.resolve("variance.tif") +
			": cannot be written (No space left on device).");
		CliRun.assertNoOutputs(out);
	}

	@Test
	void fullAfterSomeFilesWereComplete() throws IOException {
		final Path out = tmp.resolve("out");
		findWithDiskFullAfter(sizes[0] + sizes[1] + sizes[2] / 2, out).assertUserError(out.resolve(
			"defects.csv") + ": cannot be written (No space left on device).");
		CliRun.assertNoOutputs(out);
	}

	@Test
	void fullWhileSavingTheStatistics() throws IOException {
		final Path out = tmp.resolve("out"), state = tmp.resolve("state.hps");
		findWithDiskFullAfter(sizes[0] + sizes[1] + sizes[2] + sizes[3] + sizes[4] / 2, out,
			"--save-state", state.toString()).assertUserError(state +
				": cannot be written (No space left on device).");
		CliRun.assertNoOutputs(out, state);
		try (Stream<Path> s = Files.list(tmp)) {
			assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(),
				"temporary statistics file left in " + tmp);
		}
	}

	@Test
	void earlierResultsSurviveAFailedOverwrite() throws IOException {
		final Path out = tmp.resolve("good");
		final FileSnapshot before = FileSnapshot.of(out);
		findWithDiskFullAfter(sizes[0] + sizes[1] + 10, out, "--overwrite").assertUserError(out.resolve(
			"defects.csv") + ": cannot be written (No space left on device).");
		before.assertUnchanged();
	}
}
