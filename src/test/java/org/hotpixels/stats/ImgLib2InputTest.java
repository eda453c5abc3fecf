package org.hotpixels.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/**
 * Any ImgLib2 image is a frame: cell images and views through cursors, array-backed images
 * without a copy. Each must give the statistics of a two-pass {@link BigInteger} /
 * {@link BigDecimal} reference computed here from the images through random access.
 */
class ImgLib2InputTest {

	private static final int W = 37, H = 23, N = 9;

	@Test
	void cellImagesOf16BitDataGiveExactStatistics() {
		final Random random = new Random(3);
		final List<Img<UnsignedShortType>> frames = new ArrayList<>();
		for (int k = 0; k < N; k++) {
			final Img<UnsignedShortType> img = new CellImgFactory<>(new UnsignedShortType(), 8).create(W,
				H);
			for (final UnsignedShortType t : img)
				t.set(random.nextInt(65536));
			frames.add(img);
		}
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		assertEquals(PixelType.GRAY16, stats.type());
		stats.addImages(frames.subList(0, 4));
		for (int k = 4; k < N; k++)
			stats.add(frames.get(k));
		checkAgainstReference(frames, stats);
	}

	@Test
	void viewsOf8BitDataGiveExactStatistics() {
		final Random random = new Random(5);
		final List<RandomAccessibleInterval<UnsignedByteType>> frames = new ArrayList<>();
		for (int k = 0; k < N; k++) {
			final ArrayImg<UnsignedByteType, ?> big = ArrayImgs.unsignedBytes(W + 10, H + 6);
			for (final UnsignedByteType t : big)
				t.set(random.nextInt(256));
			frames.add(Views.zeroMin(Views.interval(big, new long[]{ 4, 2 }, new long[]{ W + 3, H +
				1 })));
		}
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		stats.addImages(frames);
		checkAgainstReference(frames, stats);
	}

	@Test
	void arrayBackedImagesAreWrappedAndGiveTheSameAsCopies() {
		final Random random = new Random(7);
		final List<Img<FloatType>> planar = new ArrayList<>();
		final List<RandomAccessibleInterval<FloatType>> views = new ArrayList<>();
		for (int k = 0; k < N; k++) {
			final Img<FloatType> img = PlanarImgs.floats(W, H);
			for (final FloatType t : img)
				t.set(1000 + (float) random.nextGaussian());
			planar.add(img);
			views.add(Views.interval(Views.extendBorder(img), img)); // not array-backed
		}
		final Frame wrapped = Frame.of("planar", planar.get(0));
		final float[] storage = (float[]) ((net.imglib2.img.planar.PlanarImg<?, ?>) planar.get(0))
			.getPlane(0).getCurrentStorageArray();
		assertSame(storage, wrapped.plane(0));
		assertNotSame(storage, Frame.of("view", views.get(0)).plane(0));

		final PixelStatistics fast = PixelStatistics.like(planar.get(0));
		fast.addImages(planar);
		final PixelStatistics cursor = PixelStatistics.like(views.get(0));
		cursor.addImages(views);
		assertArrayEquals(fast.varianceMap(0), cursor.varianceMap(0));
		assertArrayEquals(fast.meanMap(0), cursor.meanMap(0));
		for (int i = 0; i < W * H; i++)
			assertEquals(fast.residualVariance(i), cursor.residualVariance(i), 0);

		final ArrayImg<FloatType, FloatArray> variance = fast.varianceImage(0);
		assertArrayEquals(new long[]{ W, H }, variance.dimensionsAsLongArray());
		assertArrayEquals(fast.varianceMap(0), PixelStatistics.pixels(variance));
		final RandomAccess<FloatType> at = fast.meanImage(0).randomAccess();
		at.setPosition(new long[]{ 5, 7 });
		assertEquals((float) fast.mean(7 * W + 5), at.get().get());
	}

	/** Exact count, mean, variance, min and max from BigInteger sums over the frames. */
	private static <T extends RealType<T>> void checkAgainstReference(
		final List<? extends RandomAccessibleInterval<T>> frames, final PixelStatistics stats)
	{
		assertEquals(frames.size(), stats.frameCount());
		final List<RandomAccess<T>> access = new ArrayList<>();
		for (final RandomAccessibleInterval<T> f : frames)
			access.add(f.randomAccess());
		final Cursor<T> positions = Views.flatIterable(frames.get(0)).localizingCursor();
		final BigInteger n = BigInteger.valueOf(frames.size());
		while (positions.hasNext()) {
			positions.fwd();
			BigInteger sum = BigInteger.ZERO;
			long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
			final long[] values = new long[frames.size()];
			for (int k = 0; k < values.length; k++) {
				access.get(k).setPosition(positions);
				values[k] = (long) access.get(k).get().getRealDouble();
				sum = sum.add(BigInteger.valueOf(values[k]));
				min = Math.min(min, values[k]);
				max = Math.max(max, values[k]);
			}
			BigInteger scaled = BigInteger.ZERO; // n^2 times the sum of squared deviations
			for (final long v : values) {
				final BigInteger d = BigInteger.valueOf(v).multiply(n).subtract(sum);
				scaled = scaled.add(d.multiply(d));
			}
			final int i = positions.getIntPosition(1) * W + positions.getIntPosition(0);
			final MathContext mc = MathContext.DECIMAL128;
			final double mean = new BigDecimal(sum).divide(new BigDecimal(n), mc).doubleValue();
			final double variance = new BigDecimal(scaled).divide(new BigDecimal(n.multiply(n).multiply(n
				.subtract(BigInteger.ONE))), mc).doubleValue();
			assertEquals(mean, stats.mean(i), Math.ulp(mean), "mean at " + i);
			assertEquals(variance, stats.variance(i), 2 * Math.ulp(variance), "variance at " + i);
			assertEquals(min, stats.min(i), 0);
			assertEquals(max, stats.max(i), 0);
		}
	}
}
