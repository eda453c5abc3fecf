package org.hotpixels.eval;

import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.find.FindOptions;
import org.hotpixels.progress.Progress;

/**
 * Finds the defects of {@link MasterDarkDefects} on dark series of any sensor model and seed, at
 * default settings, and prints recall, precision and the 4-6 sigma_md hot pixels found: to check
 * that the detector holds on seeds and sensors the evaluation does not use.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:CLASSPATH org.hotpixels.eval.SeedSweep \
 *     warm:1024:63 plain:2048:65 cooled:1024:68     (sensor:size:seed ...)
 * }</pre>
 */
public final class SeedSweep {

	private SeedSweep() {}

	public static void main(final String[] args) {
		for (final String a : args) {
			final String[] p = a.split(":");
			final DarkSensor sensor = p[0].equals("plain") ? DarkSensor.plain() : p[0].equals("cooled")
				? DarkSensor.cooled() : DarkSensor.warm();
			final int size = Integer.parseInt(p[1]);
			final long seed = Long.parseLong(p[2]);
			final HardDarkSeries s = new HardDarkSeries(sensor, size, size, 40, seed, MasterDarkDefects
				.create(sensor, size, size, 40, seed));
			final Evaluation e = Evaluation.compare(s.planted(), HotPixelFinder.find(s.asSource(),
				new FindOptions(), Progress.NONE).defects());
			System.out.printf(java.util.Locale.ROOT, "%s %.1f%% / %.1f%% (%d FP) 4-6: %d/30%n", a, 100 * e
				.recall(), 100 * e.precision(), e.falsePositives(), e.countsByLabel().get(
					"hot 4-6σ_md")[0]);
		}
		System.exit(0);
	}
}
