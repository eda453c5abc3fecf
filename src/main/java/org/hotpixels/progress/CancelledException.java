package org.hotpixels.progress;

/** Thrown by long-running core work when its {@link Progress} says the user cancelled. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled.");
	}
}
