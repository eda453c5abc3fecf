package org.hotpixels.eval;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

import org.hotpixels.demo.FastRandom;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.Scene;
import org.hotpixels.demo.SyntheticSeries;

/**
 * A series of RGB frames cut from real photographs: the demo's {@link SyntheticSeries} (its
 * sensor noise, variance {@code 0.25 v + 1.5^2} in 8-bit units, and its planted defects applied
 * before rounding and clipping, i.e. before any compression) looking at a {@link Scene} that is
 * a random crop of a random photograph, scaled (bilinear, 0.8x..the largest that fits),
 * mirrored sometimes, with a random exposure. Frame {@code i} depends only on the photographs,
 * the seed and {@code i}.
 *
 * <pre>{@code
 * SyntheticSeries s = PhotoCropSeries.of(photos, 1024, 768, 100, 11, PhotoDefects.create(1024, 768, 11));
 * Frame f = s.frame(0);
 * }</pre>
 */
final class PhotoCropSeries {

	/** Smallest scale (source pixels per frame pixel): below 1 the photograph is enlarged. */
	static final double MIN_SCALE = 0.8;
	private static final int VIEW_STREAM = 1, EXPOSURE_STREAM = 3;

	private PhotoCropSeries() {}

	/** {@code frames} RGB frames of {@code width x height} with {@code planted} in each. */
	static SyntheticSeries of(final List<BufferedImage> photos, final int width, final int height,
		final int frames, final long seed, final List<PlantedDefect> planted)
	{
		return SyntheticSeries.builder().size(width, height).frames(frames).seed(seed).defects(planted)
			.scenes(index -> scene(photos, width, height, seed, index)).build();
	}

	/** The scene of frame {@code index}: its crop of a photograph times its exposure. */
	private static Scene scene(final List<BufferedImage> photos, final int width, final int height,
		final long seed, final int index)
	{
		final int[] rgb = view(photos, width, height, seed, index);
		final float exposure = (float) exposure(seed, index);
		return (y, red, green, blue) -> {
			final int offset = y * width;
			for (int x = 0; x < width; x++) {
				final int p = rgb[offset + x];
				red[x] = exposure * (p >> 16 & 0xff);
				green[x] = exposure * (p >> 8 & 0xff);
				blue[x] = exposure * (p & 0xff);
			}
		};
	}

	/** Crop, scale and mirror of one photograph for frame {@code index}, packed RGB. */
	private static int[] view(final List<BufferedImage> photos, final int width, final int height,
		final long seed, final int index)
	{
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
		g.drawImage(src, flipX ? width : 0, flipY ? height : 0, flipX ? 0 : width, flipY ? 0 : height,
			cx, cy, cx + cw, cy + ch, null);
		g.dispose();
		return ((DataBufferInt) view.getRaster().getDataBuffer()).getData();
	}

	/** Exposure factor of frame {@code index}: lognormal, 0.5..1.6. */
	private static double exposure(final long seed, final int index) {
		final FastRandom r = FastRandom.forKey(seed, index, EXPOSURE_STREAM);
		return Math.max(0.5, Math.min(1.6, Math.exp(0.25 * r.nextGaussian())));
	}
}
