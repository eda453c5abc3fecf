package org.hotpixels.io;

import java.util.List;
import java.util.TreeSet;

import org.hotpixels.detect.Defect;

/** Test helper: the pixels defects cover, as sorted "x,y,channel" strings ("all" for every). */
final class Positions {

	private Positions() {}

	static TreeSet<String> of(final List<Defect> defects) {
		final TreeSet<String> set = new TreeSet<>();
		for (final Defect d : defects)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					set.add(x + "," + y + "," + (d.channel() == Defect.ALL_CHANNELS ? "all" : d.channel()));
		return set;
	}

	/** Like {@link #of}, with every channel merged into "all". */
	static TreeSet<String> merged(final List<Defect> defects) {
		final TreeSet<String> set = new TreeSet<>();
		for (final Defect d : defects)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					set.add(x + "," + y + ",all");
		return set;
	}
}
