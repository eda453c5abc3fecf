package org.hotpixels.demo;

/**
 * What the camera of a {@link SyntheticSeries} looks at in one frame: the light of each pixel in
 * 8-bit units, before sensor noise, defects and clipping (values above 255 are highlights that
 * clip). The default is a random {@link PhotoScene} per frame; any other, e.g. a crop of a real
 * photograph, can be given with {@link SyntheticSeries.Builder#scenes}.
 *
 * <pre>{@code
 * Scene flat = (y, red, green, blue) -> {
 *     java.util.Arrays.fill(red, 100f);
 *     java.util.Arrays.fill(green, 100f);
 *     java.util.Arrays.fill(blue, 100f);
 * };
 * SyntheticSeries s = SyntheticSeries.builder().scenes(frame -> flat).build();
 * }</pre>
 */
@FunctionalInterface
public interface Scene {

	/** Writes row {@code y} into the three channel arrays (each at least the width long). */
	void renderRow(int y, float[] red, float[] green, float[] blue);
}
