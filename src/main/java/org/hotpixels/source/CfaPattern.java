package org.hotpixels.source;

import java.util.Locale;

/**
 * The 2x2 colour filter array of a raw sensor mosaic, named by its top-left 2x2 block read row by
 * row (dcraw's and LibRaw's convention). Pixels of one colour form four interleaved planes of
 * half size; defect detection and correction use same-plane neighbours, two pixels apart.
 */
public enum CfaPattern {

	RGGB("RGGB"), BGGR("BGGR"), GRBG("GRBG"), GBRG("GBRG");

	private final String colours;

	CfaPattern(final String colours) {
		this.colours = colours;
	}

	/** 'R', 'G' or 'B': the colour of the sensor site at (x, y). */
	public char colourAt(final int x, final int y) {
		return colours.charAt(((y & 1) << 1) | (x & 1));
	}

	/** Index of the 2x2 sub-plane (0..3) that holds the site at (x, y). */
	public static int planeOf(final int x, final int y) {
		return ((y & 1) << 1) | (x & 1);
	}

	/**
	 * Parses "RGGB", "rggb", or dcraw's {@code -i -v} "Filter pattern: RG/GB" and
	 * "RGGBRGGBRGGB..." forms. Returns null for anything else.
	 */
	public static CfaPattern parse(final String text) {
		if (text == null) return null;
		final String s = text.toUpperCase(Locale.ROOT).replaceAll("[^RGB]", "");
		if (s.length() < 4) return null;
		final String head = s.substring(0, 4);
		for (final CfaPattern p : values())
			if (p.colours.equals(head)) return p;
		return null;
	}
}
