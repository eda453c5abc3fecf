package org.hotpixels.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.raw.RawFrameSource;

/**
 * Reads image files one page at a time, the way {@link FrameSources#open} reads a series (for
 * correct, which repairs and writes one file at a time): every page of a TIFF is a frame
 * ({@link ImageFileReader}), other images are one frame, and a camera RAW file is its 16-bit
 * sensor mosaic, decoded by one {@link RawFrameSource} over all RAW inputs (started when the
 * first RAW file is read).
 *
 * <pre>{@code
 * PageReader pages = FrameSources.pages(files);
 * for (int p = 0; p < pages.pageCount(file); p++) repair(pages.read(file, p));
 * }</pre>
 */
public final class PageReader {

	private final List<Path> rawFiles = new ArrayList<>();
	private RawFrameSource raws;

	PageReader(final List<Path> inputs) {
		for (final Path f : inputs)
			if (FrameSources.isRaw(f)) rawFiles.add(f);
	}

	/** True for a camera RAW file. */
	public boolean isRaw(final Path file) {
		return FrameSources.isRaw(file);
	}

	/** Number of frames in {@code file}. */
	public int pageCount(final Path file) {
		return isRaw(file) ? 1 : ImageFileReader.pageCount(file);
	}

	/** Frame {@code page} (0-based) of {@code file}. */
	public Frame read(final Path file, final int page) {
		if (!isRaw(file)) return ImageFileReader.read(file, page);
		try {
			return raws().read(rawFiles.indexOf(file));
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
	}

	/** The colour filter pattern the RAW decoder reports (null for a monochrome sensor). */
	public CfaPattern rawPattern() {
		return raws().cfaPattern();
	}

	private RawFrameSource raws() {
		if (raws == null) raws = FrameSources.raw(rawFiles, "read");
		return raws;
	}
}
