package org.hotpixels.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.raw.RawFrameSource;

/**
 * Picks the frame source for a list of files: camera RAW files are decoded to their sensor
 * mosaic by dcraw or LibRaw ({@link RawFrameSource}); everything else is read by
 * {@link FileSeriesSource}. A series must not mix the two.
 */
public final class Sources {

	private Sources() {}

	/** A source over {@code files}, RAW or not. */
	public static FrameSource open(final List<Path> files) {
		final long raw = files.stream().filter(RawFrameSource::isRawFile).count();
		if (raw == 0) return new FileSeriesSource(files);
		if (raw < files.size()) {
			final Path other = files.stream().filter(f -> !RawFrameSource.isRawFile(f)).findFirst()
				.get();
			throw new HotPixelsException(other + ": is not a RAW file, but the series has RAW files " +
				"(" + files.stream().filter(RawFrameSource::isRawFile).findFirst().get().getFileName() +
				"); use --pattern to pick one kind.");
		}
		try {
			return new RawFrameSource(files);
		}
		catch (final IOException e) {
			throw new HotPixelsException(files.get(0) + ": cannot be decoded (" + e.getMessage() + ").",
				e);
		}
	}
}
