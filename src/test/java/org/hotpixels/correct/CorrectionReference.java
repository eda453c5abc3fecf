package org.hotpixels.correct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.detect.Defect;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * A deliberately plain reference for the corrector, written without looking at its data
 * structures: a boolean mask per channel from the defect boxes, nested loops over each window,
 * a sorted list for the median, and the expected frame as a copy of the input arrays with only
 * the defect samples replaced.
 */
final class CorrectionReference {

	private CorrectionReference() {}

	/** True where a defect covers (x, y) in channel c (boxes clipped to the image). */
	static boolean[] defective(final List<Defect> defects, final int w, final int h, final int c) {
		final boolean[] mask = new boolean[w * h];
		for (final Defect d : defects) {
			if (d.channel() != Defect.ALL_CHANNELS && d.channel() != c) continue;
			for (int y = d.yMin(); y <= d.yMax() && y < h; y++)
				for (int x = d.xMin(); x <= d.xMax() && x < w; x++)
					if (x >= 0 && y >= 0) mask[y * w + x] = true;
		}
		return mask;
	}

	/** Sample of channel c at pixel index i, as a double. */
	static double sample(final Frame f, final int c, final int i) {
		switch (f.type()) {
			case GRAY8 :
				return ((byte[]) f.plane(c))[i] & 0xff;
			case GRAY16 :
				return ((short[]) f.plane(c))[i] & 0xffff;
			case GRAY32 :
				return ((float[]) f.plane(c))[i];
			default :
				final int shift = c % 3 == 0 ? 16 : c % 3 == 1 ? 8 : 0;
				return (((int[]) f.plane(c / 3))[i] >> shift) & 0xff;
		}
	}

	/**
	 * The median of the valid neighbours of (x, y) in channel c: windows of radius 1, 2, 3 steps
	 * until at least 3 are valid; NaN samples are dropped afterwards. NaN if none is left.
	 */
	static double median(final Frame f, final boolean[] mask, final int c, final int x, final int y,
		final int step)
	{
		final int w = f.width(), h = f.height();
		int radius = 1;
		while (radius < 3 && countValid(mask, w, h, x, y, radius, step) < 3)
			radius++;
		final List<Double> values = new ArrayList<>();
		for (int dy = -radius; dy <= radius; dy++)
			for (int dx = -radius; dx <= radius; dx++) {
				final int xx = x + dx * step, yy = y + dy * step;
				if (dx == 0 && dy == 0) continue;
				if (xx < 0 || yy < 0 || xx >= w || yy >= h || mask[yy * w + xx]) continue;
				final double v = sample(f, c, yy * w + xx);
				if (!Double.isNaN(v)) values.add(v);
			}
		if (values.isEmpty()) return Double.NaN;
		Collections.sort(values);
		final int n = values.size();
		if (n % 2 == 1) return values.get(n / 2);
		final double mean = (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
		return f.type() == PixelType.GRAY32 ? (float) mean : Math.floor(mean + 0.5);
	}

	private static int countValid(final boolean[] mask, final int w, final int h, final int x,
		final int y, final int radius, final int step)
	{
		int n = 0;
		for (int dy = -radius; dy <= radius; dy++)
			for (int dx = -radius; dx <= radius; dx++) {
				final int xx = x + dx * step, yy = y + dy * step;
				if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h && !mask[yy * w + xx])
					n++;
			}
		return n;
	}

	/** The expected corrected frame: input arrays copied, defect samples set to the median. */
	static Frame expected(final Frame in, final List<Defect> defects, final int step) {
		final int w = in.width(), h = in.height();
		final Object[] planes = new Object[in.planeCount()];
		for (int p = 0; p < planes.length; p++)
			planes[p] = copy(in.plane(p));
		for (int c = 0; c < in.channels(); c++) {
			final boolean[] mask = defective(defects, w, h, c);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					if (!mask[y * w + x]) continue;
					final double m = median(in, mask, c, x, y, step);
					if (!Double.isNaN(m)) set(in.type(), planes, c, y * w + x, m);
				}
		}
		return Frame.of(in.name(), in.type(), w, h, planes);
	}

	private static void set(final PixelType type, final Object[] planes, final int c, final int i,
		final double v)
	{
		switch (type) {
			case GRAY8 :
				((byte[]) planes[c])[i] = (byte) (int) v;
				break;
			case GRAY16 :
				((short[]) planes[c])[i] = (short) (int) v;
				break;
			case GRAY32 :
				((float[]) planes[c])[i] = (float) v;
				break;
			default :
				final int shift = c % 3 == 0 ? 16 : c % 3 == 1 ? 8 : 0;
				final int[] p = (int[]) planes[c / 3];
				p[i] = p[i] & ~(0xff << shift) | (int) v << shift;
		}
	}

	static Object copy(final Object plane) {
		if (plane instanceof byte[]) return ((byte[]) plane).clone();
		if (plane instanceof short[]) return ((short[]) plane).clone();
		if (plane instanceof float[]) return ((float[]) plane).clone();
		return ((int[]) plane).clone();
	}
}
