package org.hotpixels.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The planted defects of a photo series, indexed by row, applied to one row of raw sensor values
 * (floats in 8-bit units, after noise and before rounding): stuck sets the value, dead sets 0, hot
 * adds its offset, cold multiplies by its factor.
 */
final class RowDefects {

	private static final PlantedDefect[] NONE = {};

	private final PlantedDefect[][] byRow;

	RowDefects(final List<PlantedDefect> defects, final int width, final int height,
		final int channels)
	{
		final List<List<PlantedDefect>> rows = new ArrayList<>(height);
		for (int y = 0; y < height; y++)
			rows.add(null);
		for (final PlantedDefect d : defects) {
			d.checkFits(width, height, channels);
			for (int y = d.y(); y <= d.yEnd(); y++) {
				if (rows.get(y) == null) rows.set(y, new ArrayList<>());
				rows.get(y).add(d);
			}
		}
		byRow = new PlantedDefect[height][];
		for (int y = 0; y < height; y++)
			byRow[y] = rows.get(y) == null ? NONE : rows.get(y).toArray(NONE);
	}

	/** Applies the defects of row {@code y} to channel rows (one array per channel). */
	void apply(final int y, final float[]... channelRows) {
		for (final PlantedDefect d : byRow[y])
			for (int c = 0; c < channelRows.length; c++)
				if (d.affects(c)) channelRows[c][d.x()] = defective(d, channelRows[c][d.x()]);
	}

	/** The raw value a defect makes of a normal raw value. */
	static float defective(final PlantedDefect d, final float value) {
		switch (d.kind()) {
			case STUCK :
				return (float) d.value();
			case DEAD :
				return 0;
			case HOT :
				return value + (float) d.value();
			default :
				return value * (float) d.value();
		}
	}
}
