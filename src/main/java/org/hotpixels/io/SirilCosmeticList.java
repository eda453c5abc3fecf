package org.hotpixels.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;

/**
 * Siril's cosmetic-correction list (a bad pixel map, {@code .lst}), as used by Siril's
 * {@code cosme} command and by {@code calibrate -cc=bpm file}, and written by {@code find_hot}:
 * <pre>
 * P x y [type]     one pixel; type H (hot, the default) or C (cold)
 * C x 0 [type]     a whole column
 * L y 0 [type]     a whole line (row)
 * # comment
 * </pre>
 * <p>
 * Checked in Siril's source (src/filters/cosmetic_correction.c {@code apply_cosme_to_image},
 * src/core/command.c {@code findhot_image_hook}) and its calibration dialog's help text: the
 * keyword is the first character of the line, upper case, followed by one separator; the
 * numbers are read with {@code sscanf("%lf %lf %c")} and must give two or three values, so a
 * column or line needs a second number, which Siril ignores (its help writes it as 0). Any other
 * line is reported as a format error, and Siril goes on.
 * </p>
 * <p>
 * <b>Coordinates</b> are 0-based, x from the left and y <em>from the top</em> of the image as
 * displayed, like ImageJ's: Siril keeps images bottom-up in memory (the FITS order) and converts
 * with {@code y = height - 1 - y} when reading, and {@code find_hot} converts back when writing.
 * So no conversion is needed here.
 * </p>
 * <p>
 * Reading is a little more lenient than Siril (lower-case keywords, blank lines, and a column or
 * line without its second number are accepted). Siril's lists have no channels: a pixel gives a
 * single-pixel defect of {@link Defect#ALL_CHANNELS}, of kind {@link DefectKind#HOT} or
 * {@link DefectKind#COLD} when a type is given; a column or line gives a region defect that runs
 * to {@link DefectLists#IMAGE_EDGE}, which the corrector clips to the image. Writing merges the
 * channels and lists whole columns as {@code C x 0}, whole lines as {@code L y 0}, and every
 * other covered pixel once as {@code P x y}, with type H for hot and C for cold or dead pixels
 * (none otherwise, which Siril treats as hot). A {@link DefectKind#COLUMN} or
 * {@link DefectKind#ROW} segment is hot when its mean lies above its neighbours', cold below.
 * </p>
 * <p>
 * <b>Segments.</b> Siril's {@code C} and {@code L} always mean the <em>whole</em> column or line
 * (its {@code cosmeticCorrOneLine} replaces every pixel of the line; columns are done as lines of
 * the rotated image), and the second number is ignored. So only a segment that runs from edge to
 * edge is written as {@code C x 0 H} (or {@code L y 0 C}); a partial segment, common on real
 * sensors, is written as one {@code P} line per pixel, so Siril repairs exactly its pixels. Those
 * lines carry type C whether the segment is hot or cold: Siril repairs an H pixel with the mean of
 * its 3x3 neighbours, which would take in the segment's other, still defective pixels, and a C
 * pixel with the median of its 5x5 neighbours, which outvotes them.
 * </p>
 */
public final class SirilCosmeticList {

	private SirilCosmeticList() {}

	/** Reads a Siril cosmetic-correction list. */
	public static List<Defect> read(final Path path) throws IOException {
		return TextLines.read(path, SirilCosmeticList::read);
	}

	/** Reads Siril's format from {@code in}; {@code name} names the source in messages. */
	public static List<Defect> read(final Reader in, final String name) throws IOException {
		return TextLines.read(in, name, SirilCosmeticList::read);
	}

	private static List<Defect> read(final TextLines lines) throws IOException {
		final List<Defect> defects = new ArrayList<>();
		final String expected = "'P x y', 'C x 0' or 'L y 0'";
		for (String line; (line = lines.next()) != null;) {
			final String data = line.trim();
			if (data.isEmpty() || data.startsWith("#")) continue;
			final String[] f = data.split("\\s+");
			final String keyword = f[0].toUpperCase(Locale.ROOT);
			switch (keyword) {
				case "P" : {
					if (f.length < 3 || f.length > 4) throw lines.expected(expected, line);
					final int x = siril(lines, f[1], "x"), y = siril(lines, f[2], "y");
					final DefectKind kind = f.length == 4 ? type(lines, f[3], line) : null;
					defects.add(DefectLists.region(x, y, x, y, Defect.ALL_CHANNELS, kind));
					break;
				}
				case "C" :
				case "L" : {
					if (f.length < 2 || f.length > 4) throw lines.expected(expected, line);
					final int at = siril(lines, f[1], keyword.equals("C") ? "the column" : "the line");
					if (f.length > 2) siril(lines, f[2], "the second number");
					if (f.length > 3) type(lines, f[3], line);
					defects.add(keyword.equals("C") ? DefectLists.region(at, 0, at, DefectLists.IMAGE_EDGE,
						Defect.ALL_CHANNELS, null) : DefectLists.region(0, at, DefectLists.IMAGE_EDGE, at,
							Defect.ALL_CHANNELS, null));
					break;
				}
				default :
					throw lines.expected(expected, line);
			}
		}
		return defects;
	}

	/** Siril reads numbers as doubles and truncates them to pixels. */
	private static int siril(final TextLines lines, final String text, final String what) {
		final double v;
		try {
			v = Double.parseDouble(text);
		}
		catch (final NumberFormatException e) {
			throw lines.error(what + " is '" + TextLines.shorten(text) + "', not a number.");
		}
		if (!(v >= 0) || v > Integer.MAX_VALUE - 1) throw lines.error(what + " is " + text +
			", but positions start at 0.");
		return (int) v;
	}

