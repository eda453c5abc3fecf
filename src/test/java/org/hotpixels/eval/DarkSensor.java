package org.hotpixels.eval;

/**
 * The fixed-pattern and noise model of a camera for {@link HardDarkSeries}: bias with column
 * offsets, dark current with pixel non-uniformity, a radial rise towards the corners
 * (vignetting-like) and amplifier glow from the middle of the right edge and the top-left
 * corner, read noise and per-frame row banding.
 */
final class DarkSensor {

	final String name;
	/** Bias (ADU) and the spread of the fixed per-column bias offsets (ADU). */
	double bias = 500, columnBiasSigma = 2;
	/** ADU per electron. */
	double gain = 1;
	/** Mean dark electrons per frame, and the lognormal sigma of the pixels' rates. */
	double darkCurrent = 20, dsnu = 0.1;
	/** Relative rise of the dark current from the centre to the corners (quadratic in radius). */
	double cornerRise = 0.3;
	/** Amplifier glow: extra electrons per frame at its source, and its decay length in pixels. */
	double glowEdge = 150, glowEdgeLength = 80, glowCorner = 60, glowCornerLength = 50;
	/** Read noise (ADU) and per-frame row offsets (ADU), both Gaussian. */
	double readNoise = 5, rowNoise = 1;

	DarkSensor(final String name) {
		this.name = name;
	}

	/** A warm CMOS sensor in a long exposure: 20 e-/frame, strong glow, column pattern. */
	static DarkSensor warm() {
		return new DarkSensor("warm CMOS, 20 e-/frame, glow");
	}

	/**
	 * A cooled astronomy camera in a short exposure: 0.5 e-/frame, read noise 2.5 ADU, weak glow;
	 * the quiet pixels' means sit within a few ADU of each other.
	 */
	static DarkSensor cooled() {
		final DarkSensor s = new DarkSensor("cooled CMOS, 0.5 e-/frame");
		s.bias = 200;
		s.columnBiasSigma = 1;
		s.darkCurrent = 0.5;
		s.dsnu = 0.3;
		s.cornerRise = 0;
		s.glowEdge = 5;
		s.glowCorner = 2;
		s.readNoise = 2.5;
		s.rowNoise = 0.5;
		return s;
	}

	/**
	 * A plain sensor: bias, Poisson dark current (20 e-/frame, the same for every pixel) and
	 * Gaussian read noise (5 ADU), nothing else: no glow, no column or row pattern, no
	 * non-uniformity. The master dark of its normal pixels spreads by the frames' noise alone.
	 */
	static DarkSensor plain() {
		final DarkSensor s = new DarkSensor("plain, 20 e-/frame, no pattern");
		s.columnBiasSigma = 0;
		s.dsnu = 0;
		s.cornerRise = 0;
		s.glowEdge = 0;
		s.glowCorner = 0;
		s.rowNoise = 0;
		return s;
	}

	/** Single-frame standard deviation (ADU) of a typical pixel: shot, read and row noise. */
	double temporalSigma() {
		return Math.sqrt(gain * gain * darkCurrent + readNoise * readNoise + rowNoise * rowNoise);
	}

	/** Mean dark electrons per frame of a normal pixel at (x, y), before non-uniformity. */
	double rate(final int x, final int y, final int width, final int height) {
		final double dx = (x - 0.5 * width) / (0.5 * width), dy = (y - 0.5 * height) / (0.5 * height);
		final double radial = 1 + cornerRise * (0.5 * (dx * dx + dy * dy) - 0.33);
		final double edge = glowEdge * Math.exp(-Math.hypot(width - 1 - x, 0.5 * (y - 0.5 * height)) /
			glowEdgeLength);
		final double corner = glowCorner * Math.exp(-Math.hypot(x, y) / glowCornerLength);
		return darkCurrent * radial + edge + corner;
	}
}
