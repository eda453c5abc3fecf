package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.CancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One commit for several files: all or none, also when a rename fails or a write is cancelled. */
class StagedFilesTest {

	@TempDir
	Path dir;

	private String listing() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(" "));
		}
	}

	private static String read(final Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	@Test
	void aRenameFailingHalfWayRestoresTheOldFiles() throws IOException {
		final Path a = Files.write(dir.resolve("a.csv"), "old a".getBytes(StandardCharsets.UTF_8));
		final Path b = dir.resolve("b.csv");
		final Path gone = dir.resolve("gone");
		Files.createDirectories(gone);
		try (StagedFiles files = new StagedFiles(dir, t -> {})) {
			files.writeText(a, w -> w.write("new a"));
			files.writeText(b, w -> w.write("new b"));
			files.writeText(gone.resolve("c.csv"), w -> w.write("new c"));
			// the folder of the last file disappears before the commit: its rename fails
			try (Stream<Path> s = Files.list(gone)) {
				for (final Path p : (Iterable<Path>) s::iterator)
					Files.delete(p);
			}
			Files.delete(gone);
			assertThrows(IOException.class, files::commit);
		}
		assertEquals("old a", read(a));
		assertEquals("a.csv", listing(), "new files, backups or temporary files were left");
	}

	@Test
	void theLastCheckBeforeTheCommitCommitsNothing() throws IOException {
		final Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
		try (StagedFiles files = new StagedFiles(dir, t -> {
			if (t.equals(b)) throw new HotPixelsException(t + ": already exists.");
		})) {
			files.writeText(a, w -> w.write("a"));
			files.writeText(b, w -> w.write("b"));
			assertThrows(HotPixelsException.class, files::commit);
		}
		assertEquals("", listing());
	}

	@Test
	void cancellingStopsALongWriteAndLeavesNothing() throws IOException {
		final AtomicBoolean stop = new AtomicBoolean();
		try (StagedFiles files = new StagedFiles().cancelledBy(stop::get)) {
			files.writeText(dir.resolve("small.csv"), w -> w.write("x"));
			final long[] written = { 0 };
			assertThrows(CancelledException.class, () -> files.write(dir.resolve("big.hps.gz"), out -> {
				final byte[] block = new byte[1 << 16];
				for (int i = 0; i < 100_000; i++) {
					out.write(block);
					written[0] += block.length;
					if (i == 20) stop.set(true);
				}
			}));
			assertTrue(written[0] < 64L << 20, "wrote " + written[0] + " bytes after the cancel");
		}
		assertEquals("", listing());
	}

	@Test
	void aCommitOfSeveralFilesLeavesNoJournal() throws IOException {
		try (StagedFiles files = new StagedFiles(dir, t -> {})) {
			for (final String n : new String[]{ "variance.tif", "mean.tif", "defects.csv" })
				files.writeText(dir.resolve(n), w -> w.write(n));
			files.commit();
		}
		assertEquals("defects.csv mean.tif variance.tif", listing());
		assertFalse(Files.exists(dir.resolve(StagedFiles.JOURNAL)));
	}

	@Test
	void temporaryNamesStayShort() {
		final String name = new String(new char[250]).replace('\0', 'x') + ".tif";
		final String tmp = AtomicOutput.temporaryName(name, "abcdef0123");
		assertTrue(tmp.length() < 64, tmp);
		assertTrue(AtomicOutput.isTemporaryName(tmp), tmp);
		assertTrue(AtomicOutput.isTemporaryName(AtomicOutput.temporaryName("s.hps.gz", "1f3a9c")));
		assertFalse(AtomicOutput.isTemporaryName("variance.tif"));
		assertFalse(AtomicOutput.isTemporaryName(".hidden.tif"));
	}
}
