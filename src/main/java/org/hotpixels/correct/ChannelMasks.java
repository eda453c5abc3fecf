package org.hotpixels.correct;

import java.util.BitSet;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;

/**
 * One bit mask per channel of a {@code width x height} image: bit {@code y * width + x} is set
 * when a defect covers that pixel in that channel. A defect of {@link Defect#ALL_CHANNELS} sets
 * the bit in every channel. Bounding boxes are clipped to the image, so a box that runs to
 * {@code Integer.MAX_VALUE} (a whole column or line read from another tool's list) covers the
 * column or line to the image edge. A defect whose peak pixel lies outside the image, or whose
 * channel the image does not have, is an error, or is skipped and counted when asked.
 * <p>
 * Pixels of a {@link DefectKind#COLUMN} (or {@link DefectKind#ROW}) segment are also marked in a
 * second mask per channel, so that they are repaired from the columns (rows) beside the segment
 * only, never from their own line.
 * </p>
 */
final class ChannelMasks {

	private final int width, height;
	private final BitSet[] masks;
	private final BitSet[] columns, rows;
	private final int skipped;

	private ChannelMasks(final int width, final int height, final BitSet[] masks,
		final BitSet[] columns, final BitSet[] rows, final int skipped)
	{
		this.width = width;
		this.height = height;
		this.masks = masks;
		this.columns = columns;
		this.rows = rows;
		this.skipped = skipped;
	}

	/** Marks every defect; see the class description for the rules. */
	static ChannelMasks of(final List<Defect> defects, final int width, final int height,
		final int channels, final boolean skipOutside)
	{
		final BitSet[] masks = new BitSet[channels];
		final BitSet[] columns = new BitSet[channels], rows = new BitSet[channels];
		for (int c = 0; c < channels; c++) {
			masks[c] = new BitSet(width * height);
			columns[c] = new BitSet();
			rows[c] = new BitSet();
		}
		int skipped = 0;
		for (final Defect d : defects) {
			final String problem = problem(d, width, height, channels);
			if (problem != null) {
				if (skipOutside) {
					skipped++;
					continue;
				}
				throw new HotPixelsException(problem);
			}
			final int c0 = d.channel() == Defect.ALL_CHANNELS ? 0 : d.channel();
			final int c1 = d.channel() == Defect.ALL_CHANNELS ? channels - 1 : d.channel();
			for (int c = c0; c <= c1; c++) {
				mark(masks[c], d, width, height);
				if (d.kind() == DefectKind.COLUMN) mark(columns[c], d, width, height);
				else if (d.kind() == DefectKind.ROW) mark(rows[c], d, width, height);
			}
		}
		return new ChannelMasks(width, height, masks, columns, rows, skipped);
	}

	/** Why a defect cannot be placed on this image, or null if it can. */
	private static String problem(final Defect d, final int width, final int height,
		final int channels)
	{
		final String where = "Defect at (" + d.x() + ", " + d.y() + ")";
		if (d.x() < 0 || d.y() < 0 || d.x() >= width || d.y() >= height) return where +
			" lies outside the " + width + "x" + height + " image.";
		if (d.channel() != Defect.ALL_CHANNELS && (d.channel() < 0 || d.channel() >= channels))
			return where + " is in channel " + d.channel() + ", but the " + width + "x" + height +
				" image has " + channels + (channels == 1 ? " channel." : " channels.");
		return null;
	}

	private static void mark(final BitSet mask, final Defect d, final int width, final int height) {
		int x0 = Math.max(0, d.xMin()), x1 = Math.min(width - 1, d.xMax());
		int y0 = Math.max(0, d.yMin()), y1 = Math.min(height - 1, d.yMax());
		if (x0 > x1 || y0 > y1) { // an empty box: fall back to the peak pixel
			x0 = x1 = d.x();
			y0 = y1 = d.y();
		}
		for (int y = y0; y <= y1; y++)
			mask.set(y * width + x0, y * width + x1 + 1);
	}

	int width() {
		return width;
	}

	int height() {
		return height;
	}

	int channels() {
		return masks.length;
	}

	/** The mask of channel {@code c} (not a copy). */
	BitSet mask(final int c) {
		return masks[c];
	}

	/** Pixels of column segments in channel {@code c}: repaired from the columns beside them. */
	BitSet columns(final int c) {
		return columns[c];
	}

	/** Pixels of row segments in channel {@code c}: repaired from the rows above and below. */
	BitSet rows(final int c) {
		return rows[c];
	}

	/** Number of defects skipped because they did not fit the image. */
	int skipped() {
		return skipped;
	}
}
