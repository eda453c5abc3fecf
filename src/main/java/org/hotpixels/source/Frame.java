package org.hotpixels.source;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * One frame of a series: a {@code width x height} image with one or more channel planes, all of
 * one {@link PixelType}. The planes are primitive arrays (ImageJ's own pixel arrays when the frame
 * comes from an open stack: nothing is copied), seen by ImgLib2 as a {@link PlanarImg} of
 * dimensions (x, y, plane).
 *
 * <pre>{@code
 * Frame f = Frame.of("dark_001.tif", PixelType.GRAY16, 640, 480, shortPixels);
 * PlanarImg<?, ?> img = f.image(); // x, y, plane
 * }</pre>
 */
public final class Frame {

	private final String name;
	private final PixelType type;
	private final int width;
	private final int height;
	private final Object[] planes;

	private Frame(final String name, final PixelType type, final int width, final int height,
		final Object[] planes)
	{
		this.name = name;
		this.type = type;
		this.width = width;
		this.height = height;
		this.planes = planes;
	}

	/**
	 * Wraps primitive arrays (no copy) as a frame. Each plane must be a {@code byte[]},
	 * {@code short[]}, {@code float[]} or {@code int[]} (packed RGB) of {@code width * height}.
	 */
	public static Frame of(final String name, final PixelType type, final int width, final int height,
		final Object... planes)
	{
		if (planes.length == 0) throw new IllegalArgumentException("A frame needs a plane.");
		for (final Object p : planes)
			if (length(type, p) != (long) width * height) throw new IllegalArgumentException("Plane of " +
				name + " does not match its " + type.label() + " " + width + "x" + height + " size");
		return new Frame(name, type, width, height, planes.clone());
	}

	/**
	 * The frame of any ImgLib2 image of dimensions (x, y) or (x, y, channel): unsigned 8-bit and
	 * 16-bit samples stay {@link PixelType#GRAY8} and {@link PixelType#GRAY16}, any other real type
	 * becomes {@link PixelType#GRAY32}. Like {@code LoopBuilder}'s fast path, an image whose
	 * storage is primitive arrays of that type (an {@link ArrayImg}, or a {@link PlanarImg} with
	 * array planes, such as {@link #image()} or a stack's own arrays) is wrapped without copying;
	 * anything else (views, cell, cached or virtual images, other types) is copied through a
	 * cursor.
	 *
	 * <pre>{@code
	 * Frame f = Frame.of("t=3", Views.hyperSlice(movie, 2, 3)); // copied: a view
	 * Frame g = Frame.of("dark", ArrayImgs.unsignedShorts(pixels, 640, 480)); // wraps pixels
	 * }</pre>
	 */
	public static <T extends RealType<T>> Frame of(final String name,
		final RandomAccessibleInterval<T> image)
	{
		final int n = image.numDimensions();
		if (n < 2 || n > 3) throw new IllegalArgumentException(name + ": a frame has dimensions " +
			"(x, y) or (x, y, channel), not " + n);
		final PixelType type = typeOf(image.getType());
		final Object[] planes = arrays(image, type);
		if (planes == null) return copyOf(name, type, image);
		return of(name, type, (int) image.dimension(0), (int) image.dimension(1), planes);
	}

	/** The pixel type that holds samples of {@code type} exactly (float for any other). */
	public static PixelType typeOf(final RealType<?> type) {
		if (type instanceof UnsignedByteType) return PixelType.GRAY8;
		if (type instanceof UnsignedShortType) return PixelType.GRAY16;
		return PixelType.GRAY32;
	}

	/**
	 * The primitive planes of an array-backed image with its origin at 0 whose arrays hold
	 * {@code type}, or null if it is not one.
	 */
	private static Object[] arrays(final RandomAccessibleInterval<?> image, final PixelType type) {
		for (int d = 0; d < image.numDimensions(); d++)
			if (image.min(d) != 0) return null;
		final long plane = image.dimension(0) * image.dimension(1);
		final Object[] planes;
		if (image instanceof PlanarImg) {
			final PlanarImg<?, ?> img = (PlanarImg<?, ?>) image;
			planes = new Object[img.numSlices()];
			for (int p = 0; p < planes.length; p++) {
				final Object access = img.getPlane(p);
				if (!(access instanceof ArrayDataAccess)) return null;
				planes[p] = ((ArrayDataAccess<?>) access).getCurrentStorageArray();
			}
		}
		else if (image instanceof ArrayImg && (image.numDimensions() == 2 || image.dimension(2) == 1)) {
			final Object access = ((ArrayImg<?, ?>) image).update(null);
			if (!(access instanceof ArrayDataAccess)) return null;
			planes = new Object[]{ ((ArrayDataAccess<?>) access).getCurrentStorageArray() };
		}
		else return null;
		for (final Object p : planes)
			if (length(type, p) != plane) return null;
		return planes;
	}

