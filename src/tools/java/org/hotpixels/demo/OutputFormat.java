package org.hotpixels.demo;

import java.util.Locale;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.PixelType;

/** File formats a synthetic series can be written in, with the pixel types each can hold. */
public enum OutputFormat {

	/** Lossy, 8-bit grey or RGB with 4:2:0 chroma subsampling, like a camera's JPEG. */
	JPEG("jpg"),
	/** Lossless 8-bit grey, 16-bit grey or RGB. */
	PNG("png"),
	/** Lossless, every pixel type (written with ImageJ's TIFF encoder). */
	TIFF("tif");

	private final String extension;

	OutputFormat(final String extension) {
		this.extension = extension;
	}

	/** File name extension without the dot: "jpg", "png", "tif". */
	public String extension() {
		return extension;
	}

	/** True if this format can hold frames of the given type. */
	public boolean supports(final PixelType type) {
		switch (this) {
			case JPEG :
				return type == PixelType.GRAY8 || type == PixelType.RGB;
			case PNG :
				return type != PixelType.GRAY32;
			default :
				return true;
		}
	}

	/** True for JPEG, whose defects are smeared over neighbours and blocks. */
	public boolean isLossy() {
		return this == JPEG;
	}

	/** Parses "jpg", "jpeg", "png", "tif" or "tiff" in any case. */
	public static OutputFormat parse(final String text) {
		switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "jpg" :
			case "jpeg" :
				return JPEG;
			case "png" :
				return PNG;
			case "tif" :
			case "tiff" :
				return TIFF;
			default :
				throw new HotPixelsException("Unknown image format '" + text + "': use jpg, png or tif.");
		}
	}
}
