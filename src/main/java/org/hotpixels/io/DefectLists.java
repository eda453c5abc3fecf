package org.hotpixels.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;

/**
 * Reads and writes defect lists in any supported format, chosen from the file name (and, for
 * text files without a telling extension, from the content):
 * <ul>
 * <li>{@code .csv}: our CSV ({@link DefectCsv}), also lowest.csv and any CSV with x, y
 * columns;</li>
 * <li>{@code .badpixels}: RawTherapee ({@link RawTherapeeBadPixels}), except a file named exactly
 * {@code .badpixels}, which is dcraw's default name;</li>
 * <li>{@code .lst}: Siril's cosmetic-correction list ({@link SirilCosmeticList});</li>
 * <li>{@code .tif, .tiff, .png, .gif, .bmp, .pgm}: a mask image ({@link DefectMask});</li>
 * <li>{@code .txt}, {@code .badpixels} named so, or anything else: the first line that is not
 * blank or a {@code #} comment decides: {@code P}, {@code C} or {@code L} then a number means
 * Siril, a line with a comma and x, y columns means CSV, numbers mean dcraw
 * ({@link DcrawBadPixels}); a binary file is read as a mask image.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Defect> defects = DefectLists.read(Paths.get("hot.lst"));
 * DefectLists.write(Paths.get("defects.csv"), defects, 640, 480, 1);
 * }</pre>
 */
public final class DefectLists {

	/**
	 * A bounding-box end meaning "to the far edge of the image", for whole columns and lines read
	 * from lists that do not know the image size (Siril's {@code C} and {@code L}). The corrector
	 * clips boxes to the image; {@link #clip} resolves them for a given size.
	 */
	public static final int IMAGE_EDGE = Integer.MAX_VALUE;

	/** The supported list formats. */
	public enum Format {
		CSV, DCRAW, RAWTHERAPEE, SIRIL, MASK
	}

	private DefectLists() {}

	/** Reads a defect list in the format {@link #formatOf} finds. */
	public static List<Defect> read(final Path path) throws IOException {
		switch (formatOf(path)) {
			case CSV :
				return DefectCsv.read(path);
			case DCRAW :
				return DcrawBadPixels.read(path);
			case RAWTHERAPEE :
				return RawTherapeeBadPixels.read(path);
			case SIRIL :
				return SirilCosmeticList.read(path);
			default :
				return DefectMask.read(path);
		}
	}

	/**
	 * Writes defects of a {@code width x height} image with {@code channels} channels, in the
	 * format its extension names (as for reading; other extensions and {@code .txt} give dcraw's
	 * format). Whole columns and lines are clipped to the image first.
	 */
	public static void write(final Path path, final List<Defect> defects, final int width,
		final int height, final int channels) throws IOException
	{
		write(path, defects, width, height, channels, formatOfWritten(path));
	}

	/** The format {@link #write(Path, List, int, int, int)} writes for this file name. */
	public static Format formatOfWritten(final Path path) {
		final Format format = formatOfName(TextLines.fileName(path));
		return format == null ? Format.DCRAW : format;
	}

	/** Like {@link #write(Path, List, int, int, int)}, in the given format whatever the name. */
	public static void write(final Path path, final List<Defect> defects, final int width,
		final int height, final int channels, final Format format) throws IOException
	{
		final List<Defect> clipped = clip(defects, width, height);
		switch (format) {
			case CSV :
				DefectCsv.write(path, clipped);
				break;
			case RAWTHERAPEE :
				RawTherapeeBadPixels.write(path, clipped);
				break;
			case SIRIL :
				SirilCosmeticList.write(path, clipped, width, height);
				break;
			case MASK :
				DefectMask.write(path, clipped, width, height, channels);
				break;
			default :
				DcrawBadPixels.write(path, clipped);
		}
	}

	/** The format of a defect list: by extension, else by content (see the class description). */
	public static Format formatOf(final Path path) throws IOException {
		final Format byName = formatOfName(TextLines.fileName(path));
		return byName != null ? byName : formatOfContent(path);
	}

	/** The format an extension names, or null for .txt and unknown extensions. */
	private static Format formatOfName(final String fileName) {
		final String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) return Format.CSV;
		if (name.endsWith(".badpixels") && !name.equals(".badpixels")) return Format.RAWTHERAPEE;
		if (name.endsWith(".lst")) return Format.SIRIL;
		for (final String ext : new String[]{ ".tif", ".tiff", ".png", ".gif", ".bmp", ".pgm" })
			if (name.endsWith(ext)) return Format.MASK;
		return null;
	}

	private static Format formatOfContent(final Path path) throws IOException {
		final byte[] head = new byte[4096];
		int n = 0;
		try (InputStream in = Files.newInputStream(path)) {
			for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0;)
				n += r;
		}
		catch (final NoSuchFileException e) {
			throw new HotPixelsException("Cannot find the defect list " + path + ".", e);
		}
		for (int i = 0; i < n; i++)
			if (head[i] == 0) return Format.MASK;
		for (final String line : new String(head, 0, n, StandardCharsets.UTF_8).split("\r?\n|\r")) {
			final String s = line.replace("\uFEFF", "").trim();
			if (s.isEmpty() || s.startsWith("#")) continue;
			if (s.matches("(?i)[PCL]\\s+[0-9.+-].*")) return Format.SIRIL;
			final String lower = s.toLowerCase(Locale.ROOT);
			if ((s.indexOf(',') >= 0 || s.indexOf(';') >= 0 || s.indexOf('\t') >= 0) && lower.matches(
				"(.*[,;\\t\"])?\\s*x\\s*([,;\\t\"].*)?")) return Format.CSV;
			return Format.DCRAW;
		}
		return Format.DCRAW;
	}

	/**
	 * A region defect known only by position; unlike {@link Defect#region} it accepts boxes that
	 * run to {@link #IMAGE_EDGE} (its cluster size then saturates at {@code Integer.MAX_VALUE}).
	 */
	public static Defect region(final int xMin, final int yMin, final int xMax, final int yMax,
		final int channel, final DefectKind kind)
	{
		return new Defect(xMin, yMin, channel, kind, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN, Double.NaN, Double.NaN, area(xMin, yMin, xMax, yMax), xMin, yMin, xMax, yMax);
	}

	/** Number of pixels in a box, saturating at {@code Integer.MAX_VALUE}. */
	static int area(final int xMin, final int yMin, final int xMax, final int yMax) {
		final long a = ((long) xMax - xMin + 1) * ((long) yMax - yMin + 1);
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, a));
	}

	/**
	 * The defects with their boxes clipped to a {@code width x height} image, so whole columns and
	 * lines ({@link #IMAGE_EDGE}) end at the image edge. Defects that need no clipping are kept
	 * as they are; defects entirely outside the image are kept too (the corrector reports them).
	 */
	public static List<Defect> clip(final List<Defect> defects, final int width, final int height) {
		final List<Defect> out = new ArrayList<>(defects.size());
		for (final Defect d : defects) {
			final int xMax = Math.min(d.xMax(), width - 1), yMax = Math.min(d.yMax(), height - 1);
			if ((xMax == d.xMax() && yMax == d.yMax()) || xMax < d.xMin() || yMax < d.yMin()) {
				out.add(d);
				continue;
			}
			out.add(new Defect(d.x(), d.y(), d.channel(), d.kind(), d.mean(), d.variance(), d.min(), d
				.max(), d.neighbourMean(), d.neighbourVariance(), d.score(), Math.min(d.clusterSize(), area(
					d.xMin(), d.yMin(), xMax, yMax)), d.xMin(), d.yMin(), xMax, yMax));
		}
		return out;
	}
}