	/**
	 * Copies any ImgLib2 image of dimensions (x, y) or (x, y, channel) into a frame, through a
	 * cursor: the way in for images that are not backed by arrays (views, cached images).
	 */
	public static <T extends RealType<T>> Frame copyOf(final String name, final PixelType type,
		final RandomAccessibleInterval<T> image)
	{
		if (type == PixelType.RGB) throw new IllegalArgumentException(
			"Copy RGB images as three channels of GRAY8.");
		final int w = (int) image.dimension(0);
		final int h = (int) image.dimension(1);
		final int c = image.numDimensions() > 2 ? (int) image.dimension(2) : 1;
		final Object[] planes = new Object[c];
		for (int p = 0; p < c; p++) {
			final RandomAccessibleInterval<T> plane = image.numDimensions() > 2 ? Views.hyperSlice(image,
				2, image.min(2) + p) : image;
			planes[p] = newPlane(type, w * h);
			copy(Views.flatIterable(plane).cursor(), type, planes[p]);
		}
		return new Frame(name, type, w, h, planes);
	}

	private static <T extends RealType<T>> void copy(final Cursor<T> cursor, final PixelType type,
		final Object plane)
	{
		int i = 0;
		while (cursor.hasNext()) {
			final double v = cursor.next().getRealDouble();
			switch (type) {
				case GRAY8 :
					((byte[]) plane)[i++] = (byte) Math.max(0, Math.min(255, Math.round(v)));
					break;
				case GRAY16 :
					((short[]) plane)[i++] = (short) Math.max(0, Math.min(65535, Math.round(v)));
					break;
				default :
					((float[]) plane)[i++] = (float) v;
			}
		}
	}

	/** A new zero plane of {@code n} pixels for the given type. */
	public static Object newPlane(final PixelType type, final int n) {
		switch (type) {
			case GRAY8 :
				return new byte[n];
			case GRAY16 :
				return new short[n];
			case GRAY32 :
				return new float[n];
			default :
				return new int[n];
		}
	}

	private static long length(final PixelType type, final Object plane) {
		switch (type) {
			case GRAY8 :
				return plane instanceof byte[] ? ((byte[]) plane).length : -1;
			case GRAY16 :
				return plane instanceof short[] ? ((short[]) plane).length : -1;
			case GRAY32 :
				return plane instanceof float[] ? ((float[]) plane).length : -1;
			default :
				return plane instanceof int[] ? ((int[]) plane).length : -1;
		}
	}

	/** The file name or slice label the frame came from, for messages. */
	public String name() {
		return name;
	}

	public PixelType type() {
		return type;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Number of primitive planes (an RGB frame has one plane holding three channels). */
	public int planeCount() {
		return planes.length;
	}

	/** Number of channels: planes, times three for packed RGB. */
	public int channels() {
		return planes.length * type.channelsPerPlane();
	}

	/** The primitive array of plane {@code p} (not a copy). */
	public Object plane(final int p) {
		return planes[p];
	}

	/** True if {@code other} has the same type, size and number of planes. */
	public boolean sameShape(final Frame other) {
		return type == other.type && width == other.width && height == other.height &&
			planes.length == other.planes.length;
	}

	/** Describes type and size, for messages: "16-bit 640x480" or "16-bit 640x480x3". */
	public String shapeLabel() {
		return type.label() + " " + width + "x" + height + (planes.length > 1 ? "x" + planes.length
			: "");
	}

	/**
	 * The frame as an ImgLib2 image of dimensions (x, y, plane) over the same arrays: one of
	 * {@link UnsignedByteType}, {@link UnsignedShortType}, {@link FloatType} or {@link ARGBType}.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public <T extends NativeType<T>> PlanarImg<T, ? extends ArrayDataAccess<?>> image() {
		final long[] dims = { width, height, planes.length };
		final List accesses = new ArrayList<>(planes.length);
		for (final Object p : planes)
			accesses.add(access(p));
		return wrap(accesses, dims);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private PlanarImg wrap(final List accesses, final long[] dims) {
		switch (type) {
			case GRAY8 : {
				final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(accesses, dims,
					new UnsignedByteType().getEntitiesPerPixel());
				img.setLinkedType(new UnsignedByteType(img));
				return img;
			}
			case GRAY16 : {
				final PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(accesses, dims,
					new UnsignedShortType().getEntitiesPerPixel());
				img.setLinkedType(new UnsignedShortType(img));
				return img;
			}
			case GRAY32 : {
				final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(accesses, dims, new FloatType()
					.getEntitiesPerPixel());
				img.setLinkedType(new FloatType(img));
				return img;
			}
			default : {
				final PlanarImg<ARGBType, IntArray> img = new PlanarImg<>(accesses, dims, new ARGBType()
					.getEntitiesPerPixel());
				img.setLinkedType(new ARGBType(img));
				return img;
			}
		}
	}

	private static ArrayDataAccess<?> access(final Object plane) {
		if (plane instanceof byte[]) return new ByteArray((byte[]) plane);
		if (plane instanceof short[]) return new ShortArray((short[]) plane);
		if (plane instanceof float[]) return new FloatArray((float[]) plane);
		return new IntArray((int[]) plane);
	}

	/** Number of pixels per plane. */
	public int pixelCount() {
		return (int) Intervals.numElements(width, height);
	}
}
