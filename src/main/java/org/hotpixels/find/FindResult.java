package org.hotpixels.find;

import java.util.List;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.RankedPixel;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.stats.PixelStatistics;

/** What a find ({@code HotPixelFinder.find}) produced: statistics, defects, the ranking. */
public final class FindResult {

	private final PixelStatistics statistics;
	private final List<Defect> defects;
	private final List<RankedPixel> lowest;
	private final List<String> skipped;
	private final CfaPattern cfa;
	private final FindOptions options;
	/** Each channel's variance and mean maps, computed once when first asked for. */
	private final float[][] varianceMaps, meanMaps;

	public FindResult(final PixelStatistics statistics, final List<Defect> defects,
		final List<RankedPixel> lowest, final List<String> skipped, final CfaPattern cfa)
	{
		this(statistics, defects, lowest, skipped, cfa, null);
	}

	/** A result with the settings it was found with (shown in the report). */
	public FindResult(final PixelStatistics statistics, final List<Defect> defects,
		final List<RankedPixel> lowest, final List<String> skipped, final CfaPattern cfa,
		final FindOptions options)
	{
		this(statistics, defects, lowest, skipped, cfa, options, null);
	}

	/**
	 * A result that also keeps the variance maps already made from {@code statistics} (per
	 * channel, null where not made yet), so that they are not computed again for the files.
	 */
	public FindResult(final PixelStatistics statistics, final List<Defect> defects,
		final List<RankedPixel> lowest, final List<String> skipped, final CfaPattern cfa,
		final FindOptions options, final float[][] varianceMaps)
	{
		this.varianceMaps = varianceMaps != null ? varianceMaps : new float[statistics.channels()][];
		this.meanMaps = new float[statistics.channels()][];
		this.options = options;
		this.cfa = cfa;
		this.statistics = statistics;
		this.defects = defects;
		this.lowest = lowest;
		this.skipped = skipped;
	}

	/** Per-pixel statistics of the whole series (merge or save them to resume later). */
	public PixelStatistics statistics() {
		return statistics;
	}

	/** Detected defects, strongest first. */
	public List<Defect> defects() {
		return defects;
	}

	/** The lowest-variance ranking, one entry per location. */
	public List<RankedPixel> lowest() {
		return lowest;
	}

	/** The colour filter pattern the frames were analysed with (raw mosaics), or null. */
	public CfaPattern cfa() {
		return cfa;
	}

	/** The settings detection ran with, or null when not known. */
	public FindOptions options() {
		return options;
	}

	/**
	 * The sample variance of channel {@code c} as a 32-bit map ({@link PixelStatistics#varianceMap}),
	 * made once per result and shared by the ranking, the files written and, once those are
	 * written, the windows of the ImageJ commands: read it, do not change it before then.
	 */
	public float[] varianceMap(final int c) {
		synchronized (varianceMaps) {
			if (varianceMaps[c] == null) varianceMaps[c] = statistics.varianceMap(c);
			return varianceMaps[c];
		}
	}

	/**
	 * The mean of channel {@code c} as a 32-bit map ({@link PixelStatistics#meanMap}), made once
	 * per result and shared like {@link #varianceMap}.
	 */
	public float[] meanMap(final int c) {
		synchronized (meanMaps) {
			if (meanMaps[c] == null) meanMaps[c] = statistics.meanMap(c);
			return meanMaps[c];
		}
	}

	/** One message per frame that was left out. */
	public List<String> skipped() {
		return skipped;
	}
}
