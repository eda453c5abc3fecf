package org.hotpixels.demo;

/**
 * A sharp-edged, uniformly coloured shape of a photo scene: an ellipse, a rotated rectangle or a
 * thin stripe, blended with some opacity. Drawn row by row, only across its bounding box.
 */
final class Shape {

	private enum Form {
		ELLIPSE, RECTANGLE, STRIPE
	}

	private final Form form;
	private final double cx, cy, a, b, cos, sin;
	private final float[] colour;
	private final float opacity;
	private final int yMin, yMax, xMin, xMax;

	private Shape(final Form form, final double cx, final double cy, final double a, final double b,
		final double angle, final float[] colour, final float opacity)
	{
		this.form = form;
		this.cx = cx;
		this.cy = cy;
		this.a = a;
		this.b = b;
		cos = Math.cos(angle);
		sin = Math.sin(angle);
		this.colour = colour;
		this.opacity = opacity;
		final double reach = form == Form.ELLIPSE ? Math.max(a, b) : Math.hypot(a, b);
		xMin = (int) Math.floor(cx - reach);
		xMax = (int) Math.ceil(cx + reach);
		yMin = (int) Math.floor(cy - reach);
		yMax = (int) Math.ceil(cy + reach);
	}

	/** A random shape of the given colour, somewhere in (or partly outside) the frame. */
	static Shape random(final FastRandom random, final float[] colour, final int width,
		final int height)
	{
		final int size = Math.max(width, height);
		final Form form = Form.values()[random.nextInt(Form.values().length)];
		final double a = random.uniform(0.02, 0.2) * size + 1;
		final double b = form == Form.STRIPE ? random.uniform(0.002, 0.01) * size + 0.7 : random
			.uniform(0.02, 0.2) * size + 1;
		final float opacity = (float) random.uniform(0.6, 1);
		return new Shape(form, random.uniform(0, width), random.uniform(0, height), a, b, random
			.uniform(0, Math.PI), colour, opacity);
	}

	/** Blends the shape's pixels of row {@code y} into the channel arrays. */
	void drawRow(final int y, final int width, final float[] red, final float[] green,
		final float[] blue)
	{
		if (y < yMin || y > yMax) return;
		final double dy = y - cy;
		final int x0 = Math.max(0, xMin), x1 = Math.min(width - 1, xMax);
		for (int x = x0; x <= x1; x++) {
			final double dx = x - cx;
			final double u = (dx * cos + dy * sin) / a, v = (dy * cos - dx * sin) / b;
			final boolean inside = form == Form.ELLIPSE ? u * u + v * v <= 1 : Math.abs(u) <= 1 && Math
				.abs(v) <= 1;
			if (!inside) continue;
			red[x] += opacity * (colour[0] - red[x]);
			green[x] += opacity * (colour[1] - green[x]);
			blue[x] += opacity * (colour[2] - blue[x]);
		}
	}
}
