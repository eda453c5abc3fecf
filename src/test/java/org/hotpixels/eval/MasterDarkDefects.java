package org.hotpixels.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.DefectKind;

/**
 * Defects for {@link HardDarkSeries} in units of the spread of the <em>master dark</em> (the mean
 * of the frames), as an astronomer judges a hot pixel: {@code sigma_md} =
 * {@link HardDarkSeries#masterSigma}, the spread of the master dark about its local level. Planted: 30 hot pixels at each of 4-6, 6-25 and 25-200 sigma_md; a 256-px hot
 * column segment (+4 sigma_md per pixel) starting mid-sensor; a 100-px dead column segment (at the
 * bias); 10 dead pixels at the bias; 4 stuck pixels.
 */
final class MasterDarkDefects {

	static final int SEPARATION = 6;

	private MasterDarkDefects() {}

	static List<PlantedDefect> create(final DarkSensor sensor, final int width, final int height,
		final int frames, final long seed)
	{
		final Placement p = new Placement(FastRandom.forKey(seed, -1), width, height, SEPARATION);
		final FastRandom r = p.random();
		final double unit = new HardDarkSeries(sensor, width, height, frames, seed, new ArrayList<>())
			.masterSigma(frames) / sensor.gain; // electrons per sigma_md
		final List<PlantedDefect> d = new ArrayList<>();
		final double[][] bins = { { 4, 6 }, { 6, 25 }, { 25, 200 } };
		for (final double[] b : bins)
			for (int n = 0; n < 30; n++)
				d.add(at(p, PlantedDefect.hot(0, 0, 0, r.uniform(b[0], b[1]) * unit).withLabel(String
					.format(Locale.ROOT, "hot %.0f-%.0fσ_md", b[0], b[1]))));
		final int column = Math.min(256, height / 3);
		d.add(at(p, PlantedDefect.hotColumn(0, 0, column - 1, 0, 4 * unit).withLabel("hot column " +
			"segment +4σ_md")));
		final int[] q = p.place(1, Math.min(100, height / 5), SEPARATION);
		d.add(new PlantedDefect(q[0], q[1], q[1] + Math.min(100, height / 5) - 1, 0, DefectKind.DEAD, 0,
			"dead column segment"));
		for (int n = 0; n < 10; n++)
			d.add(at(p, PlantedDefect.dead(0, 0, 0).withLabel("dead (at bias)")));
		for (int n = 0; n < 4; n++)
			d.add(at(p, PlantedDefect.stuck(0, 0, 0, sensor.bias + r.between(1000, 3000))));
		return d;
	}

	private static PlantedDefect at(final Placement p, final PlantedDefect defect) {
		final int[] q = p.place(1, defect.length(), SEPARATION);
		return defect.movedTo(q[0], q[1]);
	}
}
