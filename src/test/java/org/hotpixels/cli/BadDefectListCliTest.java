package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.io.DiskFull;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotpixels correct} with a bad defect list, a defect outside the images, and a disk that
 * fills up: one line naming the file and the problem, exit code 1, originals untouched, no
 * file under a final name that is not complete.
 */
class BadDefectListCliTest {

	@TempDir
	Path tmp;
	Path in;
	Path out;

	@BeforeEach
	void series() throws IOException {
		in = tmp.resolve("in");
		out = tmp.resolve("out");
		TestSeries.writeFolder(in, 3);
	}

	private CliRun correct(final String list) throws IOException {
		final Path defects = Files.write(tmp.resolve("defects.csv"), list.getBytes(
			StandardCharsets.UTF_8));
		final FileSnapshot images = FileSnapshot.of(in), listed = FileSnapshot.of(defects);
		final CliRun r = CliRun.of("correct", in.toString(), "--defects", defects.toString(),
			"--output", out.toString());
		images.assertUnchanged();
		listed.assertUnchanged();
		return r;
	}

	private void assertNoCorrectedFiles() throws IOException {
		if (!Files.exists(out)) return;
		try (Stream<Path> s = Files.list(out)) {
			assertFalse(s.findAny().isPresent(), "files in " + out);
		}
	}

	@Test
	void aBadLineIsNamedWithItsNumber() throws IOException {
		correct("x,y\n10,20\nabc,5\n").assertUserError("defects.csv line 3:", "abc");
		assertNoCorrectedFiles();
		correct("x,y\n10,20\n7\n").assertUserError("defects.csv line 3:");
		correct("column,row\n1,2\n").assertUserError(
			"defects.csv line 1: expected a header with x and y");
		correct("x,y\n-4,20\n").assertUserError("defects.csv line 2:");
		assertNoCorrectedFiles();
	}

	@Test
	void aDefectOutsideTheImages() throws IOException {
		final String line = correct("x,y\n10,20\n500,40\n").assertUserError("(500, 40)",
			"outside the 200x150 image");
		assertTrue(line.contains("defects.csv"), line);
		assertNoCorrectedFiles();
	}

	@Test
	void aMissingDefectList() throws IOException {
		final Path missing = tmp.resolve("nothing.csv");
		CliRun.of("correct", in.toString(), "--defects", missing.toString(), "--output", out.toString())
			.assertUserError(missing.toString());
		assertNoCorrectedFiles();
	}

	@Test
	void aFullDiskWhileWritingCorrectedCopies() throws IOException {
		final Path defects = Files.write(tmp.resolve("defects.csv"), "x,y\n50,60\n".getBytes(
			StandardCharsets.UTF_8));
		final FileSnapshot before = FileSnapshot.of(in);
		final CliRun r;
		try (DiskFull full = DiskFull.after(TestSeries.W * TestSeries.H + 5000)) {
			r = CliRun.of("correct", in.toString(), "--defects", defects.toString(), "--output", out
				.toString());
		}
		before.assertUnchanged();
		r.assertUserError(out.resolve("frame_001.tif").toString(), "No space left on device");
		try (Stream<Path> s = Files.list(out)) {
			final String left = s.map(p -> p.getFileName().toString()).sorted().reduce("", (a, b) -> a +
				b + " ");
			// all corrected copies are committed together: the one already complete is not left
			assertTrue(left.isEmpty(), "left in the output folder: " + left);
		}
	}
}
