package org.hotpixels.eval;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SeriesShape;
import org.hotpixels.demo.PoissonSampler;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * A time-lapse of ONE unchanging field of view, as a microscope or a tracked sky gives: a fixed
 * textured scene (a crop of a real photograph, grey, slightly blurred by the optics) of 200 to
 * 20,000 electrons per pixel, where only the noise changes from frame to frame: Poisson shot
 * noise, gain 0.5 ADU per electron, bias 100 ADU, read noise 3 ADU; 16-bit. Planted: stuck
 * pixels (a fixed value), dead pixels (the bias), hot pixels (extra electrons per frame, Poisson
 * like the rest) and cold ones (a third of the light), all in smooth or textured places alike.
 */
final class StaticSceneSeries extends SeriesShape {

	static final double GAIN = 0.5, BIAS = 100, READ = 3;
	private static final int NOISE_STREAM = 2;

	private final float[] electrons;
	private final List<PlantedDefect> planted;
	private final List<int[]> fixed = new ArrayList<>();

	StaticSceneSeries(final BufferedImage photo, final int width, final int height, final int frames,
		final long seed, final boolean withDefects)
	{
		super(width, height, frames, PixelType.GRAY16, seed);
		final BufferedImage view = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = view.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
			RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		final FastRandom r = FastRandom.forKey(seed, -5);
		final int cw = Math.min(photo.getWidth(), width * 2), ch = Math.min(photo.getHeight(), height *
			2);
		final int cx = r.nextInt(photo.getWidth() - cw + 1), cy = r.nextInt(photo.getHeight() - ch + 1);
		g.drawImage(photo, 0, 0, width, height, cx, cy, cx + cw, cy + ch, null);
		g.dispose();
		final int[] rgb = ((DataBufferInt) view.getRaster().getDataBuffer()).getData();
		final float[] grey = new float[width * height];
		for (int i = 0; i < grey.length; i++) {
			final int p = rgb[i];
			grey[i] = 0.3f * (p >> 16 & 0xff) + 0.59f * (p >> 8 & 0xff) + 0.11f * (p & 0xff);
		}
		electrons = new float[grey.length];
		for (int y = 0; y < height; y++) // 3x3 binomial blur: the optics' point spread
			for (int x = 0; x < width; x++) {
				double sum = 0, weight = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
						final double w = (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1);
						sum += w * grey[yy * width + xx];
						weight += w;
					}
				electrons[y * width + x] = (float) (200 + 19800 * Math.pow(sum / weight / 255, 1.5));
			}
		final List<PlantedDefect> d = new ArrayList<>();
		if (withDefects) {
			final Placement p = new Placement(FastRandom.forKey(seed, -6), width, height, 8);
			for (int n = 0; n < 3; n++)
				d.add(at(p, PlantedDefect.stuck(0, 0, 0, r.between(500, 8000))));
			for (int n = 0; n < 2; n++)
				d.add(at(p, PlantedDefect.dead(0, 0, 0).withLabel("dead (at bias)")));
			for (int n = 0; n < 3; n++)
				d.add(at(p, PlantedDefect.hot(0, 0, 0, r.between(3000, 8000)).withLabel(
					"hot +3000..8000 e-")));
			for (int n = 0; n < 2; n++)
				d.add(at(p, PlantedDefect.cold(0, 0, 0, 0.3)));
			for (final PlantedDefect x : d) {
				final int i = x.y() * width + x.x();
				if (x.kind() == DefectKind.HOT) electrons[i] += x.value();
				else if (x.kind() == DefectKind.COLD) electrons[i] *= x.value();
				else fixed.add(new int[]{ i, x.kind() == DefectKind.DEAD ? (int) BIAS : (int) x.value() });
			}
		}
		planted = Collections.unmodifiableList(d);
	}

	private static PlantedDefect at(final Placement p, final PlantedDefect d) {
		final int[] q = p.place(1, 1, 8);
		return d.movedTo(q[0], q[1]);
	}

	@Override
	public Frame frame(final int index) {
		final FastRandom random = FastRandom.forKey(seed, index, NOISE_STREAM);
		final short[] plane = new short[width * height];
		for (int i = 0; i < plane.length; i++) {
			final double v = BIAS + GAIN * PoissonSampler.sample(random, electrons[i]) + READ * random
				.nextGaussian();
			plane[i] = (short) (v <= 0 ? 0 : v >= 65535 ? 65535 : Math.round(v));
		}
		for (final int[] f : fixed)
			plane[f[0]] = (short) f[1];
		return Frame.of(frameName(index), PixelType.GRAY16, width, height, plane);
	}

	@Override
	public List<PlantedDefect> planted() {
		return planted;
	}
}
