package org.hotpixels.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.detect.DefectKind;

/**
 * Our defects CSV: a header line, then one defect a line.
 * <pre>
 * x,y,channel,kind,variance,mean,min,max,score,cluster_size,x_min,y_min,x_max,y_max,
 *     neighbour_mean,neighbour_variance          (one line in the file)
 * 120,45,all,hot,310.5,2011,1650,2380,41.2,1,120,45,120,45,101,95.5
 * </pre>
 * x, y are the 0-based peak pixel; channel is 0-based or {@code all}; kind is stuck, dead, hot,
 * cold, column, row or empty (a column or row segment spans x_min..x_max, y_min..y_max);
 * unknown statistics are written as empty fields. Numbers use a '.' decimal point
 * and are written exactly (a double read back is the same double).
 * <p>
 * The reader accepts any CSV with a header holding at least {@code x} and {@code y} columns, in
 * any order and case, and uses whichever of the other columns above are present (others, such as
 * lowest.csv's {@code rank} and {@code variance_ratio}, are ignored). The bounding box needs all
 * four of {@code x_min, y_min, x_max, y_max} or none (then it is the peak pixel); a missing or
 * empty channel, or {@code all}, means {@link Defect#ALL_CHANNELS}. Blank lines and lines starting
 * with {@code #} are skipped. Fields may be double-quoted; the separator is a comma, or a tab or
 * semicolon when the header has no comma.
 * </p>
 */
public final class DefectCsv {

	/** The columns written, in order. */
	public static final String HEADER =
		"x,y,channel,kind,variance,mean,min,max,score,cluster_size,x_min,y_min,x_max,y_max," +
			"neighbour_mean,neighbour_variance";

	private DefectCsv() {}

	/** Reads a defects CSV (or lowest.csv, or any CSV with x and y columns). */
	public static List<Defect> read(final Path path) throws IOException {
		return TextLines.read(path, DefectCsv::read);
	}

	/** Reads CSV from {@code in}; {@code name} names the source in messages. */
	public static List<Defect> read(final Reader in, final String name) throws IOException {
		return TextLines.read(in, name, DefectCsv::read);
	}

	private static List<Defect> read(final TextLines lines) throws IOException {
		CsvColumns columns = null;
		final List<Defect> defects = new ArrayList<>();
		for (String line; (line = lines.next()) != null;) {
			final String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
			if (columns == null) columns = CsvColumns.ofHeader(lines, line);
			else defects.add(columns.defect(lines, line));
		}
		if (columns == null) throw new HotPixelsException(lines.name() +
			" is empty: expected a header line with x and y columns.");
		return defects;
	}

	/** Writes all columns of every defect. */
	public static void write(final Path path, final List<Defect> defects) throws IOException {
		AtomicOutput.writeText(path, out -> write(out, defects));
	}

	/** Writes the CSV to {@code out} (not closed). */
	public static void write(final Writer out, final List<Defect> defects) throws IOException {
		write(out, defects, null);
	}

	/**
	 * Writes the CSV to {@code out} (not closed); for a raw sensor mosaic ({@code cfa} not null)
	 * with a last column {@code colour} telling the CFA colour (R, G or B) of each peak pixel.
	 */
	public static void write(final Writer out, final List<Defect> defects, final CfaPattern cfa)
		throws IOException
	{
		out.write(HEADER);
		out.write(cfa == null ? "\n" : ",colour\n");
		final StringBuilder sb = new StringBuilder(160);
		for (final Defect d : defects) {
			sb.setLength(0);
			sb.append(d.x()).append(',').append(d.y()).append(',');
			sb.append(d.channel() == Defect.ALL_CHANNELS ? "all" : Integer.toString(d.channel()));
			sb.append(',').append(d.kind() == null ? "" : d.kind().label());
			number(sb, d.variance());
			number(sb, d.mean());
			number(sb, d.min());
			number(sb, d.max());
			number(sb, d.score());
			sb.append(',').append(d.clusterSize());
			sb.append(',').append(d.xMin()).append(',').append(d.yMin());
			sb.append(',').append(d.xMax()).append(',').append(d.yMax());
			number(sb, d.neighbourMean());
			number(sb, d.neighbourVariance());
			if (cfa != null) sb.append(',').append(cfa.colourAt(d.x(), d.y()));
			sb.append('\n');
			out.write(sb.toString());
		}
	}

