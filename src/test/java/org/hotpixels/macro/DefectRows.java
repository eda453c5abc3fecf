package org.hotpixels.macro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a CSV file written by a macro ({@code Table.save}) or by the plugin
 * ({@code defects.csv}), read here with a plain split so the test does not use the code under
 * test to check its output.
 */
final class DefectRows {

	private final List<String> header;
	private final List<String[]> rows = new ArrayList<>();

	DefectRows(final Path csv) throws IOException {
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		header = Arrays.asList(lines.get(0).split(","));
		for (final String line : lines.subList(1, lines.size()))
			if (!line.trim().isEmpty()) rows.add(line.split(",", -1));
	}

	int size() {
		return rows.size();
	}

	String get(final int row, final String column) {
		final int c = header.indexOf(column);
		if (c < 0) throw new AssertionError("no column " + column + " in " + header);
		return rows.get(row)[c].trim();
	}

	/** The kind of the defect at (x, y), or null if no row has that position. */
	String kindAt(final int[] xy) {
		for (int r = 0; r < rows.size(); r++)
			if (Double.parseDouble(get(r, "x")) == xy[0] && Double.parseDouble(get(r, "y")) == xy[1])
				return get(r, "kind");
		return null;
	}

	@Override
	public String toString() {
		final StringBuilder s = new StringBuilder(String.join(",", header));
		for (final String[] r : rows)
			s.append('\n').append(String.join(",", r));
		return s.toString();
	}
}
