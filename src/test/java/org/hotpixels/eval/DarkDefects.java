package org.hotpixels.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.DefectKind;

/**
 * The defects planted in {@link HardDarkSeries}, in units of the sensor's single-frame noise
 * {@code sigma_t} ({@link DarkSensor#temporalSigma()}):
 * <ul>
 * <li>controlled, at least {@value #SEPARATION} pixels apart: 16 faint hot pixels at each of
 * +3, +4, +5, +6, +8 sigma_t; 8 strong hot (+50..500 sigma_t); 2 adjacent hot pairs; 3 hot
 * column segments at +10 sigma_t per pixel and 3 faint ones at +3 sigma_t (20..200 rows); 12
 * dead pixels at the bias (no dark current), 4 reading 0 ADU, 4 stuck at bias + 1000..3000;</li>
 * <li>a population of hot pixels on 0.05% of the pixels at random places (clumps allowed), with
 * a heavy-tailed (Pareto, alpha 0.7, from 0.5 sigma_t) excess; labelled by excess bin.</li>
 * </ul>
 */
final class DarkDefects {

	static final int SEPARATION = 6;
	static final double POPULATION_FRACTION = 5e-4;
	static final double[] FAINT_SIGMAS = { 3, 4, 5, 6, 8 };
	/** Bin edges (sigma_t) of the population's labels. */
	static final double[] BINS = { 2, 4, 6, 10, 30 };

	private DarkDefects() {}

	static List<PlantedDefect> create(final DarkSensor sensor, final int width, final int height,
		final long seed)
	{
		final Placement p = new Placement(FastRandom.forKey(seed, -1), width, height, SEPARATION);
		final FastRandom r = p.random();
		final double sigmaE = sensor.temporalSigma() / sensor.gain; // electrons per sigma_t
		final List<PlantedDefect> d = new ArrayList<>();
		for (final double k : FAINT_SIGMAS)
			for (int n = 0; n < 16; n++)
				d.add(at(p, PlantedDefect.hot(0, 0, 0, k * sigmaE).withLabel(String.format(Locale.ROOT,
					"faint hot +%.0fσ", k))));
		for (int n = 0; n < 8; n++)
			d.add(at(p, PlantedDefect.hot(0, 0, 0, r.uniform(50, 500) * sigmaE).withLabel("strong hot")));
		for (int n = 0; n < 2; n++) {
			final int[] q = p.place(2, 1, SEPARATION);
			final double extra = r.uniform(20, 100) * sigmaE;
			d.add(PlantedDefect.hot(q[0], q[1], 0, extra).withLabel("hot pair"));
			d.add(PlantedDefect.hot(q[0] + 1, q[1], 0, extra).withLabel("hot pair"));
		}
		for (int n = 0; n < 6; n++) {
			final int length = r.between(20, 200);
			final double k = n < 3 ? 10 : 3;
			d.add(at(p, PlantedDefect.hotColumn(0, 0, length - 1, 0, k * sigmaE).withLabel(n < 3
				? "hot column +10σ" : "faint hot column +3σ")));
		}
		for (int n = 0; n < 12; n++)
			d.add(at(p, PlantedDefect.dead(0, 0, 0).withLabel("dead (at bias)")));
		for (int n = 0; n < 4; n++)
			d.add(at(p, new PlantedDefect(0, 0, 0, 0, DefectKind.DEAD, 1, "dead (0 ADU)")));
		for (int n = 0; n < 4; n++)
			d.add(at(p, PlantedDefect.stuck(0, 0, 0, sensor.bias + r.between(1000, 3000))));
		addPopulation(d, p, r, width, height, sigmaE);
		return d;
	}

	private static void addPopulation(final List<PlantedDefect> d, final Placement p,
		final FastRandom r, final int width, final int height, final double sigmaE)
	{
		final int count = (int) Math.round(POPULATION_FRACTION * width * height);
		final List<Long> used = new ArrayList<>();
		for (int n = 0; n < count;) {
			final int x = r.nextInt(width), y = r.nextInt(height);
			if (!p.isFree(x, y, 1, 1) || used.contains((long) y * width + x)) continue;
			used.add((long) y * width + x);
			final double k = Math.min(50000 / sigmaE, 0.5 * Math.pow(1 - r.nextDouble(), -1 / 0.7));
			d.add(PlantedDefect.hot(x, y, 0, k * sigmaE).withLabel(populationLabel(k)));
			n++;
		}
	}

	/** "population 4-6σ" etc. */
	static String populationLabel(final double k) {
		if (k < BINS[0]) return String.format(Locale.ROOT, "population <%.0fσ", BINS[0]);
		for (int b = 1; b < BINS.length; b++)
			if (k < BINS[b]) return String.format(Locale.ROOT, "population %.0f-%.0fσ", BINS[b - 1],
				BINS[b]);
		return String.format(Locale.ROOT, "population >%.0fσ", BINS[BINS.length - 1]);
	}

	private static PlantedDefect at(final Placement p, final PlantedDefect defect) {
		final int[] q = p.place(1, defect.length(), SEPARATION);
		return defect.movedTo(q[0], q[1]);
	}
}
