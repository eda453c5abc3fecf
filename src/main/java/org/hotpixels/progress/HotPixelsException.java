package org.hotpixels.progress;

/**
 * A problem with the user's input or output: a missing file, frames of different sizes, a bad
 * line in a defect list. Its message is one sentence that names the file and the problem; front
 * ends show it as it is, without a stack trace.
 */
public class HotPixelsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public HotPixelsException(final String message) {
		super(message);
	}

	public HotPixelsException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
