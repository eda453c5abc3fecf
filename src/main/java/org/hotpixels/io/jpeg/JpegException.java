package org.hotpixels.io.jpeg;

/** A JPEG file that block-level repair cannot handle (progressive, damaged, ...): re-encode it. */
public final class JpegException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	JpegException(final String why) {
		super(why);
	}
}
