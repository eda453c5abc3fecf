package org.hotpixels.source.raw;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;

/**
 * What a RAW decoder says about a file before decoding it: the size of the sensor mosaic it
 * decodes to (dcraw's "Image size", the visible area without masked margins: the size of
 * {@code dcraw -D} output), the 2x2 colour filter pattern of that mosaic, and the camera.
 *
 * <pre>{@code
 * RawInfo info = RawDecoder.find(file).identify(file);
 * CfaPattern cfa = info.cfaPattern(); // e.g. RGGB; null for a monochrome sensor
 * }</pre>
 */
public final class RawInfo {

	private static final Pattern IMAGE_SIZE = Pattern.compile(
		"(?m)^Image size:\\s*(\\d+)\\s*x\\s*(\\d+)");
	private static final Pattern CAMERA = Pattern.compile("(?m)^Camera:[ \\t]*(.*)$");
	private static final Pattern FILTER = Pattern.compile("(?m)^Filter pattern:[ \\t]*(\\S*)");
	private static final Pattern COLORS = Pattern.compile("(?m)^Raw colors:\\s*(\\d+)");
	/** LibRaw appends " ID: 0x..." to the camera line. */
	private static final Pattern LIBRAW_ID = Pattern.compile("\\s+ID:\\s*\\S*\\s*$");

	private final String fileName;
	private final int width;
	private final int height;
	private final CfaPattern cfaPattern;
	private final String camera;

	RawInfo(final String fileName, final int width, final int height, final CfaPattern cfaPattern,
		final String camera)
	{
		this.fileName = fileName;
		this.width = width;
		this.height = height;
		this.cfaPattern = cfaPattern;
		this.camera = camera;
	}

	/**
	 * Parses the verbose identify output of dcraw ({@code dcraw -i -v}) or LibRaw
	 * ({@code raw-identify -v}); both print "Image size:  W x H", "Raw colors: N", "Camera: ..."
	 * and, for colour-filter sensors, "Filter pattern: RG/GB" (dcraw) or
	 * "Filter pattern: RGGBRGGBRGGBRGGB" (LibRaw: eight rows of two).
	 *
	 * @return the info, or null if the output has no image size (the file was not decoded)
	 * @throws HotPixelsException if the sensor has no 2x2 Bayer pattern (X-Trans, CMYG, ...)
	 */
	static RawInfo parse(final String fileName, final String decoder, final String output) {
		final Matcher size = IMAGE_SIZE.matcher(output);
		if (!size.find()) return null;
		final int width = Integer.parseInt(size.group(1));
		final int height = Integer.parseInt(size.group(2));
		final Matcher camera = CAMERA.matcher(output);
		final String cameraName = camera.find() ? LIBRAW_ID.matcher(camera.group(1).trim())
			.replaceFirst("") : "";
		final Matcher filter = FILTER.matcher(output);
		final CfaPattern cfa;
		if (filter.find()) cfa = bayer(fileName, filter.group(1));
		else {
			final Matcher colors = COLORS.matcher(output);
			if (colors.find() && !"1".equals(colors.group(1))) throw new HotPixelsException(fileName +
				": " + decoder + " decodes this file to " + colors.group(1) +
				" colours per pixel, not to a sensor mosaic.");
			cfa = null;
		}
		return new RawInfo(fileName, width, height, cfa, cameraName);
	}

	/**
	 * The Bayer pattern of a "Filter pattern" value: rows separated by '/' (dcraw) or written
	 * one after another two letters each (LibRaw). Every row must repeat the first two.
	 */
	static CfaPattern bayer(final String fileName, final String text) {
		final String s = text.toUpperCase(Locale.ROOT);
		final String[] rows = s.contains("/") ? s.split("/") : s.split("(?<=\\G..)");
		boolean regular = rows.length >= 2;
		for (int i = 0; regular && i < rows.length; i++)
			regular = rows[i].equals(rows[i % 2]) && rows[i].matches("[RGB]{2}");
		final CfaPattern cfa = regular ? CfaPattern.parse(rows[0] + rows[1]) : null;
		if (cfa == null) throw new HotPixelsException(fileName + ": its colour filter pattern " + text +
			" is not a 2x2 Bayer pattern (RGGB, BGGR, GRBG or GBRG); X-Trans and " +
			"four-colour sensors are not supported.");
		return cfa;
	}

	/** The file name, for messages. */
	public String fileName() {
		return fileName;
	}

	/** Width of the decoded mosaic, in sensor pixels. */
	public int width() {
		return width;
	}

	/** Height of the decoded mosaic, in sensor pixels. */
	public int height() {
		return height;
	}

	/** The 2x2 colour filter pattern at the mosaic's (0, 0); null for a monochrome sensor. */
	public CfaPattern cfaPattern() {
		return cfaPattern;
	}

	/** Camera make and model as the decoder prints them ("Canon EOS 5D"), or "". */
	public String camera() {
		return camera;
	}

	/** "4000x3000 RGGB" or "4000x3000 monochrome", for messages. */
	public String shapeLabel() {
		return width + "x" + height + " " + (cfaPattern == null ? "monochrome" : cfaPattern.name());
	}

	@Override
	public String toString() {
		return fileName + ": " + camera + ", " + shapeLabel();
	}
}
