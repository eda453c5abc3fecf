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

import org.hotpixels.HotPixelsException;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;

/**
 * Reads the frames of a {@link FrameSource} in order, decoding a few frames ahead on worker
 * threads, and checks that every frame has the type and size of the first. At most
 * {@code threads + batch} frames are in memory at once, however long the series.
 *
 * <pre>{@code
 * try (FrameStream stream = new FrameStream(source, 2, false, progress)) {
 *   for (List<Frame> batch; !(batch = stream.next(8)).isEmpty();) stats.addAll(batch);
 * }
 * }</pre>
 */
public final class FrameStream implements AutoCloseable {

	private final FrameSource source;
	private final boolean skipBad;
	private final Progress progress;
	private final ExecutorService readers;
	private final int lookahead;
	private final Deque<Future<Frame>> pending = new ArrayDeque<>();
	private final List<String> skipped = new ArrayList<>();
	private int nextToSubmit;
	private int nextToTake;
	private Frame first;

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
		this.lookahead = n + 2;
		this.readers = Executors.newFixedThreadPool(n, r -> {
			final Thread t = new Thread(r, "hotpixels-reader");
			t.setDaemon(true);
			return t;
		});
	}

	/** Returns up to {@code max} more frames in order; an empty list at the end of the series. */
	public List<Frame> next(final int max) {
		final List<Frame> batch = new ArrayList<>(max);
		while (batch.size() < max && nextToTake < source.size()) {
			progress.checkCancelled();
			fill(max);
			final int index = nextToTake++;
			final Frame f = take(pending.removeFirst(), index);
			progress.progress(nextToTake, source.size(), "Reading " + source.name(index));
			if (f != null) batch.add(f);
		}
		return batch.isEmpty() ? Collections.emptyList() : batch;
	}

	private void fill(final int batch) {
		while (nextToSubmit < source.size() && pending.size() < lookahead + batch) {
			final int index = nextToSubmit++;
			pending.addLast(readers.submit(() -> source.read(index)));
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
		if (first == null) {
			first = f;
			return f;
		}
		if (f.sameShape(first)) return f;
		final String problem = source.name(index) + ": is " + f.shapeLabel() +
			", but the series is " + first.shapeLabel() + " (from " + first.name() + ").";
		if (!skipBad) throw new HotPixelsException(problem);
		skipped.add(problem);
		return null;
	}

	private static String describe(final Throwable t) {
		if (t instanceof IOException || t.getMessage() != null) return String.valueOf(t.getMessage());
		return t.getClass().getSimpleName();
	}

	/** The first frame read: it defines the type and size of the series. */
	public Frame first() {
		return first;
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
