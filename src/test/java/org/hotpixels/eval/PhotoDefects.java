package org.hotpixels.eval;

import java.util.ArrayList;
import java.util.List;

import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.Defect;

/**
 * The defects planted in real-photo series: 49 pixels of every kind and channel a camera shows,
 * at random places at least 12 pixels apart (so a JPEG smear never joins two), values random:
 * <ul>
 * <li>stuck (all channels, 30..230), green-, red- and blue-only stuck, stuck on the frame's
 * edge, adjacent stuck pairs;</li>
 * <li>dead (0) in all channels, red-only and green-only;</li>
 * <li>hot: strong (+100..200, clipping in bright scenes), moderate (+30..60), blue-, red- and
 * green-only, adjacent hot pairs;</li>
 * <li>cold (signal x 0.3).</li>
 * </ul>
 */
final class PhotoDefects {

	static final int SEPARATION = 12;
	private static final int ALL = Defect.ALL_CHANNELS, RED = 0, GREEN = 1, BLUE = 2;

	private PhotoDefects() {}

	static List<PlantedDefect> create(final int width, final int height, final long seed) {
		return create(width, height, seed, false);
	}

	/**
	 * With {@code oneChannelExtras}, also the defects confined to one channel that 4:2:0 JPEG
	 * hides best: two blue-only dead pixels, a blue-only 2-px hot cluster, a blue-only stuck
	 * pixel on the right edge and a red-only hot pixel of +77.
	 */
	static List<PlantedDefect> create(final int width, final int height, final long seed,
		final boolean oneChannelExtras)
	{
		final List<PlantedDefect> d = createCore(width, height, seed);
		if (!oneChannelExtras) return d;
		final Placement p = placementOf(d, width, height, seed);
		final FastRandom r = p.random();
		addChannel(d, p, 2, BLUE, "blue-only dead", () -> PlantedDefect.dead(0, 0, BLUE));
		final int[] q = p.place(2, 1, SEPARATION);
		final int extra = r.between(100, 180);
		d.add(PlantedDefect.hot(q[0], q[1], BLUE, extra).withLabel("blue-only hot pair"));
		d.add(PlantedDefect.hot(q[0] + 1, q[1], BLUE, extra).withLabel("blue-only hot pair"));
		for (int t = 0;; t++) {
			final int y = r.between(SEPARATION, height - SEPARATION - 1);
			if (p.isFree(width - 1, y, 1, 1) || t > 10000) {
				p.reserve(width - 1, y, 1, 1);
				d.add(PlantedDefect.stuck(width - 1, y, BLUE, r.between(30, 230)).withLabel(
					"blue-only stuck, right edge"));
				break;
			}
		}
		d.add(at(p, PlantedDefect.hot(0, 0, RED, 77).withLabel("red-only hot +77")));
		return d;
	}

	/** A placement that holds every defect of {@code d}, for more of them. */
	private static Placement placementOf(final List<PlantedDefect> d, final int width,
		final int height, final long seed)
	{
		final Placement p = new Placement(FastRandom.forKey(seed, -3), width, height, SEPARATION);
		for (final PlantedDefect x : d)
			p.reserve(x.x(), x.y(), 1, x.length());
		return p;
	}

	private static List<PlantedDefect> createCore(final int width, final int height,
		final long seed)
	{
		final Placement p = new Placement(FastRandom.forKey(seed, -1), width, height, SEPARATION);
		final FastRandom r = p.random();
		final List<PlantedDefect> d = new ArrayList<>();
		for (int n = 0; n < 6; n++)
			d.add(at(p, PlantedDefect.stuck(0, 0, ALL, r.between(30, 230))));
		addChannel(d, p, 3, GREEN, "green-only stuck", () -> PlantedDefect.stuck(0, 0, GREEN, r.between(
			30, 230)));
		addChannel(d, p, 2, RED, "red-only stuck", () -> PlantedDefect.stuck(0, 0, RED, r.between(30,
			230)));
		addChannel(d, p, 2, BLUE, "blue-only stuck", () -> PlantedDefect.stuck(0, 0, BLUE, r.between(30,
			230)));
		for (int n = 0; n < 2; n++) {
			final int[] e = p.placeOnEdge(SEPARATION);
			d.add(PlantedDefect.stuck(e[0], e[1], ALL, r.between(30, 230)).withLabel("edge stuck"));
		}
		for (int n = 0; n < 2; n++) {
			final int[] q = p.place(2, 1, SEPARATION);
			d.add(PlantedDefect.stuck(q[0], q[1], ALL, r.between(30, 230)).withLabel("stuck pair"));
			d.add(PlantedDefect.stuck(q[0] + 1, q[1], ALL, r.between(30, 230)).withLabel("stuck pair"));
		}
		for (int n = 0; n < 4; n++)
			d.add(at(p, PlantedDefect.dead(0, 0, ALL)));
		addChannel(d, p, 2, RED, "red-only dead", () -> PlantedDefect.dead(0, 0, RED));
		addChannel(d, p, 2, GREEN, "green-only dead", () -> PlantedDefect.dead(0, 0, GREEN));
		for (int n = 0; n < 4; n++)
			d.add(at(p, PlantedDefect.hot(0, 0, ALL, r.between(100, 200))));
		for (int n = 0; n < 4; n++)
			d.add(at(p, PlantedDefect.hot(0, 0, ALL, r.between(30, 60)).withLabel(
				"moderate hot +30..60")));
		addChannel(d, p, 4, BLUE, "blue-only hot", () -> PlantedDefect.hot(0, 0, BLUE, r.between(100,
			200)));
		addChannel(d, p, 2, RED, "red-only hot", () -> PlantedDefect.hot(0, 0, RED, r.between(100,
			200)));
		addChannel(d, p, 2, GREEN, "green-only hot", () -> PlantedDefect.hot(0, 0, GREEN, r.between(100,
			200)));
		for (int n = 0; n < 2; n++) {
			final int[] q = p.place(2, 1, SEPARATION);
			final int extra = r.between(80, 180);
			d.add(PlantedDefect.hot(q[0], q[1], ALL, extra).withLabel("hot pair"));
			d.add(PlantedDefect.hot(q[0] + 1, q[1], ALL, extra).withLabel("hot pair"));
		}
		for (int n = 0; n < 2; n++)
			d.add(at(p, PlantedDefect.cold(0, 0, ALL, 0.3)));
		return d;
	}

	private interface Maker {

		PlantedDefect make();
	}

	private static void addChannel(final List<PlantedDefect> d, final Placement p, final int n,
		final int channel, final String label, final Maker maker)
	{
		for (int k = 0; k < n; k++)
			d.add(at(p, maker.make().withLabel(label)));
	}

	private static PlantedDefect at(final Placement p, final PlantedDefect defect) {
		final int[] q = p.place(1, defect.length(), SEPARATION);
		return defect.movedTo(q[0], q[1]);
	}
}
