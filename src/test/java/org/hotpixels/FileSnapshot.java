package org.hotpixels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file under a folder, by relative path: taken before a run and compared
 * after it, it shows that no input was changed, added or removed.
 */
public final class FileSnapshot {

	private final Path root;
	private final Map<String, String> digests;

	private FileSnapshot(final Path root, final Map<String, String> digests) {
		this.root = root;
		this.digests = digests;
	}

	/** Digests every regular file under {@code root} (or {@code root} itself if it is a file). */
	public static FileSnapshot of(final Path root) throws IOException {
		final Map<String, String> digests = new TreeMap<>();
		if (Files.exists(root)) try (Stream<Path> files = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (Files.isRegularFile(p)) digests.put(root.relativize(p).toString(), sha256(p));
				else if (Files.isDirectory(p)) digests.put(root.relativize(p) + "/", "folder");
		}
		return new FileSnapshot(root, digests);
	}

	/** Fails unless the files under the root are exactly as they were. */
	public void assertUnchanged() throws IOException {
		assertEquals(digests, of(root).digests, "files under " + root + " changed");
	}

	/** The SHA-256 of a file in hex. Files without read permission are read as root reads them. */
	public static String sha256(final Path file) throws IOException {
		if (!Files.isReadable(file)) return "unreadable " + Files.size(file);
		try (InputStream in = Files.newInputStream(file)) {
			final MessageDigest md = MessageDigest.getInstance("SHA-256");
			final byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;)
				md.update(buffer, 0, n);
			final StringBuilder hex = new StringBuilder();
			for (final byte b : md.digest())
				hex.append(String.format("%02x", b));
			return hex.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
