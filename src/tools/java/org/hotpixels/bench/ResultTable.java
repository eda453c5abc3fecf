package org.hotpixels.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with aligned columns, plus the number formats of the benchmark report.
 *
 * <pre>{@code
 * ResultTable t = new ResultTable("method", "time");
 * t.add("find", ResultTable.seconds(1.234));
 * t.print(System.out);
 * }</pre>
 */
final class ResultTable {

	private final String[] header;
	private final List<String[]> rows = new ArrayList<>();

	ResultTable(final String... header) {
		this.header = header;
	}

	void add(final String... cells) {
		if (cells.length != header.length) throw new IllegalArgumentException("Expected " +
			header.length + " cells, got " + cells.length);
		rows.add(cells);
	}

	/** Prints the table, the first column left-aligned and the others right-aligned. */
	void print(final PrintStream out) {
		final int[] width = new int[header.length];
		for (int c = 0; c < header.length; c++) {
			width[c] = header[c].length();
			for (final String[] row : rows)
				width[c] = Math.max(width[c], row[c].length());
		}
		print(out, header, width);
		final StringBuilder rule = new StringBuilder("  ");
		for (int c = 0; c < header.length; c++)
			rule.append(c == 0 ? "" : "  ").append(repeat('-', width[c]));
		out.println(rule);
		for (final String[] row : rows)
			print(out, row, width);
	}

	private static void print(final PrintStream out, final String[] cells, final int[] width) {
		final StringBuilder line = new StringBuilder("  ");
		for (int c = 0; c < cells.length; c++) {
			final String pad = repeat(' ', width[c] - cells[c].length());
			line.append(c == 0 ? "" : "  ").append(c == 0 ? cells[c] + pad : pad + cells[c]);
		}
		out.println(line.toString().replaceAll("\\s+$", ""));
	}

	private static String repeat(final char c, final int n) {
		final StringBuilder s = new StringBuilder();
		for (int k = 0; k < n; k++)
			s.append(c);
		return s.toString();
	}

	/** "0.123 s", "12.3 s", or "-" for NaN. */
	static String seconds(final double s) {
		if (Double.isNaN(s)) return "-";
		return String.format(Locale.ROOT, s < 10 ? "%.3f s" : "%.1f s", s);
	}

	/** "1.54x", or "-" for NaN or infinity. */
	static String ratio(final double r) {
		if (Double.isNaN(r) || Double.isInfinite(r)) return "-";
		return String.format(Locale.ROOT, r < 10 ? "%.2fx" : "%.1fx", r);
	}

	/** "812 MB" (10^6 bytes), or "-" for an unknown (negative) size. */
	static String megabytes(final double bytes) {
		if (!(bytes >= 0)) return "-";
		return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
	}

	/** Millions of samples per second. */
	static String rate(final double samples, final double seconds) {
		if (!(seconds > 0) || !(samples > 0)) return "-";
		return String.format(Locale.ROOT, "%.0f M/s", samples / seconds / 1e6);
	}
}
