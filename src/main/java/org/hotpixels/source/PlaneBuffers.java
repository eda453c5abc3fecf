package org.hotpixels.source;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Pixel arrays of decoded frames, reused: a {@link FrameStream} gives the arrays of a batch back
 * once the caller asks for the next one, and its decoding threads take them again for later
 * frames, so a long series of 10-megapixel photos does not leave a 40 MB array per frame to the
 * garbage collector (which lets the heap, and so the process, grow with the number of frames).
 * Decoders ask through {@link #ints(int)}, which allocates as usual outside a stream. Only arrays
 * handed out here are ever taken back: a decoder's own arrays (e.g. the canvas an animated GIF
 * is composed on) are never recycled.
 *
 * <pre>{@code
 * PlaneBuffers pool = new PlaneBuffers();
 * Frame f = pool.call(() -> source.read(index)); // decoders inside take from the pool
 * pool.recycle(f);                                // once f's pixels are no longer used
 * }</pre>
 */
final class PlaneBuffers {

	private static final ThreadLocal<PlaneBuffers> CURRENT = new ThreadLocal<>();

	private final ArrayDeque<int[]> free = new ArrayDeque<>();
	private final Set<Object> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());

	/**
	 * A packed-RGB plane of {@code n} pixels for a decoder to fill completely (its old contents
	 * remain): a reused one when a stream's decoding thread asks, else a new one.
	 */
	static int[] ints(final int n) {
		final PlaneBuffers pool = CURRENT.get();
		return pool == null ? new int[n] : pool.take(n);
	}

	/** Runs {@code read} (a decoder call) on this thread with this pool as the current one. */
	<T> T call(final Callable<T> read) throws Exception {
		final PlaneBuffers before = CURRENT.get();
		CURRENT.set(this);
		try {
			return read.call();
		}
		finally {
			if (before == null) CURRENT.remove();
			else CURRENT.set(before);
		}
	}

	private synchronized int[] take(final int n) {
		int[] a;
		while ((a = free.pollFirst()) != null && a.length != n) {
			// a different size (a frame that differs from the series): let it go
		}
		if (a == null) a = new int[n];
		handedOut.add(a);
		return a;
	}

	/** Takes back the planes of {@code f} that came from this pool; the caller must not use them. */
	synchronized void recycle(final Frame f) {
		for (int p = 0; p < f.planeCount(); p++) {
			final Object plane = f.plane(p);
			if (plane instanceof int[] && handedOut.remove(plane)) free.addLast((int[]) plane);
		}
	}
}
