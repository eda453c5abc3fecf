package org.hotpixels.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.HotPixelsException;

/**
 * Frames from image files: each file is a frame, except that every page of a multi-page TIFF is
 * a frame of its own. Files are decoded on demand by {@link ImageFileReader}, so reading frame
 * {@code i} on a worker thread while frame {@code i - 1} is accumulated is safe.
 *
 * <pre>{@code
 * FrameSource frames = new FileSeriesSource(InputFiles.expand(args, "*.jpg").files());
 * }</pre>
 */
public final class FileSeriesSource implements FrameSource {

	private final List<Path> files = new ArrayList<>();
	private final List<Integer> pages = new ArrayList<>();

	public FileSeriesSource(final List<Path> files) {
		for (final Path f : files) {
			final int n = ImageFileReader.isTiff(f) ? pages(f) : 1;
			for (int p = 0; p < n; p++) {
				this.files.add(f);
				pages.add(p);
			}
		}
	}

	/**
	 * Pages of a TIFF; a file whose header cannot be read counts as one frame, so that reading it
	 * reports the problem in order (or skips it, when skipping bad frames).
	 */
	private static int pages(final Path tiff) {
		try {
			return ImageFileReader.pageCount(tiff);
		}
		catch (final HotPixelsException e) {
			return 1;
		}
	}

	@Override
	public int size() {
		return files.size();
	}

	@Override
	public String name(final int index) {
		final Path f = files.get(index);
		final boolean paged = index > 0 && files.get(index - 1).equals(f) || index + 1 < files.size() &&
			files.get(index + 1).equals(f);
		return f + (paged ? " page " + (pages.get(index) + 1) : "");
	}

	/** The file frame {@code index} comes from. */
	public Path file(final int index) {
		return files.get(index);
	}

	@Override
	public Frame read(final int index) {
		final Frame f = ImageFileReader.read(files.get(index), pages.get(index));
		final String name = name(index);
		if (name.equals(f.name())) return f;
		final Object[] planes = new Object[f.planeCount()];
		for (int p = 0; p < planes.length; p++)
			planes[p] = f.plane(p);
		return Frame.of(name, f.type(), f.width(), f.height(), planes);
	}
}
