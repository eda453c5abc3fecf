package org.hotpixels.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.PixelType;

/**
 * A synthetic series with defects planted at known places: any frame can be made on demand (it
 * depends only on the seed and its index, so frames can be made in parallel and a long series
 * never needs to be in memory), read as a {@link FrameSource}, or written to a folder.
 *
 * <pre>{@code
 * DemoSeries series = SyntheticSeries.builder().size(320, 240).frames(60).seed(1).build();
 * series.writeTo(folder, OutputFormat.JPEG);           // frame_0000.jpg ...
 * series.writePlanted(folder.resolve("planted.csv"));  // the truth, for Evaluation
 * }</pre>
 */
public interface DemoSeries {

	int width();

	int height();

	/** Number of frames. */
	int size();

	PixelType pixelType();

	/** The seed that frames, noise and default defect places derive from. */
	long seed();

	/** Number of channels of a frame: 3 for RGB, 1 otherwise. */
	default int channels() {
		return pixelType().channelsPerPlane();
	}

	/** The defects planted in every frame. */
	List<PlantedDefect> planted();

	/** Makes frame {@code index} (0-based); thread-safe, the same result every time. */
	Frame frame(int index);

	/** "frame_0000", "frame_0001", ... (more digits beyond 10000 frames). */
	default String frameName(final int index) {
		return String.format(Locale.ROOT, size() > 10000 ? "frame_%06d" : "frame_%04d", index);
	}

	/** The series as a frame source, without files. */
	default FrameSource asSource() {
		final DemoSeries series = this;
		return new FrameSource() {

			@Override
			public int size() {
				return series.size();
			}

			@Override
			public String name(final int index) {
				return series.frameName(index);
			}

			@Override
			public Frame read(final int index) {
				return series.frame(index);
			}
		};
	}

	/** Writes every frame as {@code frame_0000.ext} ... into {@code folder} (JPEG quality 90). */
	default List<Path> writeTo(final Path folder, final OutputFormat format) {
		return writeTo(folder, format, FrameWriter.DEFAULT_JPEG_QUALITY, Progress.NONE);
	}

	/**
	 * Writes every frame into {@code folder}, made and encoded on all processors, reporting
	 * progress; returns the files in frame order.
	 */
	default List<Path> writeTo(final Path folder, final OutputFormat format, final int jpegQuality,
		final Progress progress)
	{
		return writeTo(folder, format, jpegQuality, 0, progress);
	}

	/**
	 * Writes every frame into {@code folder} on {@code threads} threads (0: all processors),
	 * reporting progress; returns the files in frame order.
	 */
	default List<Path> writeTo(final Path folder, final OutputFormat format, final int jpegQuality,
		final int threads, final Progress progress)
	{
		return SeriesWriter.write(this, folder, format, jpegQuality, threads, progress);
	}

	/** Writes the planted defects as CSV (see {@link PlantedDefect#writeCsv}). */
	default void writePlanted(final Path csvFile) {
		PlantedDefect.writeCsv(planted(), csvFile);
	}
}
