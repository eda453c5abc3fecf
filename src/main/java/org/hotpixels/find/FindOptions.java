package org.hotpixels.find;

import org.hotpixels.detect.DefectDetector;
import org.hotpixels.source.CfaPattern;

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
}
