package org.hotpixels.eval;

import java.util.List;

import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/** A 16-bit series as 32-bit float frames (value / 16 + 0.25, as a calibrated pipeline gives). */
final class FloatSeries {

	private FloatSeries() {}

	static DemoSeries of(final DemoSeries s) {
		return new DemoSeries() {

			@Override
			public Frame frame(final int index) {
				final short[] v = (short[]) s.frame(index).plane(0);
				final float[] f = new float[v.length];
				for (int i = 0; i < v.length; i++)
					f[i] = (v[i] & 0xffff) / 16f + 0.25f;
				return Frame.of(frameName(index), PixelType.GRAY32, s.width(), s.height(), f);
			}

			@Override
			public int width() {
				return s.width();
			}

			@Override
			public int height() {
				return s.height();
			}

			@Override
			public int size() {
				return s.size();
			}

			@Override
			public PixelType pixelType() {
				return PixelType.GRAY32;
			}

			@Override
			public long seed() {
				return s.seed();
			}

			@Override
			public List<PlantedDefect> planted() {
				return s.planted();
			}
		};
	}
}
