package org.hotpixels.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.hotpixels.detect.Defect;
import org.hotpixels.progress.HotPixelsException;

/**
 * Reads a text defect list line by line, keeping the line number for error messages such as
 * "defects.txt line 7: expected 'column row', got 'abc'.". Strips a UTF-8 byte order mark.
 */
final class TextLines implements AutoCloseable {

	private final BufferedReader in;
	private final String name;
	private int number;

	TextLines(final Reader in, final String name) {
		this.in = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
		this.name = name;
	}

	/** A defect list format's reader of lines. */
	interface Parser {

		List<Defect> parse(TextLines lines) throws IOException;
	}

	/** Reads the list in {@code path} with {@code parser}: the one scaffolding of every text list. */
	static List<Defect> read(final Path path, final Parser parser) throws IOException {
		try (TextLines lines = open(path)) {
			return parser.parse(lines);
		}
	}

	/** Reads the list from {@code in} with {@code parser}; {@code name} names it in messages. */
	static List<Defect> read(final Reader in, final String name, final Parser parser)
		throws IOException
	{
		try (TextLines lines = new TextLines(in, name)) {
			return parser.parse(lines);
		}
	}

	/** Opens a file as UTF-8 (malformed bytes are replaced, not fatal). */
	static TextLines open(final Path path) throws IOException {
		try {
			return new TextLines(new InputStreamReader(Files.newInputStream(path),
				StandardCharsets.UTF_8), fileName(path));
		}
		catch (final NoSuchFileException e) {
			throw new HotPixelsException("Cannot find the defect list " + path + ".", e);
		}
	}

	/** The next line, or null at the end. */
	String next() throws IOException {
		String line = in.readLine();
		if (line == null) return null;
		if (number++ == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
		return line;
	}

	/** Number of the line last returned by {@link #next()}, 1-based. */
	int number() {
		return number;
	}

	/** The name used in messages. */
	String name() {
		return name;
	}

	/** An error about the current line: "name line n: problem". */
	HotPixelsException error(final String problem) {
		return new HotPixelsException(name + " line " + number + ": " + problem);
	}

	/** An error about the current line that quotes it: "... expected E, got 'line'." */
	HotPixelsException expected(final String expected, final String line) {
		return error("expected " + expected + ", got '" + shorten(line.trim()) + "'.");
	}

	/** A non-negative whole number, also written as "12.0"; anything else is an error. */
	int coordinate(final String text, final String what) {
		final String t = text.trim();
		try {
			return Integer.parseInt(t);
		}
		catch (final NumberFormatException e) {
			final double v;
			try {
				v = Double.parseDouble(t);
			}
			catch (final NumberFormatException e2) {
				throw error(what + " is '" + shorten(t) + "', not a whole number.");
			}
			if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw error(what + " is '" +
				shorten(t) + "', not a whole number.");
			return (int) v;
		}
	}

	/** Like {@link #coordinate}, but must not be negative. */
	int position(final String text, final String what) {
		final int v = coordinate(text, what);
		if (v < 0) throw error(what + " is " + v + ", but positions start at 0.");
		return v;
	}

	static String shorten(final String s) {
		return s.length() <= 40 ? s : s.substring(0, 37) + "...";
	}

	static String fileName(final Path path) {
		final Path name = path.getFileName();
		return name == null ? path.toString() : name.toString();
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
