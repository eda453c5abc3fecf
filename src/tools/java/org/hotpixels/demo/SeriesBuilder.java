package org.hotpixels.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.PixelType;

/**
 * The settings every synthetic series has (size, frames, seed, pixel type, planted defects), with
 * their checks, shared by the builders of {@link SyntheticSeries} and {@link DarkFrameSeries};
 * {@code B} is the concrete builder, so chained setters keep its own methods in reach.
 *
 * <pre>{@code
 * DarkFrameSeries darks = DarkFrameSeries.builder().size(200, 150).frames(40).seed(3)
 *     .readNoise(4).build();
 * }</pre>
 */
public abstract class SeriesBuilder<B extends SeriesBuilder<B>> {

	int width = 320, height = 240, frames = 60;
	long seed = 1;
	PixelType type;
	List<PlantedDefect> defects;

	SeriesBuilder(final PixelType defaultType) {
		type = defaultType;
	}

	private B self() {
		@SuppressWarnings("unchecked")
		final B b = (B) this;
		return b;
	}

	/** Frame size in pixels (default 320x240). */
	public B size(final int w, final int h) {
		if (w < 1 || h < 1) throw new HotPixelsException("The frame size " + w + "x" + h +
			" is not positive.");
		width = w;
		height = h;
		return self();
	}

	/** Number of frames (default 60). */
	public B frames(final int n) {
		if (n < 1) throw new HotPixelsException("A series needs at least one frame, not " + n + ".");
		frames = n;
		return self();
	}

	/** Seed of scenes, noise and default defect places (default 1). */
	public B seed(final long s) {
		seed = s;
		return self();
	}

	/** The pixel type of the frames; each series says which it can make. */
	public B pixelType(final PixelType t) {
		checkType(t);
		type = t;
		return self();
	}

	/** Refuses a pixel type this series cannot make, with one sentence. */
	abstract void checkType(PixelType t);

	/** Plants these defects instead of the series' default ones. */
	public B defects(final List<PlantedDefect> list) {
		defects = new ArrayList<>(list);
		return self();
	}

	/** Plants nothing: a clean series for false-positive checks. */
	public B noDefects() {
		return defects(Collections.emptyList());
	}
}
