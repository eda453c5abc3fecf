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
	COLD("cold"),
	/**
	 * A segment of one column (x_min == x_max) whose pixels all depart the same way from the
	 * columns beside it (hot, cold or dead: compare the defect's mean with its neighbours').
	 */
	COLUMN("column"),
	/** A segment of one row (y_min == y_max), like {@link #COLUMN}. */
	ROW("row");

	private final String label;

	DefectKind(final String label) {
		this.label = label;
	}

	/** True for a column or row segment, a defect of many pixels along one line. */
	public boolean isLine() {
		return this == COLUMN || this == ROW;
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
