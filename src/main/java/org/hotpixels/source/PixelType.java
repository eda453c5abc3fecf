package org.hotpixels.source;

/** The pixel types a series can have, with the primitive array that holds one plane. */
public enum PixelType {

	/** Unsigned 8-bit, {@code byte[]} planes. */
	GRAY8(8, 1),
	/** Unsigned 16-bit, {@code short[]} planes. */
	GRAY16(16, 1),
	/** 32-bit float, {@code float[]} planes. */
	GRAY32(32, 1),
	/** Packed 8-bit RGB, one {@code int[]} plane holding three channels. */
	RGB(24, 3);

	private final int bitDepth;
	private final int channelsPerPlane;

	PixelType(final int bitDepth, final int channelsPerPlane) {
		this.bitDepth = bitDepth;
		this.channelsPerPlane = channelsPerPlane;
	}

	/** ImageJ's bit depth: 8, 16, 32 or 24 (RGB). */
	public int bitDepth() {
		return bitDepth;
	}

	/** 3 for packed RGB, 1 otherwise. */
	public int channelsPerPlane() {
		return channelsPerPlane;
	}

	/** True for integer data, whose statistics are exact. */
	public boolean isInteger() {
		return this != GRAY32;
	}

	/** The largest value a sample can have (255, 65535, or +infinity for float). */
	public double maxValue() {
		switch (this) {
			case GRAY16 :
				return 65535;
			case GRAY32 :
				return Double.POSITIVE_INFINITY;
			default :
				return 255;
		}
	}

	/** The type of an ImageJ bit depth (8, 16, 24, 32). */
	public static PixelType ofBitDepth(final int bitDepth) {
		for (final PixelType t : values())
			if (t.bitDepth == bitDepth) return t;
		throw new IllegalArgumentException("Unsupported bit depth: " + bitDepth);
	}

	/** Human-readable, for error messages: "8-bit", "16-bit", "32-bit", "RGB". */
	public String label() {
		return this == RGB ? "RGB" : bitDepth + "-bit";
	}
}
