package org.hotpixels.progress;

/**
 * How the core reports progress and learns that the user wants to stop. Front ends supply an
 * adapter: ImageJ 1's progress bar, SciJava's {@code StatusService}, a CLI progress line.
 */
public interface Progress {

	/** Reports that {@code done} of {@code total} steps are finished. */
	void progress(long done, long total, String message);

	/** True once the user asked to stop; long loops check it and throw {@link CancelledException}. */
	default boolean isCancelled() {
		return false;
	}

	/** Throws {@link CancelledException} if the user asked to stop. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}

	/** Reports nothing and never cancels. */
	Progress NONE = (done, total, message) -> {};
}
