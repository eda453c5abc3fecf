package org.hotpixels.eval;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * A series of RGB frames cut from real photographs: each frame is a random crop of a random
 * photograph, scaled (bilinear, 0.8x..the largest that fits), mirrored sometimes, with a random
 * exposure; then sensor-like noise (variance {@code 0.25 v + 1.5^2} in 8-bit units, as
 * {@link org.hotpixels.demo.SyntheticSeries}) and the planted defects are applied to the values
 * before they are rounded and clipped, i.e. before any compression. Frame {@code i} depends only
 * on the photographs, the seed and {@code i}.
 *
 * <pre>{@code
 * PhotoCropSeries s = new PhotoCropSeries(photos, 1024, 768, 100, 11, PhotoDefects.create(1024, 768, 11));
 * Frame f = s.frame(0);
 * }</pre>
 */
final class PhotoCropSeries implements DemoSeries {

	/** Smallest scale (source pixels per frame pixel): below 1 the photograph is enlarged. */
	static final double MIN_SCALE = 0.8;
	private static final int VIEW_STREAM = 1, NOISE_STREAM = 2;
	private static final double SHOT = 0.25, READ = 1.5;

	private final List<BufferedImage> photos;
	private final int width, height, frames;
	private final long seed;
	private final List<PlantedDefect> planted;
	private final PlantedDefect[][] byRow;
	private final float[] noiseSigma = new float[1024];

	PhotoCropSeries(final List<BufferedImage> photos, final int width, final int height,
		final int frames, final long seed, final List<PlantedDefect> planted)
	{
		this.photos = photos;
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.seed = seed;
		this.planted = Collections.unmodifiableList(new ArrayList<>(planted));
		byRow = new PlantedDefect[height][];
		for (int y = 0; y < height; y++) {
			final List<PlantedDefect> row = new ArrayList<>();
			for (final PlantedDefect d : planted) {
				d.checkFits(width, height, 3);
				if (y >= d.y() && y <= d.yEnd()) row.add(d);
			}
			byRow[y] = row.toArray(new PlantedDefect[0]);
		}
		for (int v = 0; v < noiseSigma.length; v++)
			noiseSigma[v] = (float) Math.sqrt(SHOT * v + READ * READ);
	}

	@Override
	public Frame frame(final int index) {
		final int[] rgb = view(index);
		final FastRandom noise = FastRandom.forKey(seed, index, NOISE_STREAM);
		final float[][] rows = new float[3][width];
		final float exposure = (float) exposure(index);
		for (int y = 0; y < height; y++) {
			final int offset = y * width;
			for (int x = 0; x < width; x++) {
				final int p = rgb[offset + x];
				rows[0][x] = exposure * (p >> 16 & 0xff);
				rows[1][x] = exposure * (p >> 8 & 0xff);
				rows[2][x] = exposure * (p & 0xff);
			}
			for (final float[] row : rows)
				addNoise(row, noise);
			for (final PlantedDefect d : byRow[y])
				for (int c = 0; c < 3; c++)
					if (d.affects(c)) rows[c][d.x()] = defective(d, rows[c][d.x()]);
			for (int x = 0; x < width; x++)
				rgb[offset + x] = 0xff000000 | clip(rows[0][x]) << 16 | clip(rows[1][x]) << 8 | clip(
					rows[2][x]);
		}
		return Frame.of(frameName(index), PixelType.RGB, width, height, rgb);
	}

	/** The scene of frame {@code index}: crop, scale and mirror of one photograph, packed RGB. */
	private int[] view(final int index) {
		final FastRandom r = FastRandom.forKey(seed, index, VIEW_STREAM);
		final BufferedImage src = photos.get(r.nextInt(photos.size()));
		final double maxScale = Math.min(src.getWidth() / (double) width, src.getHeight() /
			(double) height);
		final double minScale = Math.min(MIN_SCALE, maxScale);
		final double scale = minScale * Math.pow(maxScale / minScale, r.nextDouble());
		final int cw = Math.min(src.getWidth(), (int) Math.round(width * scale));
		final int ch = Math.min(src.getHeight(), (int) Math.round(height * scale));
		final int cx = r.nextInt(src.getWidth() - cw + 1), cy = r.nextInt(src.getHeight() - ch + 1);
		final boolean flipX = r.chance(0.5), flipY = r.chance(0.1);
		final BufferedImage view = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = view.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
			RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(src, flipX ? width : 0, flipY ? height : 0, flipX ? 0 : width, flipY ? 0
			: height, cx, cy, cx + cw, cy + ch, null);
		g.dispose();
		return ((DataBufferInt) view.getRaster().getDataBuffer()).getData();
	}

	/** Exposure factor of frame {@code index}: lognormal, 0.5..1.6. */
	private double exposure(final int index) {
		final FastRandom r = FastRandom.forKey(seed, index, 3);
		return Math.max(0.5, Math.min(1.6, Math.exp(0.25 * r.nextGaussian())));
	}

	private void addNoise(final float[] row, final FastRandom noise) {
		final int top = noiseSigma.length - 1;
		for (int x = 0; x < width; x++) {
			final float v = row[x];
			final int level = v <= 0 ? 0 : v >= top ? top : (int) v;
			row[x] = v + noiseSigma[level] * (float) noise.nextGaussian();
		}
	}

	/** The value a defect makes of a normal one: stuck fixed, dead 0, hot +, cold x. */
	static float defective(final PlantedDefect d, final float value) {
		switch (d.kind()) {
			case STUCK:
				return (float) d.value();
			case DEAD:
				return 0;
			case HOT:
				return value + (float) d.value();
			default:
				return value * (float) d.value();
		}
	}

	static int clip(final float v) {
		return v <= 0 ? 0 : v >= 254.5f ? 255 : (int) (v + 0.5f);
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public int size() {
		return frames;
	}

	@Override
	public PixelType pixelType() {
		return PixelType.RGB;
	}

	@Override
	public long seed() {
		return seed;
	}

	@Override
	public List<PlantedDefect> planted() {
		return planted;
	}
}
