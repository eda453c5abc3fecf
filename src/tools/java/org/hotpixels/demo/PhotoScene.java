package org.hotpixels.demo;

/**
 * One random photo-like scene, rendered row by row in 8-bit units (values above 255 are
 * highlights that the sensor will clip): a smooth background from four corner colours, soft
 * elliptical blobs, sharp-edged shapes (ellipses, rotated rectangles, thin stripes), a fine
 * texture, and an exposure that makes some scenes dark and others bright. Colours are correlated
 * across channels, as in real photographs. The smooth part is drawn on a grid eight times coarser
 * and interpolated, so a 10-megapixel scene takes well under a second.
 */
final class PhotoScene implements Scene {

	private static final int SHIFT = 3;
	private static final int STEP = 1 << SHIFT;
	private static final int TEXTURE_BITS = 7;
	private static final int TEXTURE_SIZE = 1 << TEXTURE_BITS;
	private static final int TEXTURE_MASK = TEXTURE_SIZE - 1;

	private final int width;
	private final int gridWidth;
	private final float[][] grid;
	private final Shape[] shapes;
	private final float[] texture;
	private final int textureX, textureY;
	private final float[] rowA, rowB, rowC;

	/** A random scene of the given size; the same random stream gives the same scene. */
	PhotoScene(final FastRandom random, final int width, final int height) {
		this.width = width;
		gridWidth = ((width - 1) >> SHIFT) + 2;
		final int gridHeight = ((height - 1) >> SHIFT) + 2;
		final double exposure = exposure(random);
		final double[] tint = { 1 + 0.12 * random.nextGaussian(), 1 + 0.08 * random.nextGaussian(), 1 +
			0.15 * random.nextGaussian() };
		grid = new float[3][gridWidth * gridHeight];
		drawBackground(random, tint, exposure, gridHeight);
		final int blobs = random.between(5, 14);
		for (int n = 0; n < blobs; n++)
			drawBlob(random, tint, exposure, width, height, gridHeight);
		shapes = new Shape[random.between(2, 7)];
		for (int n = 0; n < shapes.length; n++)
			shapes[n] = Shape.random(random, colour(random, tint, exposure), width, height);
		texture = texture(random);
		textureX = random.nextInt(TEXTURE_SIZE);
		textureY = random.nextInt(TEXTURE_SIZE);
		rowA = new float[gridWidth];
		rowB = new float[gridWidth];
		rowC = new float[gridWidth];
	}

	/** 8-bit level of a colour of brightness 1: mostly normal, sometimes dark, sometimes bright. */
	private static double exposure(final FastRandom random) {
		double e = 230 * Math.exp(0.3 * random.nextGaussian());
		final double u = random.nextDouble();
		if (u < 0.15) e *= 0.2;
		else if (u < 0.25) e *= 1.8;
		return e;
	}

	/** A colour whose channels follow one brightness, tinted like the whole frame. */
	private static float[] colour(final FastRandom random, final double[] tint,
		final double exposure)
	{
		final double u = random.nextDouble();
		final double brightness = 0.03 + 0.97 * u * Math.sqrt(u);
		final double saturation = random.uniform(0, 0.5);
		final float[] c = new float[3];
		for (int k = 0; k < 3; k++)
			c[k] = (float) (exposure * brightness * tint[k] * Math.max(0.05, 1 + saturation * random
				.nextGaussian()));
		return c;
	}

	private void drawBackground(final FastRandom random, final double[] tint, final double exposure,
		final int gridHeight)
	{
		final float[][] corners = new float[4][];
		for (int k = 0; k < 4; k++)
			corners[k] = colour(random, tint, exposure);
		for (int j = 0; j < gridHeight; j++) {
			final float fy = j / (float) Math.max(1, gridHeight - 1);
			for (int i = 0; i < gridWidth; i++) {
				final float fx = i / (float) Math.max(1, gridWidth - 1);
				for (int c = 0; c < 3; c++)
					grid[c][j * gridWidth + i] = (1 - fy) * ((1 - fx) * corners[0][c] + fx * corners[1][c]) +
						fy * ((1 - fx) * corners[2][c] + fx * corners[3][c]);
			}
		}
	}

