package org.hotpixels.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;

/**
 * A defect planted at a known place in a synthetic series: one pixel, or a column segment from
 * row {@code y} to {@code yEnd}, in one channel or in all of them ({@link Defect#ALL_CHANNELS}).
 * The meaning of {@link #value()} depends on the kind:
 * <ul>
 * <li>STUCK: the fixed sample value the pixel always shows;</li>
 * <li>DEAD: ignored (the pixel shows 0 in photos, the bias level in dark frames);</li>
 * <li>HOT: what is added to the pixel's mean: an offset in 8-bit units in photo series, extra
 * dark electrons per frame in dark series;</li>
 * <li>COLD: the factor the pixel's signal (photo) or dark current (dark frames) is multiplied
 * by.</li>
 * </ul>
 * The label tells variants of a kind apart in reports ("faint hot", "hot column", "hot pair").
 *
 * <pre>{@code
 * PlantedDefect.stuck(10, 20, Defect.ALL_CHANNELS, 128);
 * PlantedDefect.hot(30, 40, 2, 180).withLabel("blue-only hot");
 * PlantedDefect.hotColumn(50, 100, 139, 0, 40.0);
 * }</pre>
 */
public final class PlantedDefect {

	private final int x, y, yEnd, channel;
	private final DefectKind kind;
	private final double value;
	private final String label;

	/** A defect covering column {@code x} from row {@code y} to {@code yEnd} (inclusive). */
	public PlantedDefect(final int x, final int y, final int yEnd, final int channel,
		final DefectKind kind, final double value, final String label)
	{
		if (kind == null) throw new IllegalArgumentException("A planted defect needs a kind.");
		if (yEnd < y) throw new IllegalArgumentException("Segment end row " + yEnd +
			" is above its start row " + y + ".");
		if (channel < Defect.ALL_CHANNELS) throw new IllegalArgumentException("Bad channel " + channel +
			".");
		this.x = x;
		this.y = y;
		this.yEnd = yEnd;
		this.channel = channel;
		this.kind = kind;
		this.value = value;
		this.label = label == null ? kind.label() : label;
	}

	/** A pixel that always shows {@code value}. */
	public static PlantedDefect stuck(final int x, final int y, final int channel,
		final double value)
	{
		return new PlantedDefect(x, y, y, channel, DefectKind.STUCK, value, null);
	}

	/** A pixel at the black level (0, or the bias of a dark frame). */
	public static PlantedDefect dead(final int x, final int y, final int channel) {
		return new PlantedDefect(x, y, y, channel, DefectKind.DEAD, 0, null);
	}

	/** A pixel whose mean is raised by {@code extra} (8-bit offset, or dark electrons/frame). */
	public static PlantedDefect hot(final int x, final int y, final int channel, final double extra) {
		return new PlantedDefect(x, y, y, channel, DefectKind.HOT, extra, null);
	}

	/** A pixel whose signal (or dark current) is multiplied by {@code factor} below 1. */
	public static PlantedDefect cold(final int x, final int y, final int channel,
		final double factor)
	{
		return new PlantedDefect(x, y, y, channel, DefectKind.COLD, factor, null);
	}

	/** Rows {@code y..yEnd} of column {@code x}, each raised by {@code extra}. */
	public static PlantedDefect hotColumn(final int x, final int y, final int yEnd, final int channel,
		final double extra)
	{
		return new PlantedDefect(x, y, yEnd, channel, DefectKind.HOT, extra, "hot column");
	}

	/** The same defect with another report label. */
	public PlantedDefect withLabel(final String newLabel) {
		return new PlantedDefect(x, y, yEnd, channel, kind, value, newLabel);
	}

	/** The same defect moved to another place (a column segment keeps its length). */
	public PlantedDefect movedTo(final int newX, final int newY) {
		return new PlantedDefect(newX, newY, newY + yEnd - y, channel, kind, value, label);
	}

	public int x() {
		return x;
	}

	/** First row. */
	public int y() {
		return y;
	}

	/** Last row: equal to {@link #y()} for a single pixel. */
	public int yEnd() {
		return yEnd;
	}

	/** Number of pixels: the segment length, 1 for a single pixel. */
	public int length() {
		return yEnd - y + 1;
	}

	public boolean isColumnSegment() {
		return yEnd > y;
	}

	/** 0-based channel, or {@link Defect#ALL_CHANNELS}. */
	public int channel() {
		return channel;
	}

	public boolean affects(final int c) {
		return channel == Defect.ALL_CHANNELS || channel == c;
	}

	public DefectKind kind() {
		return kind;
	}

	/** The kind-dependent parameter; see the class description. */
	public double value() {
		return value;
	}

	/** Report label: the kind's label unless a variant was named. */
	public String label() {
		return label;
	}

	/** True if pixel (px, py) of channel {@code c} is part of this defect. */
	public boolean covers(final int px, final int py, final int c) {
		return px == x && py >= y && py <= yEnd && affects(c);
	}

	/**
	 * Throws {@link HotPixelsException} unless the defect lies inside a {@code width x height}
	 * frame of {@code channels} channels.
	 */
	public void checkFits(final int width, final int height, final int channels) {
		if (x < 0 || x >= width || y < 0 || yEnd >= height) throw new HotPixelsException(
			"The planted " + this + " lies outside the " + width + "x" + height + " frame.");
		if (channel >= channels) throw new HotPixelsException("The planted " + this +
			" names a channel the " + channels + "-channel frames do not have.");
	}

	/** As a position-only {@link Defect} with its kind, e.g. as input for a corrector. */
	public Defect toDefect() {
		return Defect.region(x, y, x, yEnd, channel, kind);
	}

	/**
	 * Writes the planted defects as CSV in the project's defect-list columns
	 * ({@code x,y,channel,kind,x_min,y_min,x_max,y_max}) plus {@code label,value}.
	 */
	public static void writeCsv(final List<PlantedDefect> defects, final Path file) {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("x,y,channel,kind,x_min,y_min,x_max,y_max,label,value\n");
			for (final PlantedDefect d : defects)
				out.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%d,%d,%d,%d,%s,%s\n", d.x, d.y,
					d.channel == Defect.ALL_CHANNELS ? "all" : Integer.toString(d.channel), d.kind.label(),
					d.x, d.y, d.x, d.yEnd, d.label, Double.toString(d.value)));
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot write the planted defects (" + e.getMessage() +
				").", e);
		}
	}

	@Override
	public String toString() {
		return label + " at (" + x + ", " + (isColumnSegment() ? y + ".." + yEnd : y) + ")" +
			(channel == Defect.ALL_CHANNELS ? "" : " channel " + channel);
	}
}
