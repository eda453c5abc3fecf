package org.hotpixels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of files, to show that inputs are never modified. */
public final class Checksums {

	private Checksums() {}

	/** File name to SHA-256 (hex) of every regular file of {@code folder}, sorted by name. */
	public static Map<String, String> of(final Path folder) throws IOException {
		final Map<String, String> sums = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (final Path f : (Iterable<Path>) files::iterator)
				if (Files.isRegularFile(f)) sums.put(f.getFileName().toString(), sha256(f));
		}
		return sums;
	}

	public static String sha256(final Path file) throws IOException {
		try {
			final byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			final StringBuilder hex = new StringBuilder();
			for (final byte b : d)
				hex.append(String.format("%02x", b & 0xff));
			return hex.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
