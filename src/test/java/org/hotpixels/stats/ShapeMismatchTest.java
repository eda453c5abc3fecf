package org.hotpixels.stats;

import static org.hotpixels.stats.StatisticsAssert.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/** Frames and partial results of another shape are refused and change nothing. */
class ShapeMismatchTest {

	private static Frame gray16(final String name, final int width, final int height,
		final int planes)
	{
		final Object[] arrays = new Object[planes];
		for (int p = 0; p < planes; p++)
			arrays[p] = new short[width * height];
		return Frame.of(name, PixelType.GRAY16, width, height, arrays);
	}

	@Test
	void framesOfAnotherShapeAreRefused() {
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY16, 10, 6, 1);
		stats.add(gray16("good.tif", 10, 6, 1));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stats.add(
			gray16("wide.tif", 11, 6, 1)));
		assertTrue(e.getMessage().contains("wide.tif"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> stats.add(gray16("tall.tif", 10, 7, 1)));
		assertThrows(IllegalArgumentException.class, () -> stats.add(gray16("swapped.tif", 6, 10, 1)));
		assertThrows(IllegalArgumentException.class, () -> stats.add(gray16("two.tif", 10, 6, 2)));
		assertThrows(IllegalArgumentException.class, () -> stats.add(Frame.of("8bit.tif",
			PixelType.GRAY8, 10, 6, new byte[60])));
		assertThrows(IllegalArgumentException.class, () -> stats.add(Frame.of("float.tif",
			PixelType.GRAY32, 10, 6, new float[60])));
		assertEquals(1, stats.frameCount());
	}

	@Test
	void rgbAndThreeGreyChannelsAreNotTheSameShape() {
		final PixelStatistics grey = PixelStatistics.create(PixelType.GRAY8, 4, 4, 3);
		final PixelStatistics rgb = PixelStatistics.create(PixelType.RGB, 4, 4, 3);
		assertThrows(IllegalArgumentException.class, () -> grey.add(Frame.of("rgb.png", PixelType.RGB,
			4, 4, new int[16])));
		assertThrows(IllegalArgumentException.class, () -> rgb.add(Frame.of("grey.png", PixelType.GRAY8,
			4, 4, new byte[16], new byte[16], new byte[16])));
		assertThrows(IllegalArgumentException.class, () -> grey.merge(rgb));
		assertThrows(IllegalArgumentException.class, () -> rgb.merge(grey));
		assertThrows(IllegalArgumentException.class, () -> PixelStatistics.create(PixelType.RGB, 4, 4,
			4));
	}

	@Test
	void aBatchWithOneBadFrameChangesNothing() {
		final List<Frame> good = RandomFrames.series(PixelType.GRAY16, 10, 6, 1, 4, 3);
		final PixelStatistics stats = PixelStatistics.like(good.get(0));
		stats.addAll(good.subList(0, 2));
		final List<Frame> batch = Arrays.asList(good.get(2), gray16("odd.tif", 10, 5, 1), good.get(3));
		assertThrows(IllegalArgumentException.class, () -> stats.addAll(batch));
		final PixelStatistics expected = PixelStatistics.like(good.get(0));
		expected.addAll(good.subList(0, 2));
		assertIdentical(expected, stats);
	}

	@Test
	void statisticsOfAnotherShapeDoNotMerge() {
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY16, 10, 6, 2);
		assertThrows(IllegalArgumentException.class, () -> stats.merge(PixelStatistics.create(
			PixelType.GRAY16, 10, 7, 2)));
		assertThrows(IllegalArgumentException.class, () -> stats.merge(PixelStatistics.create(
			PixelType.GRAY16, 12, 5, 2)));
		assertThrows(IllegalArgumentException.class, () -> stats.merge(PixelStatistics.create(
			PixelType.GRAY16, 10, 6, 1)));
		assertThrows(IllegalArgumentException.class, () -> stats.merge(PixelStatistics.create(
			PixelType.GRAY32, 10, 6, 2)));
		assertThrows(IllegalArgumentException.class, () -> stats.merge(PixelStatistics.create(
			PixelType.GRAY8, 10, 6, 2)));
		final PixelStatistics floats = PixelStatistics.create(PixelType.GRAY32, 10, 6, 2);
		assertThrows(IllegalArgumentException.class, () -> floats.merge(PixelStatistics.create(
			PixelType.GRAY32, 6, 10, 2)));
		assertEquals(0, stats.frameCount());
	}
}
