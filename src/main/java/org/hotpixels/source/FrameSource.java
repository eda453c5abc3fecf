package org.hotpixels.source;

import java.io.IOException;

/**
 * A series of frames read one at a time by index: an open stack, a folder of files, a multi-page
 * TIFF. Reading frame {@code i} must not need the others, so several frames can be decoded ahead
 * on worker threads while earlier ones are being accumulated. A source knows what its frames
 * are (its {@link #cfaPattern()} and {@link #camera()}), so no caller needs to ask which kind of
 * source it has. Close it when done (try-with-resources).
 *
 * <pre>{@code
 * try (FrameSource source = FrameSources.open(files)) {
 *     FindResult r = HotPixelFinder.find(source, options, progress);
 * }
 * }</pre>
 */
public interface FrameSource extends AutoCloseable {

	/** Number of frames in the series. */
	int size();

	/** Name of frame {@code index} for messages (a file name, a slice label). */
	String name(int index);

	/**
	 * Reads frame {@code index}. Throws {@link org.hotpixels.progress.HotPixelsException} with a one-line
	 * message naming the file when it cannot be decoded.
	 */
	Frame read(int index) throws IOException;

	/** True if frames may be read on several threads at once (false for virtual stacks). */
	default boolean parallelReads() {
		return true;
	}

	/**
	 * True if every frame is already in memory (an open, non-virtual stack): then batches may hold
	 * many frames at no cost, and the statistics pass runs tile by tile over all of them.
	 */
	default boolean inMemory() {
		return false;
	}

	/**
	 * The colour filter pattern of raw sensor mosaics (RAW files: the decoder's), or null for
	 * ordinary frames; the default is null.
	 */
	default CfaPattern cfaPattern() {
		return null;
	}

	/** "Make Model" of the camera that took the frames, when the files say so; else null. */
	default String camera() {
		return null;
	}

	/** Frees any file handles; the default does nothing. */
	@Override
	default void close() {}
}
