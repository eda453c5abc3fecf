package org.hotpixels.find;

import org.hotpixels.detect.DefectDetector;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.FrameSource;

/** Settings of a find ({@code HotPixelFinder}); the defaults suit photographs and dark frames alike. */
public final class FindOptions {

	/** Detection threshold in robust standard deviations. */
	public double sigma = DefectDetector.DEFAULT_SIGMA;
	/** Length of the lowest-variance ranking. */
	public int topN = 10;
	/** Worker threads for decoding and accumulating. */
	public int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
	/** Leave out (and report) frames that cannot be read or differ in size or type. */
	public boolean skipBadFrames;
	/** Colour filter pattern of raw sensor mosaics, or null. */
	public CfaPattern cfa;
	/** Frames accumulated together, tile by tile (more is faster, and costs memory). */
	public int batchSize = 8;

	/** Frames per batch in memory (open stacks): 1.5-2x faster than 8 (hotpixels bench). */
	public static final int IN_MEMORY_BATCH = 128;

	/** The one place the batch size is decided: {@link #IN_MEMORY_BATCH} or {@link #batchSize}. */
	public int batchSizeFor(final FrameSource source) {
		return source.inMemory() ? IN_MEMORY_BATCH : Math.max(1, batchSize);
	}
}