	/** Blends a soft Gaussian ellipse into the coarse grid, only inside its bounding box. */
	private void drawBlob(final FastRandom random, final double[] tint, final double exposure,
		final int width, final int height, final int gridHeight)
	{
		final int size = Math.max(width, height);
		final double cx = random.uniform(-0.1, 1.1) * width / STEP;
		final double cy = random.uniform(-0.1, 1.1) * height / STEP;
		final double sx = random.uniform(0.02, 0.2) * size / STEP + 0.5;
		final double sy = random.uniform(0.02, 0.2) * size / STEP + 0.5;
		final double angle = random.uniform(0, Math.PI);
		final double cos = Math.cos(angle), sin = Math.sin(angle);
		final double opacity = random.uniform(0.4, 1);
		final float[] colour = colour(random, tint, exposure);
		final double reach = 4 * Math.max(sx, sy);
		final int i0 = Math.max(0, (int) Math.floor(cx - reach));
		final int i1 = Math.min(gridWidth - 1, (int) Math.ceil(cx + reach));
		final int j0 = Math.max(0, (int) Math.floor(cy - reach));
		final int j1 = Math.min(gridHeight - 1, (int) Math.ceil(cy + reach));
		for (int j = j0; j <= j1; j++)
			for (int i = i0; i <= i1; i++) {
				final double dx = i - cx, dy = j - cy;
				final double u = (dx * cos + dy * sin) / sx, v = (dy * cos - dx * sin) / sy;
				final double q = u * u + v * v;
				if (q > 16) continue;
				final float alpha = (float) (opacity * Math.exp(-0.5 * q));
				final int index = j * gridWidth + i;
				for (int c = 0; c < 3; c++)
					grid[c][index] += alpha * (colour[c] - grid[c][index]);
			}
	}

	/** A tile of fine, slightly blurred noise with values of about -1..1 and random strength. */
	private static float[] texture(final FastRandom random) {
		final float[] raw = new float[TEXTURE_SIZE * TEXTURE_SIZE];
		for (int i = 0; i < raw.length; i++)
			raw[i] = (float) random.uniform(-1, 1);
		final float strength = (float) random.uniform(0.02, 0.1);
		final float[] tile = new float[raw.length];
		for (int y = 0; y < TEXTURE_SIZE; y++)
			for (int x = 0; x < TEXTURE_SIZE; x++) {
				float sum = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++)
						sum += raw[((y + dy) & TEXTURE_MASK) * TEXTURE_SIZE + ((x + dx) & TEXTURE_MASK)];
				tile[y * TEXTURE_SIZE + x] = 1 + strength * sum / 3;
			}
		return tile;
	}

	/** Writes row {@code y} of the scene into the three channel arrays (at least width long). */
	@Override
	public void renderRow(final int y, final float[] red, final float[] green, final float[] blue) {
		interpolateRow(y, 0, red);
		interpolateRow(y, 1, green);
		interpolateRow(y, 2, blue);
		for (final Shape s : shapes)
			s.drawRow(y, width, red, green, blue);
		final int textureRow = ((y + textureY) & TEXTURE_MASK) * TEXTURE_SIZE;
		for (int x = 0; x < width; x++) {
			final float t = texture[textureRow + ((x + textureX) & TEXTURE_MASK)];
			red[x] *= t;
			green[x] *= t;
			blue[x] *= t;
		}
	}

	private void interpolateRow(final int y, final int c, final float[] out) {
		final float[] g = grid[c];
		final int j = y >> SHIFT;
		final float fy = (y & (STEP - 1)) / (float) STEP;
		final int top = j * gridWidth, bottom = top + gridWidth;
		final float[] row = c == 0 ? rowA : c == 1 ? rowB : rowC;
		for (int i = 0; i < gridWidth; i++)
			row[i] = g[top + i] + fy * (g[bottom + i] - g[top + i]);
		for (int x = 0; x < width; x++) {
			final int i = x >> SHIFT;
			final float fx = (x & (STEP - 1)) / (float) STEP;
			out[x] = row[i] + fx * (row[i + 1] - row[i]);
		}
	}
}
