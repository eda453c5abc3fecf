package org.hotpixels.demo;

import org.hotpixels.source.PixelType;

/**
 * What every {@link DemoSeries} holds alike: its frame size, number of frames, pixel type and
 * seed. A series extends it and adds how its frames look and what it plants.
 */
public abstract class SeriesShape implements DemoSeries {

	protected final int width, height, frames;
	protected final PixelType type;
	protected final long seed;

	protected SeriesShape(final int width, final int height, final int frames, final PixelType type,
		final long seed)
	{
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.type = type;
		this.seed = seed;
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public int size() {
		return frames;
	}

	@Override
	public PixelType pixelType() {
		return type;
	}

	@Override
	public long seed() {
		return seed;
	}
}
