package org.hotpixels.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hotpixels.progress.HotPixelsException;

/**
 * Turns what the user named (folders, files, globs such as {@code shots/*.NEF}) into a sorted list
 * of image files. Folders are listed without recursion; in a folder, files that are not images by
 * their extension (sidecars, text) are left out and reported through {@link #skipped()}; a file
 * named explicitly is always read. Names are sorted naturally (frame2 before frame10).
 */
public final class InputFiles {

	/** Extensions of the image files a folder listing picks up (lower case, RAW included). */
	public static final Set<String> IMAGE_EXTENSIONS = new HashSet<>(Arrays.asList("tif", "tiff",
		"jpg", "jpeg", "jpe", "png", "bmp", "gif", "pgm", "ppm", "pnm", "fits", "fit", "fts", "dcm",
		"nef", "nrw", "cr2", "cr3", "crw", "arw", "srf", "sr2", "raf", "orf", "rw2", "pef", "dng",
		"srw", "x3f", "3fr", "erf", "kdc", "mrw", "iiq", "rwl"));

	private final List<Path> files = new ArrayList<>();
	private final List<Path> skipped = new ArrayList<>();

	private InputFiles() {}

	/**
	 * Expands inputs. {@code pattern} (a glob such as {@code *.tif}, or null for all images)
	 * filters the files of folders. Throws {@link HotPixelsException} for a missing input or when
	 * nothing matches.
	 */
	public static InputFiles expand(final Collection<String> inputs, final String pattern) {
		final InputFiles result = new InputFiles();
		final PathMatcher filter = pattern == null || pattern.trim().isEmpty() ? null : FileSystems
			.getDefault().getPathMatcher("glob:" + pattern.trim());
		for (final String input : inputs)
			try {
				result.add(input, filter, pattern);
			}
			catch (final InvalidPathException e) {
				throw new HotPixelsException(input + ": not a valid file name (" + e.getReason() + ").", e);
			}
		result.refuseDuplicates();
		if (result.files.isEmpty()) {
			final String where = String.join(", ", inputs);
			throw new HotPixelsException(where + ": no image files" + (filter == null ? ""
				: " match the pattern '" + pattern + "'") + ".");
		}
		return result;
	}

	private void add(final String input, final PathMatcher filter, final String pattern) {
		if (input.trim().isEmpty()) throw new HotPixelsException(
			"An input is an empty name; give a file, folder or pattern.");
		if (hasGlob(input)) {
			final Path glob = Paths.get(input);
			final Path dir = glob.getParent() == null ? Paths.get(".") : glob.getParent();
			if (!Files.isDirectory(dir)) throw new HotPixelsException(dir + ": no such folder.");
			final PathMatcher m;
			try {
				m = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
			}
			catch (final IllegalArgumentException e) { // PatternSyntaxException
				throw new HotPixelsException(input + ": not a valid pattern (" + firstLine(e.getMessage()) +
					").", e);
			}
			final List<Path> matched = new ArrayList<>();
			for (final Path p : list(dir))
				if (m.matches(p.getFileName()) && Files.isRegularFile(p)) matched.add(p);
			if (matched.isEmpty()) throw new HotPixelsException(input + ": no file matches.");
			files.addAll(sorted(matched));
			return;
		}
		final Path path = Paths.get(input);
		if (!Files.exists(path)) throw new HotPixelsException(input + ": no such file or folder.");
		if (!Files.isDirectory(path) && !Files.isRegularFile(path)) throw new HotPixelsException(input +
			": is not a regular file (a device, pipe or socket); refusing to read it.");
		if (!Files.isDirectory(path)) {
			// a bare name gets its folder: "f000.tif" becomes "./f000.tif", so readers that need
			// the file's folder (ImageJ's TIFF decoder) get one
			files.add(path.getParent() == null && !path.isAbsolute() ? Paths.get(".").resolve(path)
				: path);
			return;
		}
		if (!Files.isReadable(path)) throw new HotPixelsException(input +
			": folder cannot be read (permission denied).");
		final List<Path> found = new ArrayList<>();
		for (final Path p : list(path)) {
			if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) continue;
			if (filter != null && !filter.matches(p.getFileName())) continue;
			if (isImage(p)) found.add(p);
			else skipped.add(p);
		}
		if (found.isEmpty()) throw new HotPixelsException(input + ": folder has no image files" +
			(filter == null ? "" : " matching '" + pattern + "'") + ".");
		files.addAll(sorted(found));
	}

	/**
	 * Refuses a file named twice, also through another path (a symbolic link, "./in" and "in", a
	 * folder and a glob over it): its frames would count twice in every statistic.
	 */
	private void refuseDuplicates() {
		final Map<Path, Path> seen = new HashMap<>();
		for (final Path f : files) {
			Path key;
			try {
				key = f.toRealPath();
			}
			catch (final IOException e) {
				key = f.toAbsolutePath().normalize();
			}
			final Path other = seen.put(key, f);
			if (other != null) throw new HotPixelsException(f + ": is given twice" + (other.equals(f) ? ""
				: " (also as " + other + ")") + "; each file may be read only once.");
		}
	}

	private static String firstLine(final String s) {
		if (s == null) return "bad syntax";
		final int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}

	private static List<Path> list(final Path dir) {
		final List<Path> out = new ArrayList<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
			for (final Path p : s)
				out.add(p);
		}
		catch (final IOException e) {
			throw new HotPixelsException(dir + ": folder cannot be read (" + e.getMessage() + ").", e);
		}
		return out;
	}

	private static boolean hasGlob(final String s) {
		return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
	}

	/** True if the file's extension is one of {@link #IMAGE_EXTENSIONS}. */
	public static boolean isImage(final Path p) {
		return IMAGE_EXTENSIONS.contains(extension(p));
	}

	/** Lower-case extension without the dot, or "". */
	public static String extension(final Path p) {
		final String n = p.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static List<Path> sorted(final List<Path> paths) {
		paths.sort(Comparator.comparing(p -> p.getFileName().toString(), InputFiles::natural));
		return paths;
	}

	/** Compares names so that embedded numbers sort by value: frame2 before frame10. */
	static int natural(final String a, final String b) {
		int i = 0, j = 0;
		while (i < a.length() && j < b.length()) {
			final char ca = a.charAt(i), cb = b.charAt(j);
			if (Character.isDigit(ca) && Character.isDigit(cb)) {
				int ei = i, ej = j;
				while (ei < a.length() && Character.isDigit(a.charAt(ei)))
					ei++;
				while (ej < b.length() && Character.isDigit(b.charAt(ej)))
					ej++;
				final String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
				final String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
				final int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na
					.compareTo(nb);
				if (c != 0) return c;
				i = ei;
				j = ej;
			}
			else {
				if (ca != cb) return Character.compare(ca, cb);
				i++;
				j++;
			}
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	/** The image files, sorted per input, inputs in the order given. */
	public List<Path> files() {
		return files;
	}

	/** Files in the folders that were left out because they are not images. */
	public List<Path> skipped() {
		return skipped;
	}
}