	/** Appends ",v": empty for NaN, a whole number without ".0", else the exact shortest form. */
	private static void number(final StringBuilder sb, final double v) {
		sb.append(',');
		if (Double.isNaN(v)) return;
		if (v == Math.rint(v) && Math.abs(v) < 1e15) sb.append((long) v);
		else sb.append(Double.toString(v));
	}

	/** The column positions found in a header, and how to read a row with them. */
	private static final class CsvColumns {

		private final char separator;
		private final Map<String, Integer> index;

		private CsvColumns(final char separator, final Map<String, Integer> index) {
			this.separator = separator;
			this.index = index;
		}

		static CsvColumns ofHeader(final TextLines lines, final String line) {
			final char separator = line.indexOf(',') >= 0 ? ',' : line.indexOf('\t') >= 0 ? '\t' : line
				.indexOf(';') >= 0 ? ';' : ',';
			final List<String> names = CsvSplitter.split(line, separator);
			final Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < names.size(); i++)
				index.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
			if (!index.containsKey("x") || !index.containsKey("y")) throw lines.expected(
				"a header with x and y columns", line);
			int box = 0;
			for (final String c : new String[]{ "x_min", "y_min", "x_max", "y_max" })
				if (index.containsKey(c)) box++;
			if (box != 0 && box != 4) throw lines.error(
				"the bounding box needs all of x_min, y_min, x_max and y_max, or none of them.");
			return new CsvColumns(separator, index);
		}

		Defect defect(final TextLines lines, final String line) {
			final List<String> f = CsvSplitter.split(line, separator);
			final String xs = field(f, "x"), ys = field(f, "y");
			if (xs.isEmpty() || ys.isEmpty()) throw lines.expected("values for x and y", line);
			final int x = lines.position(xs, "x"), y = lines.position(ys, "y");
			final String cs = field(f, "channel");
			final int channel = cs.isEmpty() || cs.equalsIgnoreCase("all") ? Defect.ALL_CHANNELS : lines
				.position(cs, "the channel");
			final String ks = field(f, "kind");
			final DefectKind kind = ks.isEmpty() ? null : DefectKind.ofLabel(ks);
			if (!ks.isEmpty() && kind == null) throw lines.error("the kind is '" + TextLines.shorten(ks) +
				"', not stuck, dead, hot, cold, column or row.");
			int xMin = x, yMin = y, xMax = x, yMax = y;
			if (!(field(f, "x_min") + field(f, "y_min") + field(f, "x_max") + field(f, "y_max"))
				.isEmpty())
			{
				xMin = lines.position(field(f, "x_min"), "x_min");
				yMin = lines.position(field(f, "y_min"), "y_min");
				xMax = lines.position(field(f, "x_max"), "x_max");
				yMax = lines.position(field(f, "y_max"), "y_max");
				if (xMin > xMax || yMin > yMax) throw lines.error("the bounding box (" + xMin + ", " +
					yMin + ")-(" + xMax + ", " + yMax + ") is empty.");
			}
			final String ss = field(f, "cluster_size");
			final int size = ss.isEmpty() ? DefectLists.area(xMin, yMin, xMax, yMax) : lines.position(ss,
				"cluster_size");
			return new Defect(x, y, channel, kind, real(lines, f, "mean"), real(lines, f, "variance"),
				real(lines, f, "min"), real(lines, f, "max"), real(lines, f, "neighbour_mean"), real(lines,
					f, "neighbour_variance"), real(lines, f, "score"), size, xMin, yMin, xMax, yMax);
		}

		/** The trimmed field of a column, or "" when the column or the field is missing. */
		private String field(final List<String> fields, final String column) {
			final Integer i = index.get(column);
			return i == null || i >= fields.size() ? "" : fields.get(i).trim();
		}

		private double real(final TextLines lines, final List<String> fields, final String column) {
			final String s = field(fields, column);
			if (s.isEmpty()) return Double.NaN;
			try {
				return Double.parseDouble(s);
			}
			catch (final NumberFormatException e) {
				throw lines.error(column + " is '" + TextLines.shorten(s) + "', not a number.");
			}
		}
	}
}
