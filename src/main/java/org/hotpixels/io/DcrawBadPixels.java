package org.hotpixels.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.detect.Defect;

/**
 * dcraw's dead pixel file, as read by {@code dcraw -P file} (and found automatically as
 * {@code .badpixels} in the current folder or a parent): one pixel a line, {@code column row
 * unix-time}, text after {@code #} ignored.
 * <p>
 * What dcraw's {@code bad_pixels()} does with it (checked in dcraw.c revision 1.477): it reads
 * each line with {@code sscanf("%d %d %d")} and skips any line without all three numbers, skips
 * pixels outside the image, and skips a pixel whose time is later than the photo's timestamp (so
 * time 0 means "always"). It repairs each pixel with the mean of the same-colour sites around it,
 * and only in raw mosaics (CFA images). This reader is more lenient: the time may be omitted, and
 * it is ignored (every listed pixel is returned); lines with anything else than numbers are
 * errors.
 * </p>
 * <p>
 * <b>Coordinates.</b> dcraw applies the list to the raw mosaic after cropping the masked margins,
 * before any rotation: the coordinates are the pixel columns and rows of {@code dcraw -d -j -t 0}
 * output (the example .badpixels file that comes with dcraw says "Always use dcraw -d -j -t 0 when
 * locating bad pixels"). With {@code dcraw -D} (totally raw) the margins are kept, so the same
 * list then refers to the full raw frame, left and top margins included. Images decoded any other
 * way (rotated, half size, camera JPEGs, other raw converters) may be offset or flipped with
 * respect to these coordinates.
 * </p>
 * Reading gives single-pixel defects of {@link Defect#ALL_CHANNELS}; writing writes each pixel
 * that a defect covers once, as {@code x y 0}, under a {@code #} comment header.
 *
 * <pre>{@code
 * DcrawBadPixels.write(Paths.get(".badpixels"), defects);
 * // dcraw -P .badpixels -d -j -t 0 photo.cr2
 * }</pre>
 */
public final class DcrawBadPixels {

	private DcrawBadPixels() {}

	/** Reads a dcraw dead pixel file. */
	public static List<Defect> read(final Path path) throws IOException {
		return TextLines.read(path, DcrawBadPixels::read);
	}

	/** Reads dcraw's format from {@code in}; {@code name} names the source in messages. */
	public static List<Defect> read(final Reader in, final String name) throws IOException {
		return TextLines.read(in, name, DcrawBadPixels::read);
	}

	private static List<Defect> read(final TextLines lines) throws IOException {
		final List<Defect> defects = new ArrayList<>();
		for (String line; (line = lines.next()) != null;) {
			final int hash = line.indexOf('#');
			final String data = (hash >= 0 ? line.substring(0, hash) : line).trim();
			if (data.isEmpty()) continue;
			final String[] fields = data.split("\\s+");
			if (fields.length < 2) throw lines.expected("'column row [unix-time]'", line);
			final int x = lines.position(fields[0], "the column");
			final int y = lines.position(fields[1], "the row");
			if (fields.length > 2 && !fields[2].matches("[+-]?\\d+")) throw lines.expected(
				"a unix time (a whole number) after the row", line);
			defects.add(Defect.pixel(x, y, Defect.ALL_CHANNELS));
		}
		return defects;
	}

	/**
	 * Writes the pixels the defects cover (channels merged), one {@code x y 0} line each, sorted
	 * row by row. Boxes must be finite (see {@link DefectLists#clip}).
	 */
	public static void write(final Path path, final List<Defect> defects) throws IOException {
		AtomicOutput.writeText(path, out -> write(out, defects));
	}

	/** Writes dcraw's format to {@code out} (not closed). */
	public static void write(final Writer out, final List<Defect> defects) throws IOException {
		final long[] pixels = PixelPositions.of(defects);
		out.write("# Dead pixel list for dcraw -P, written by Hot Pixel Finder: " + pixels.length +
			" pixels.\n");
		out.write("# Format: column row unix-time (0 = always). Coordinates are those of\n");
		out.write("# dcraw -d -j -t 0 output (raw mosaic, margins cropped, not rotated).\n");
		for (final long p : pixels)
			out.write(PixelPositions.x(p) + " " + PixelPositions.y(p) + " 0\n");
	}
}
