package org.hotpixels.correct;

import java.util.ArrayList;
import java.util.List;

import org.hotpixels.detect.Defect;
import org.hotpixels.io.jpeg.JpegBlockRepair;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * The repair of a JPEG file's components for {@link JpegBlockRepair}: each defect is repaired in
 * every component (a defect of one colour channel changes luma and chroma alike), at the
 * component's resolution, by the {@link DefectCorrector}'s median of the valid neighbours.
 */
final class JpegDefects implements JpegBlockRepair.SampleRepair {

	private final List<Defect> defects;
	private final boolean skipOutside;

	JpegDefects(final List<Defect> defects, final boolean skipOutside) {
		this.defects = defects;
		this.skipOutside = skipOutside;
	}

	@Override
	public float[] repair(final float[] samples, final int width, final int height, final int h,
		final int hMax, final int v, final int vMax)
	{
		final Frame in = Frame.of("component", PixelType.GRAY32, width, height, new Object[]{
			samples });
		return (float[]) new DefectCorrector(scale(defects, h, hMax, v, vMax), width, height, 1, null,
			skipOutside).correct(in).plane(0);
	}

	/** The blocks within the corrector's widest window of a defect. */
	@Override
	public boolean[] blocksRead(final int blocksW, final int blocksH, final int h, final int hMax,
		final int v, final int vMax)
	{
		final boolean[] read = new boolean[blocksW * blocksH];
		final int r = NeighbourTable.MAX_RADIUS;
		for (final Defect d : scale(defects, h, hMax, v, vMax)) {
			final int bx0 = Math.max(0, d.xMin() - r) / 8, by0 = Math.max(0, d.yMin() - r) / 8;
			final int bx1 = (int) Math.min(blocksW - 1, ((long) d.xMax() + r) / 8);
			final int by1 = (int) Math.min(blocksH - 1, ((long) d.yMax() + r) / 8);
			for (int by = by0; by <= by1; by++)
				for (int bx = bx0; bx <= bx1; bx++)
					read[by * blocksW + bx] = true;
		}
		return read;
	}

	/** The defects at a component's resolution: boxes scaled by h/hMax across, v/vMax down. */
	static List<Defect> scale(final List<Defect> defects, final int h, final int hMax, final int v,
		final int vMax)
	{
		final List<Defect> out = new ArrayList<>(defects.size());
		for (final Defect d : defects)
			out.add(new Defect(d.x() * h / hMax, d.y() * v / vMax, Defect.ALL_CHANNELS, d.kind(), d
				.mean(), d.variance(), d.min(), d.max(), d.neighbourMean(), d.neighbourVariance(), d
					.score(), d.clusterSize(), d.xMin() * h / hMax, d.yMin() * v / vMax, (int) Math.min(
						Integer.MAX_VALUE, (long) d.xMax() * h / hMax), (int) Math.min(Integer.MAX_VALUE,
							(long) d.yMax() * v / vMax)));
		return out;
	}
}