	private static DefectKind type(final TextLines lines, final String text, final String line) {
		if (text.equalsIgnoreCase("H")) return DefectKind.HOT;
		if (text.equalsIgnoreCase("C")) return DefectKind.COLD;
		throw lines.expected("type H (hot) or C (cold) at the end", line);
	}

	/**
	 * Writes a list for an image of unknown size: only defects running to
	 * {@link DefectLists#IMAGE_EDGE} are written as whole columns or lines.
	 */
	public static void write(final Path path, final List<Defect> defects) throws IOException {
		write(path, defects, DefectLists.IMAGE_EDGE, DefectLists.IMAGE_EDGE);
	}

	/**
	 * Writes a list for a {@code width x height} image: a defect covering a column (or line) from
	 * edge to edge is written as {@code C} (or {@code L}), other pixels as {@code P}.
	 */
	public static void write(final Path path, final List<Defect> defects, final int width,
		final int height) throws IOException
	{
		AtomicOutput.writeText(path, out -> write(out, defects, width, height));
	}

	/** Writes Siril's format to {@code out} (not closed); see {@link #write(Path, List, int, int)}. */
	public static void write(final Writer out, final List<Defect> defects, final int width,
		final int height) throws IOException
	{
		final BitSet columns = new BitSet(), rows = new BitSet();
		final BitSet hotColumns = new BitSet(), coldColumns = new BitSet();
		final BitSet hotRows = new BitSet(), coldRows = new BitSet();
		final List<Defect> rest = new ArrayList<>();
		for (final Defect d : defects) {
			final boolean wholeColumns = d.yMin() <= 0 && reaches(d.yMax(), height);
			final boolean wholeRows = d.xMin() <= 0 && reaches(d.xMax(), width);
			final String type = type(d);
			if (wholeColumns && d.xMax() < DefectLists.IMAGE_EDGE) {
				for (int x = Math.max(0, d.xMin()); x <= Math.min(d.xMax(), width - 1); x++) {
					columns.set(x);
					if (type.equals(" H")) hotColumns.set(x);
					else if (type.equals(" C")) coldColumns.set(x);
				}
			}
			else if (wholeRows && d.yMax() < DefectLists.IMAGE_EDGE) {
				for (int y = Math.max(0, d.yMin()); y <= Math.min(d.yMax(), height - 1); y++) {
					rows.set(y);
					if (type.equals(" H")) hotRows.set(y);
					else if (type.equals(" C")) coldRows.set(y);
				}
			}
			else rest.add(d);
		}
		out.write("# Siril cosmetic correction list (bad pixel map), written by Hot Pixel Finder.\n");
		out.write("# P x y [H|C] = pixel, C x 0 [H|C] = whole column, L y 0 [H|C] = whole line;\n");
		out.write("# 0-based, y from the top. Partial column or row segments are listed as pixels.\n");
		for (int x = columns.nextSetBit(0); x >= 0; x = columns.nextSetBit(x + 1))
			out.write("C " + x + " 0" + lineType(hotColumns, coldColumns, x) + "\n");
		for (int y = rows.nextSetBit(0); y >= 0; y = rows.nextSetBit(y + 1))
			out.write("L " + y + " 0" + lineType(hotRows, coldRows, y) + "\n");
		final List<Defect> hot = new ArrayList<>(), cold = new ArrayList<>(), other = new ArrayList<>();
		for (final Defect d : rest) {
			final String type = d.kind() != null && d.kind().isLine() ? " C" : type(d);
			(type.equals(" H") ? hot : type.equals(" C") ? cold : other).add(d);
		}
		final long[] hotPixels = PixelPositions.of(hot), coldPixels = PixelPositions.of(cold);
		final long[] none = {};
		writePixels(out, hotPixels, " H", columns, rows, none, none);
		writePixels(out, coldPixels, " C", columns, rows, hotPixels, none);
		writePixels(out, PixelPositions.of(other), "", columns, rows, hotPixels, coldPixels);
	}

	/**
	 * " H" for a hot defect, " C" for a cold or dead one, "" when unknown; a column or row segment
	 * is hot or cold by its mean against its neighbours'.
	 */
	static String type(final Defect d) {
		if (d.kind() == null) return "";
		switch (d.kind()) {
			case HOT :
				return " H";
			case COLD :
			case DEAD :
				return " C";
			case COLUMN :
			case ROW :
				return d.mean() > d.neighbourMean() ? " H" : d.mean() < d.neighbourMean() ? " C" : "";
			default :
				return "";
		}
	}

	/** The type of a whole line: hot wins when both were listed, as for pixels. */
	private static String lineType(final BitSet hot, final BitSet cold, final int i) {
		return hot.get(i) ? " H" : cold.get(i) ? " C" : "";
	}

	private static boolean reaches(final int max, final int size) {
		return max == DefectLists.IMAGE_EDGE || size < DefectLists.IMAGE_EDGE && max >= size - 1;
	}

	/** Writes the pixels not in a listed column or line, nor already written as a hotter kind. */
	private static void writePixels(final Writer out, final long[] pixels, final String type,
		final BitSet columns, final BitSet rows, final long[] done1, final long[] done2)
		throws IOException
	{
		for (final long p : pixels) {
			final int x = PixelPositions.x(p), y = PixelPositions.y(p);
			if (columns.get(x) || rows.get(y) || Arrays.binarySearch(done1, p) >= 0 || Arrays
				.binarySearch(done2, p) >= 0) continue;
			out.write("P " + x + " " + y + type + "\n");
		}
	}
}
