package org.hotpixels.correct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.ImageFileReader;
import org.hotpixels.source.raw.RawFrameSource;

/**
 * Reads the inputs of a correction as frames, the way {@code find} reads them: every page of a
 * TIFF is a frame ({@link ImageFileReader}), other images are one frame, and a camera RAW file is
 * its 16-bit sensor mosaic, decoded by one {@link RawFrameSource} over all RAW inputs (started
 * when the first RAW file is read).
 */
final class InputReader {

	private final List<Path> rawFiles = new ArrayList<>();
	private RawFrameSource raws;

	InputReader(final List<Path> inputs) {
		for (final Path f : inputs)
			if (RawFrameSource.isRawFile(f)) rawFiles.add(f);
	}

	boolean isRaw(final Path file) {
		return RawFrameSource.isRawFile(file);
	}

	/** Number of frames in {@code file}. */
	int pageCount(final Path file) {
		return isRaw(file) ? 1 : ImageFileReader.pageCount(file);
	}

	/** Frame {@code page} (0-based) of {@code file}. */
	Frame read(final Path file, final int page) {
		if (!isRaw(file)) return ImageFileReader.read(file, page);
		try {
			return raws().read(rawFiles.indexOf(file));
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
	}

	/** The colour filter pattern the RAW decoder reports (null for a monochrome sensor). */
	CfaPattern rawPattern() {
		return raws().cfaPattern();
	}

	private RawFrameSource raws() {
		if (raws == null) try {
			raws = new RawFrameSource(rawFiles);
		}
		catch (final IOException e) {
			throw new HotPixelsException(rawFiles.get(0) + ": cannot be read (" + e.getMessage() +
				").", e);
		}
		return raws;
	}
}
