package org.hotpixels.detect;

/** What is wrong with a defective pixel. */
public enum DefectKind {
	/** Barely changes over the series: variance far below its neighbourhood. */
	STUCK("stuck"),
	/** Stuck at or near the black level (zero, or the bias of a dark frame). */
	DEAD("dead"),
	/** Mean far above its same-channel neighbourhood (hot pixels in dark frames are noisy too). */
	HOT("hot"),
	/** Mean far below its neighbourhood, but not down at the black level. */
	COLD("cold");

	private final String label;

	DefectKind(final String label) {
		this.label = label;
	}

	/** Lower-case name used in tables and CSV files. */
	public String label() {
		return label;
	}

	/** The kind of a table label ("hot", "HOT"), or null if it is none. */
	public static DefectKind ofLabel(final String label) {
		for (final DefectKind k : values())
			if (k.label.equalsIgnoreCase(label.trim())) return k;
		return null;
	}

	@Override
	public String toString() {
		return label;
	}
}
