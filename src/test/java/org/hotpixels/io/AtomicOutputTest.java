package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

	@TempDir
	Path dir;

	private String read(final Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	private String listing() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(" "));
		}
	}

	@Test
	void writesAndReplaces() throws IOException {
		final Path target = dir.resolve("list.csv");
		AtomicOutput.writeText(target, w -> w.write("first\n"));
		assertEquals("first\n", read(target));
		AtomicOutput.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
		assertEquals("second", read(target));
		assertEquals("list.csv", listing());
	}

	@Test
	void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
		final Path target = dir.resolve("list.csv");
		Files.write(target, "old".getBytes(StandardCharsets.UTF_8));
		assertThrows(IOException.class, () -> AtomicOutput.writeText(target, w -> {
			w.write("partial new content that must never appear");
			w.flush();
			throw new IOException("disk full");
		}));
		assertEquals("old", read(target));
		assertEquals("list.csv", listing());
		final Path absent = dir.resolve("new.csv");
		assertThrows(IllegalStateException.class, () -> AtomicOutput.write(absent, out -> {
			out.write(1);
			throw new IllegalStateException("interrupted");
		}));
		assertTrue(!Files.exists(absent));
		assertEquals("list.csv", listing());
	}

	@Test
	void writeFileHandsOutATemporaryPathWithTheSameExtension() throws IOException {
		final Path target = dir.resolve("mask.tif");
		final Path[] seen = new Path[1];
		AtomicOutput.writeFile(target, tmp -> {
			seen[0] = tmp;
			Files.write(tmp, new byte[]{ 1, 2, 3 });
		});
		assertEquals(dir.toAbsolutePath(), seen[0].getParent());
		assertTrue(seen[0].getFileName().toString().endsWith(".tif"));
		assertNotEquals(target.getFileName(), seen[0].getFileName());
		assertEquals(3, Files.size(target));
		assertEquals("mask.tif", listing());
	}

	@Test
	void finalFileHasOrdinaryPermissions() throws IOException {
		if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) return;
		final Path plain = Files.createFile(dir.resolve("plain.txt"));
		final Path target = dir.resolve("atomic.txt");
		AtomicOutput.writeText(target, w -> w.write("x"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
	}
}
