package org.hotpixels.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * Per-pixel, per-channel statistics of a series of frames, accumulated in one streaming pass:
 * count, mean, variance (sample and population), min and max. Memory depends on the frame size,
 * never on the number of frames.
 * <p>
 * Integer data (8-bit, 16-bit, RGB) is accumulated as exact integer sums of values and squares,
 * so the variance is computed from exact integers and rounded once. Float data uses shifted
 * sums (each pixel's first valid sample subtracted) and Chan et al.'s merge; NaN and infinite samples are skipped per pixel, so counts may
 * differ between pixels. Partial results {@link #merge merge} into the same result as one pass:
 * threads, tiles, folders or separate runs can be combined.
 * <p>
 * Pixel {@code (x, y)} of channel {@code c} has index {@code c * width * height + y * width + x}.
 *
 * <pre>{@code
 * PixelStatistics stats = PixelStatistics.create(PixelType.GRAY16, width, height, 1);
 * for (Frame f : frames) stats.add(f);        // or addAll(batch) for cache-friendly batches
 * ArrayImg<FloatType, FloatArray> variance = stats.varianceImage(0);
 *
 * // any ImgLib2 image of (x, y) or (x, y, channel): array-backed ones without a copy
 * PixelStatistics s = PixelStatistics.like(Views.hyperSlice(movie, 2, 0));
 * for (int t = 0; t < movie.dimension(2); t++) s.add(Views.hyperSlice(movie, 2, t));
 * }</pre>
 * Instances are not thread-safe; each {@code add} uses the threads of ImgLib2's current
 * {@link Parallelization} context.
 */
public abstract class PixelStatistics {

	/** Pixels per tile: the accumulators of one tile stay in the CPU cache while frames stream. */
	static final int TILE = 16384;
	/**
	 * Largest tile width (at most {@link TileScratch#SPAN}): 16 rows of 1024 pixels. Long runs of each frame's row keep the
	 * hardware prefetcher streaming (16 rows of 512 were 20% slower on a 2048-wide stack).
	 */
	static final int TILE_WIDTH = 1024;
	/**
	 * Largest batch accumulated at once: no int partial sum can overflow within a batch (the
	 * squared residuals of 8-bit data hold the fewest frames, {@link ResidualStatistics#SAFE_FRAMES_8}).
	 */
	static final int MAX_BATCH = ResidualStatistics.SAFE_FRAMES_8;

	protected final PixelType type;
	protected final int width;
	protected final int height;
	protected final int channels;
	protected final int planeSize;
	/** Frames added, including those merged in. */
	protected long frames;
	/** Temporal statistics of each frame's spatial residual, accumulated alongside. */
	final ResidualStatistics residuals;

	protected PixelStatistics(final PixelType type, final int width, final int height,
		final int channels, final int reach)
	{
		if (channels % type.channelsPerPlane() != 0) throw new IllegalArgumentException(
			"RGB statistics need a multiple of three channels");
		this.type = type;
		this.width = width;
		this.height = height;
		this.channels = channels;
		this.planeSize = Math.multiplyExact(width, height);
		Math.multiplyExact(planeSize, channels);
		this.residuals = new ResidualStatistics(type, width, height, channels, reach);
	}

	/**
	 * The reach of the spatial residual that suits frames of {@code type}: 2 for RGB (4:2:0 JPEG
	 * chroma spreads a one-channel defect over 2x2 pixels) and for raw sensor mosaics (same-colour
	 * sites are 2 apart), 1 otherwise.
	 */
	public static int defaultReach(final PixelType type, final boolean mosaic) {
		return type == PixelType.RGB || mosaic ? 2 : 1;
	}

	/**
	 * Empty statistics for frames of the given type and size. {@code channels} counts colour
	 * channels: 3 for an RGB frame, the number of planes otherwise.
	 */
	public static PixelStatistics create(final PixelType type, final int width, final int height,
		final int channels)
	{
		return create(type, width, height, channels, defaultReach(type, false));
	}

	/**
	 * Empty statistics whose spatial residuals compare each pixel with its same-channel
	 * neighbours {@code reach} pixels away (see {@link #defaultReach}).
	 */
	public static PixelStatistics create(final PixelType type, final int width, final int height,
		final int channels, final int reach)
	{
		switch (type) {
			case GRAY16 :
				return new ShortStatistics(width, height, channels, reach);
			case GRAY32 :
				return new FloatStatistics(width, height, channels, reach);
			default :
				return new ByteStatistics(type, width, height, channels, reach);
		}
	}

	/** Empty statistics shaped like {@code frame}. */
	public static PixelStatistics like(final Frame frame) {
		return create(frame.type(), frame.width(), frame.height(), frame.channels());
	}

	/** Empty statistics shaped like {@code frame}, for a raw sensor mosaic if {@code mosaic}. */
	public static PixelStatistics like(final Frame frame, final boolean mosaic) {
		return create(frame.type(), frame.width(), frame.height(), frame.channels(), defaultReach(frame
			.type(), mosaic));
	}

	/**
	 * Empty statistics shaped like an ImgLib2 frame of dimensions (x, y) or (x, y, channel); its
	 * pixel type as {@link Frame#typeOf}.
	 */
	public static <T extends RealType<T>> PixelStatistics like(
		final RandomAccessibleInterval<T> image)
	{
		return create(Frame.typeOf(image.getType()), (int) image.dimension(0), (int) image.dimension(1),
			image.numDimensions() > 2 ? (int) image.dimension(2) : 1);
	}

	/** Adds one frame. */
	public void add(final Frame frame) {
		addAll(Collections.singletonList(frame));
	}

	/**
	 * Adds any ImgLib2 image of dimensions (x, y) or (x, y, channel) as one frame: array-backed
	 * images go straight to the primitive-array kernels, others through a cursor (see
	 * {@link Frame#of(String, RandomAccessibleInterval)}).
	 */
	public <T extends RealType<T>> void add(final RandomAccessibleInterval<T> image) {
		addImages(Collections.singletonList(image));
	}

	/** Adds ImgLib2 images as frames, as one batch: see {@link #add(RandomAccessibleInterval)}. */
	public <T extends RealType<T>> void addImages(
		final List<? extends RandomAccessibleInterval<T>> images)
	{
		final List<Frame> frames = new ArrayList<>(images.size());
		for (final RandomAccessibleInterval<T> image : images)
			frames.add(Frame.of("image " + (frameCount() + frames.size() + 1), image));
		addAll(frames);
	}

	/**
	 * Adds a batch of frames, tile by tile: each tile's accumulators are loaded once per batch,
	 * so larger batches (8 to 32 frames) run faster than single frames. Multi-threaded over tiles.
	 */
	public void addAll(final List<Frame> frames) {
		for (final Frame f : frames)
			checkShape(f);
		for (int from = 0; from < frames.size(); from += MAX_BATCH)
			addChecked(frames.subList(from, Math.min(frames.size(), from + MAX_BATCH)));
	}

	private void addChecked(final List<Frame> frames) {
		beforeAdding(frames.size());
		residuals.beforeAdding(frames.size());
		final Object[][] planes = new Object[frames.size()][];
		for (int f = 0; f < planes.length; f++) {
			final Frame frame = frames.get(f);
			planes[f] = new Object[frame.planeCount()];
			for (int p = 0; p < planes[f].length; p++)
				planes[f][p] = frame.plane(p);
		}
		final int planeCount = channels / type.channelsPerPlane();
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		executor.forEach(rectangles(), tile -> {
			for (int p = 0; p < planeCount; p++)
				accumulate(planes, p, tile[0], tile[1], tile[2], tile[3]);
		});
		this.frames += frames.size();
	}

	private void checkShape(final Frame f) {
		if (f.type() != type || f.width() != width || f.height() != height || f.channels() != channels)
			throw new IllegalArgumentException("Frame " + f.name() + " is " + f.shapeLabel() +
				", statistics are for " + shapeLabel());
	}

	/**
	 * The tiles of a batch: {x from, x to, y from, y to} rectangles of about {@link #TILE} pixels,
	 * at most {@link #TILE_WIDTH} wide, so that a tile's rows and the rows around it (the spatial
	 * residuals reach across rows) stay in the CPU cache while the frames stream over it.
	 */
	private List<int[]> rectangles() {
		final int tileWidth = Math.min(width, TILE_WIDTH);
		final int rows = Math.max(1, Math.min(height, TILE / tileWidth));
		final List<int[]> tiles = new ArrayList<>();
		for (int y = 0; y < height; y += rows)
			for (int x = 0; x < width; x += tileWidth)
				tiles.add(new int[]{ x, Math.min(width, x + tileWidth), y, Math.min(height, y + rows) });
		return tiles;
	}

	/** Runs {@code action} on {index from, index to} ranges of one plane, in parallel. */
	protected void forEachTile(final java.util.function.Consumer<int[]> action) {
		final List<int[]> tiles = new ArrayList<>();
		for (int from = 0; from < planeSize; from += TILE)
			tiles.add(new int[]{ from, Math.min(planeSize, from + TILE) });
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		executor.forEach(tiles, action);
	}

	/**
	 * Called once before a batch of {@code count} frames (at most {@link #MAX_BATCH}) is
	 * accumulated tile by tile: the moment to make room in bounded accumulators.
	 */
	protected void beforeAdding(final int count) {}

	/**
	 * Accumulates plane {@code p} of every frame over the tile of columns {@code [x0, x1)} and
	 * rows {@code [y0, y1)}, pixel and residual statistics: by default row by row, then the
	 * residuals.
	 */
	protected void accumulate(final Object[][] planes, final int p, final int x0, final int x1,
		final int y0, final int y1)
	{
		for (int y = y0; y < y1; y++)
			accumulate(planes, p, y * width + x0, y * width + x1);
		residuals.accumulate(planes, p, x0, x1, y0, y1);
	}

	/** Accumulates plane {@code p} of every frame for pixels {@code [from, to)}. */
	protected abstract void accumulate(Object[][] planes, int p, int from, int to);

	/**
	 * Adds {@code other}'s samples to these statistics, as if its frames had been added here.
	 * Both must have the same type and shape.
	 */
	public abstract void merge(PixelStatistics other);

	protected void checkMergeable(final PixelStatistics other) {
		if (other.getClass() != getClass() || other.type != type || other.width != width ||
			other.height != height || other.channels != channels || other
				.residualReach() != residualReach()) throw new IllegalArgumentException("Cannot merge " +
					other.shapeLabel() + " statistics into " + shapeLabel());
	}

	/** Distance of the same-channel neighbours the spatial residuals compare each pixel with. */
	public int residualReach() {
		return residuals.reach;
	}

	/**
	 * Mean over the frames of pixel {@code i}'s spatial residual: the pixel minus the mean of its
	 * four same-channel neighbours {@link #residualReach} away (mirrored at the edges). NaN
	 * without samples.
	 */
	public abstract double residualMean(int i);

	/** Sample variance over the frames of pixel {@code i}'s spatial residual; NaN below 2. */
	public abstract double residualVariance(int i);

	/** Number of frames in pixel {@code i}'s residual statistics. */
	public abstract long residualCount(int i);

	/**
	 * The residual statistics of pixel (x, y) of channel {@code c} at once, for loops over whole
	 * planes: {@code out[0]} its mean, {@code out[1]} its sample variance, {@code out[2]} the
	 * number of frames.
	 */
	public void residual(final int x, final int y, final int c, final double[] out) {
		final int i = index(x, y, c);
		out[0] = residualMean(i);
		out[1] = residualVariance(i);
		out[2] = residualCount(i);
	}

	/**
	 * The statistics of pixels {@code (x0 + step * k, y)} of channel {@code c}, {@code k < n}, at
	 * once, into the caller's arrays (any may be null): the values of {@link #mean},
	 * {@link #variance} and {@link #residual} (integer data: from the same exact sums, divided
	 * through reciprocals, so within a rounding of a double), without several calls per pixel.
	 * For loops over whole planes (detection).
	 */
	public void row(final int c, final int y, final int x0, final int step, final int n,
		final double[] mean, final double[] variance, final double[] residualMean,
		final double[] residualVariance, final double[] residualCount)
	{
		final double[] out = new double[3];
		final boolean residual = residualMean != null || residualVariance != null ||
			residualCount != null;
		for (int k = 0; k < n; k++) {
			final int x = x0 + step * k, i = index(x, y, c);
			if (mean != null) mean[k] = mean(i);
			if (variance != null) variance[k] = variance(i);
			if (!residual) continue;
			residual(x, y, c, out);
			if (residualMean != null) residualMean[k] = out[0];
			if (residualVariance != null) residualVariance[k] = out[1];
			if (residualCount != null) residualCount[k] = out[2];
		}
	}

	/** Number of valid samples of pixel {@code i}. */
	public abstract long count(int i);

	/** Mean of pixel {@code i}, NaN without samples. */
	public abstract double mean(int i);

	/** Sum of squared deviations from the mean of pixel {@code i} (n times population variance). */
	public abstract double sumOfSquares(int i);

	/** Smallest sample of pixel {@code i}, NaN without samples. */
	public abstract double min(int i);

	/** Largest sample of pixel {@code i}, NaN without samples. */
	public abstract double max(int i);

	/** Sample variance (divided by n - 1) of pixel {@code i}; NaN with fewer than two samples. */
	public double variance(final int i) {
		final long n = count(i);
		return n < 2 ? Double.NaN : sumOfSquares(i) / (n - 1);
	}

	/** Population variance (divided by n) of pixel {@code i}; NaN without samples. */
	public double populationVariance(final int i) {
		final long n = count(i);
		return n < 1 ? Double.NaN : sumOfSquares(i) / n;
	}

	/** Number of frames added (a float pixel may have fewer valid samples). */
	public long frameCount() {
		return frames;
	}

	/** The sample variance of channel {@code c} as an ImgLib2 image (x, y). */
	public ArrayImg<FloatType, FloatArray> varianceImage(final int c) {
		return ArrayImgs.floats(varianceMap(c), width, height);
	}

	/** The mean of channel {@code c} as an ImgLib2 image (x, y). */
	public ArrayImg<FloatType, FloatArray> meanImage(final int c) {
		return ArrayImgs.floats(meanMap(c), width, height);
	}

	/**
	 * The pixels of a map made by {@link #varianceImage} or {@link #meanImage}, without copying:
	 * for wrapping into an ImageJ {@code FloatProcessor}.
	 */
	public static float[] pixels(final ArrayImg<FloatType, FloatArray> map) {
		return map.update(null).getCurrentStorageArray();
	}

	/** The sample variance of channel {@code c} as a 32-bit image, row by row. */
	public float[] varianceMap(final int c) {
		return map(c, this::variance);
	}

	/** The mean of channel {@code c} as a 32-bit image, row by row. */
	public float[] meanMap(final int c) {
		return map(c, this::mean);
	}

	/** Any per-pixel statistic of channel {@code c} as a 32-bit image, computed in parallel. */
	public float[] map(final int c, final java.util.function.IntToDoubleFunction statistic) {
		final float[] out = new float[planeSize];
		final int offset = c * planeSize;
		forEachTile(tile -> {
			for (int i = tile[0]; i < tile[1]; i++)
				out[i] = (float) statistic.applyAsDouble(offset + i);
		});
		return out;
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

	/** Number of colour channels (3 for RGB). */
	public int channels() {
		return channels;
	}

	/** Pixels per channel. */
	public int planeSize() {
		return planeSize;
	}

	/** Index of pixel (x, y) of channel c. */
	public int index(final int x, final int y, final int c) {
		return c * planeSize + y * width + x;
	}

	/** "16-bit 640x480, 1 channel", for messages. */
	public String shapeLabel() {
		return type.label() + " " + width + "x" + height + ", " + channels + " channel" + (channels == 1
			? "" : "s");
	}
}
