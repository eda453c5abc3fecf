package org.hotpixels.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.detect.Defect;

/**
 * RawTherapee's bad pixel file: one pixel a line, {@code x y}. RawTherapee loads such files from
 * its dark-frame folder, named after the camera as {@code "MAKE MODEL.badpixels"} or
 * {@code "MAKE MODEL SERIAL.badpixels"}, and always repairs those pixels in the raw data.
 * <p>
 * What RawTherapee does with it (checked in rtengine/dfmanager.cc, {@code scanBadPixelsFile}):
 * each line is read with {@code sscanf("%d %d")} and used when it yields two numbers, anything
 * else is silently ignored; <b>if the first line holds a single number, that number is an offset
 * added to both coordinates of every following line</b>. RawTherapee adds no offset of its own:
 * the coordinates index its raw image, which like dcraw's is the raw mosaic with the masked
 * margins cropped, not rotated (see {@link DcrawBadPixels} for what that means for coordinates
 * taken from other decoders). This reader applies the offset the same way, ignores blank lines
 * and {@code #} comments, and reports any other line that does not start with two numbers.
 * </p>
 * Reading gives single-pixel defects of {@link Defect#ALL_CHANNELS}; writing writes each covered
 * pixel once, {@code x y}, under a {@code #} comment header (never an offset line).
 */
public final class RawTherapeeBadPixels {

	private RawTherapeeBadPixels() {}

	/** Reads a RawTherapee .badpixels file. */
	public static List<Defect> read(final Path path) throws IOException {
		return TextLines.read(path, RawTherapeeBadPixels::read);
	}

	/** Reads RawTherapee's format from {@code in}; {@code name} names the source in messages. */
	public static List<Defect> read(final Reader in, final String name) throws IOException {
		return TextLines.read(in, name, RawTherapeeBadPixels::read);
	}

	private static List<Defect> read(final TextLines lines) throws IOException {
		final List<Defect> defects = new ArrayList<>();
		int offset = 0;
		for (String line; (line = lines.next()) != null;) {
			final String data = line.trim();
			if (data.isEmpty() || data.startsWith("#")) continue;
			final String[] fields = data.split("\\s+");
			if (fields.length == 1 && lines.number() == 1) {
				offset = lines.coordinate(fields[0], "the offset");
				continue;
			}
			if (fields.length < 2) throw lines.expected("'x y'", line);
			final int x = lines.coordinate(fields[0], "x") + offset;
			final int y = lines.coordinate(fields[1], "y") + offset;
			if (x < 0 || y < 0) throw lines.error("(" + x + ", " + y + ") is not a pixel" + (offset != 0
				? " (offset " + offset + " included)." : "."));
			defects.add(Defect.pixel(x, y, Defect.ALL_CHANNELS));
		}
		return defects;
	}

	/** Writes the pixels the defects cover (channels merged), one {@code x y} line each. */
	public static void write(final Path path, final List<Defect> defects) throws IOException {
		AtomicOutput.writeText(path, out -> write(out, defects));
	}

	/** Writes RawTherapee's format to {@code out} (not closed). */
	public static void write(final Writer out, final List<Defect> defects) throws IOException {
		final long[] pixels = PixelPositions.of(defects);
		out.write("# Bad pixels for RawTherapee, written by Hot Pixel Finder: " + pixels.length +
			" pixels, x y (raw mosaic, margins cropped).\n");
		for (final long p : pixels)
			out.write(PixelPositions.x(p) + " " + PixelPositions.y(p) + "\n");
	}
}
