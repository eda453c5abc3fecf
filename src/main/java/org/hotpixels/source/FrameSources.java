package org.hotpixels.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.raw.RawFrameSource;

/**
 * The one place that decides how image files are read: camera RAW files are decoded to their
 * sensor mosaic by dcraw or LibRaw ({@link RawFrameSource}); everything else is read by
 * {@link ImageFileReader} (every page of a TIFF a frame). {@link #open} makes a series of them
 * (for find; a series must not mix the two), {@link #pages} reads them file by file (for
 * correct).
 *
 * <pre>{@code
 * try (FrameSource source = FrameSources.open(InputFiles.expand(args, "*.NEF").files())) {
 *     CfaPattern cfa = source.cfaPattern();
 * }
 * }</pre>
 */
public final class FrameSources {

	private FrameSources() {}

	/** True for a camera RAW file (NEF, CR2, DNG, ...), which is decoded to its sensor mosaic. */
	public static boolean isRaw(final Path file) {
		return RawFrameSource.isRawFile(file);
	}

	/** Frames of the files one page at a time, RAW or not (see {@link PageReader}). */
	public static PageReader pages(final List<Path> files) {
		return new PageReader(files);
	}

	/** A source over {@code files}, RAW or not. */
	public static FrameSource open(final List<Path> files) {
		final long raw = files.stream().filter(FrameSources::isRaw).count();
		if (raw == 0) return new FileSeriesSource(files);
		if (raw < files.size()) {
			final Path other = files.stream().filter(f -> !isRaw(f)).findFirst().get();
			throw new HotPixelsException(other + ": is not a RAW file, but the series has RAW files " +
				"(" + files.stream().filter(FrameSources::isRaw).findFirst().get().getFileName() +
				"); use --pattern to pick one kind.");
		}
		return raw(files, "decoded");
	}

	/** The RAW source of {@code files}; a failure names the first file: "cannot be VERB (...)". */
	static RawFrameSource raw(final List<Path> files, final String verb) {
		try {
			return new RawFrameSource(files);
		}
		catch (final IOException e) {
			throw new HotPixelsException(files.get(0) + ": cannot be " + verb + " (" + e.getMessage() +
				").", e);
		}
	}
}
