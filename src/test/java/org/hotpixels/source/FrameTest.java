package org.hotpixels.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import ij.ImagePlus;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;

/** The ImagePlus <-> ImgLib2 bridge: wrapping shares the arrays, copying goes through a cursor. */
class FrameTest {

	@Test
	void anOpenImageIsWrappedWithoutCopying() {
		final short[] pixels = new short[12 * 5];
		pixels[3 * 12 + 7] = (short) 40000;
		final ImagePlus imp = new ImagePlus("x", new ShortProcessor(12, 5, pixels, null));
		final Frame f = new ImagePlusFrameSource(imp).read(0);
		assertSame(pixels, f.plane(0));
		final PlanarImg<UnsignedShortType, ?> img = f.image();
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		ra.setPosition(new long[]{ 7, 3, 0 });
		assertEquals(40000, ra.get().get());
		ra.get().set(123); // writes through to ImageJ's own array
		assertEquals(123, pixels[3 * 12 + 7]);
	}

	@Test
	void anyImgLib2ViewIsCopiedThroughACursor() {
		final ArrayImg<UnsignedShortType, ShortArray> big = ArrayImgs.unsignedShorts(20, 10);
		int v = 0;
		for (final UnsignedShortType t : big)
			t.set(v++);
		// a crop is not backed by one array: the generic path
		final Frame f = Frame.copyOf("crop", PixelType.GRAY16, Views.zeroMin(Views.interval(big,
			new long[]{ 5, 2 }, new long[]{ 14, 6 })));
		assertEquals(10, f.width());
		assertEquals(5, f.height());
		final short[] p = (short[]) f.plane(0);
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 10; x++)
				assertEquals((y + 2) * 20 + x + 5, p[y * 10 + x]);
	}
}
