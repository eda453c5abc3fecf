package org.hotpixels.source;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;

/**
 * Reads the frames of a {@link FrameSource} in order, decoding a few frames ahead on worker
 * threads, and checks that every frame has the type and size of the first. Memory is bounded by
 * frame bytes, not counts, so that 10-megapixel photos and small frames both stream well: a batch
 * holds at most {@link #BATCH_BYTES} of frames and an eighth of the heap (and at least one frame;
 * frames of an open stack, which are views of its arrays, are not limited), and at most
 * {@link #LOOKAHEAD_BYTES} of frames are decoded ahead (at least {@code threads + 1}, at most
 * {@code 2 threads + 2} frames), however long the series. The pixel arrays of a batch are reused
 * for later frames (see {@link PlaneBuffers}): a batch is valid until the next call of
 * {@link #next(int)}, so that memory stays flat in the number of frames.
 *
 * <pre>{@code
 * try (FrameStream stream = new FrameStream(source, 2, false, progress)) {
 *   for (List<Frame> batch; !(batch = stream.next(8)).isEmpty();) stats.addAll(batch);
 * }
 * }</pre>
 */
public final class FrameStream implements AutoCloseable {

	/**
	 * Bytes of frames in one batch (three 10-megapixel RGB photos of 40 MB), at most an eighth of
	 * the heap: each batch loads and stores every accumulator once, so on 10-megapixel photos
	 * batches of three frames instead of one took a third to a half off the accumulating threads'
	 * CPU time (README, Performance).
	 */
	public static final long BATCH_BYTES = 128L << 20;
	/** Bytes of frames decoded ahead of the batch being accumulated. */
	public static final long LOOKAHEAD_BYTES = 128L << 20;

	private final FrameSource source;
	private final boolean skipBad;
	private final Progress progress;
	private final ExecutorService readers;
	/**
	 * Frames of an open, non-virtual image are views of its own arrays: batching them costs no
	 * memory, and large batches are faster (the accumulators are loaded once per batch).
	 */
	private final boolean views;
	private final int threads;
	private int lookahead;
	private int batchLimit = Integer.MAX_VALUE;
	private final Deque<Future<Frame>> pending = new ArrayDeque<>();
	/** Arrays of decoded frames for reuse; none for views of an open image. */
	private final PlaneBuffers buffers;
	/** The batch last returned, whose arrays are reused once the caller asks for the next. */
	private List<Frame> lent = Collections.emptyList();
	private final List<String> skipped = new ArrayList<>();
	private int nextToSubmit;
	private int nextToTake;
	/** The first frame read defines the series; only its shape and name are kept. */
	private PixelType firstType;
	private int firstWidth, firstHeight, firstPlanes;
	private String firstShape, firstName;

	/**
	 * @param threads decoding threads (1 for sources that cannot be read in parallel)
	 * @param skipBad leave out frames that cannot be read or differ from the first, and report
	 *          them in {@link #skipped()}, instead of failing
	 */
	public FrameStream(final FrameSource source, final int threads, final boolean skipBad,
		final Progress progress)
	{
		this.source = source;
		this.skipBad = skipBad;
		this.progress = progress;
		final int n = source.parallelReads() ? Math.max(1, threads) : 1;
		this.threads = n;
		this.lookahead = n + 1;
		this.views = source instanceof ImagePlusFrameSource && source.parallelReads();
		this.buffers = source instanceof ImagePlusFrameSource ? null : new PlaneBuffers();
		this.readers = Executors.newFixedThreadPool(n, r -> {
			final Thread t = new Thread(r, "hotpixels-reader");
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * Returns up to {@code max} more frames in order (fewer when they are large, see
	 * {@link #BATCH_BYTES}); an empty list at the end of the series. Decoding of the next frames
	 * goes on while the caller works on the batch. The frames of the batch returned before are
	 * no longer valid: their arrays are reused.
	 */
	public List<Frame> next(final int max) {
		if (buffers != null) for (final Frame f : lent)
			buffers.recycle(f);
		lent = Collections.emptyList();
		final List<Frame> batch = new ArrayList<>(Math.min(max, 64));
		while (batch.size() < Math.min(max, batchLimit) && nextToTake < source.size()) {
			progress.checkCancelled();
			fill();
			final int index = nextToTake++;
			final Frame f = take(pending.removeFirst(), index);
			progress.progress(nextToTake, source.size(), "Reading " + source.name(index));
			if (f != null) batch.add(f);
		}
		fill();
		if (batch.isEmpty()) return Collections.emptyList();
		lent = batch;
		return batch;
	}

	private void fill() {
		while (nextToSubmit < source.size() && pending.size() < lookahead) {
			final int index = nextToSubmit++;
			pending.addLast(readers.submit(() -> buffers == null ? source.read(index) : buffers.call(
				() -> source.read(index))));
		}
	}

	/** Sets the batch and look-ahead sizes from the bytes of the first frame. */
	private void sizeBuffers(final Frame f) {
		final long bytes = Math.max(1, (long) f.pixelCount() * f.planeCount() * bytesPerSample(f
			.type()));
		batchLimit = views ? Integer.MAX_VALUE : (int) Math.max(1, Math.min(Integer.MAX_VALUE,
			batchBytes() / bytes));
		lookahead = (int) Math.max(threads + 1, Math.min(2 * threads + 2, LOOKAHEAD_BYTES / bytes));
	}

	/** {@link #BATCH_BYTES}, or an eighth of the maximum heap where that is less. */
	static long batchBytes() {
		return Math.min(BATCH_BYTES, Math.max(1, Runtime.getRuntime().maxMemory() / 8));
	}

	private static int bytesPerSample(final PixelType type) {
		switch (type) {
			case GRAY8 :
				return 1;
			case GRAY16 :
				return 2;
			default :
				return 4;
		}
	}

	private Frame take(final Future<Frame> future, final int index) {
		final Frame f;
		try {
			f = future.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof CancelledException) throw (CancelledException) cause;
			final HotPixelsException problem = cause instanceof HotPixelsException
				? (HotPixelsException) cause : new HotPixelsException(source.name(index) +
					": cannot be read (" + describe(cause) + ").", cause);
			if (!skipBad) throw problem;
			skipped.add(problem.getMessage());
			return null;
		}
		if (firstType == null) {
			firstType = f.type();
			firstWidth = f.width();
			firstHeight = f.height();
			firstPlanes = f.planeCount();
			firstShape = f.shapeLabel();
			firstName = f.name();
			sizeBuffers(f);
			return f;
		}
		if (f.type() == firstType && f.width() == firstWidth && f.height() == firstHeight && f
			.planeCount() == firstPlanes) return f;
		final String problem = source.name(index) + ": is " + f.shapeLabel() + ", but the series is " +
			firstShape + " (from " + firstName + ").";
		if (!skipBad) throw new HotPixelsException(problem);
		skipped.add(problem);
		if (buffers != null) buffers.recycle(f); // left out: its arrays are free again
		return null;
	}

	private static String describe(final Throwable t) {
		if (t instanceof IOException || t.getMessage() != null) return String.valueOf(t.getMessage());
		return t.getClass().getSimpleName();
	}

	/** One message per frame left out (only when skipping was asked for). */
	public List<String> skipped() {
		return skipped;
	}

	@Override
	public void close() {
		for (final Future<Frame> f : pending)
			f.cancel(true);
		readers.shutdownNow();
	}
}
