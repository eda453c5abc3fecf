package org.hotpixels.correct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/**
 * On a smooth synthetic scene with known noise, repaired values at planted defects must be within
 * the scene's local noise of the clean values.
 */
class CorrectionErrorTest {

	static final double NOISE = 20;

	/** RMS of (repaired - clean) over the planted defects, in units of the noise sigma. */
	static double rmsErrorInSigmas(final long seed) {
		final int w = 256, h = 192;
		final Random r = new Random(seed);
		final double[] clean = new double[w * h];
		final short[] noisy = new short[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				clean[y * w + x] = 8000 + 20 * x + 10 * y + 1500 * Math.sin(x / 17.0) * Math.cos(y / 23.0);
				noisy[y * w + x] = (short) Math.round(clean[y * w + x] + NOISE * r.nextGaussian());
			}
		final List<Defect> defects = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			final int x = r.nextInt(w), y = r.nextInt(h);
			defects.add(Defect.pixel(x, y, 0));
		}
		for (int i = 0; i < 10; i++) {
			final int x = 2 + r.nextInt(w - 4), y = 2 + r.nextInt(h - 4);
			defects.add(Defect.region(x - 1, y - 1, x + 1, y + 1, 0, DefectKind.HOT));
		}
		final boolean[] mask = CorrectionReference.defective(defects, w, h, 0);
		for (int i = 0; i < w * h; i++)
			if (mask[i]) noisy[i] = (short) 65535;
		final short[] out = (short[]) new DefectCorrector(defects, w, h, 1).correct(Frame.of("s",
			PixelType.GRAY16, w, h, noisy)).plane(0);
		double sum = 0;
		int n = 0;
		for (int i = 0; i < w * h; i++)
			if (mask[i]) {
				final double e = (out[i] & 0xffff) - clean[i];
				sum += e * e;
				n++;
			}
		return Math.sqrt(sum / n) / NOISE;
	}

	@Test
	void repairedValuesAreWithinTheNoise() {
		for (long seed = 1; seed <= 3; seed++) {
			final double rms = rmsErrorInSigmas(seed);
			assertTrue(rms < 1.5, "RMS error " + rms + " sigma");
		}
	}
}
