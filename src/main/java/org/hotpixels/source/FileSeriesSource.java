package org.hotpixels.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;

/**
 * Frames from image files: each file is a frame, except that every page of a multi-page TIFF,
 * every plane of a FITS cube and every frame of an animated GIF is a frame of its own. Files are
 * decoded on demand by {@link ImageFileReader}, so reading frame {@code i} on a worker thread
 * while frame {@code i - 1} is accumulated is safe.
 * <p>
 * Pixels are read as stored, never turned by a JPEG's EXIF orientation tag. A JPEG whose tag
 * differs from the first JPEG's is refused, since it may have been turned against the others.
 * </p>
 *
 * <pre>{@code
 * FrameSource frames = new FileSeriesSource(InputFiles.expand(args, "*.jpg").files());
 * }</pre>
 */
public final class FileSeriesSource implements FrameSource {

	private final List<Path> files = new ArrayList<>();
	private final List<Integer> pages = new ArrayList<>();
	/** The first JPEG file and its EXIF orientation, which every other JPEG must share. */
	private Path firstJpeg;
	private int orientation = 1;

	public FileSeriesSource(final List<Path> files) {
		for (final Path f : files) {
			if (firstJpeg == null && isJpeg(f)) {
				firstJpeg = f;
				orientation = ImageFileReader.orientation(f);
			}
			final int n = ImageFileReader.mayHavePages(f) ? pages(f) : 1;
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
	private static int pages(final Path file) {
		try {
			return ImageFileReader.pageCount(file);
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
		return f + (paged ? (ImageFileReader.isFits(f) ? " plane " : ImageFileReader.isGif(f)
			? " frame " : " page ") + (pages.get(index) + 1) : "");
	}

	private static boolean isJpeg(final Path file) {
		final String e = InputFiles.extension(file);
		return e.equals("jpg") || e.equals("jpeg") || e.equals("jpe");
	}

	/** The file frame {@code index} comes from. */
	public Path file(final int index) {
		return files.get(index);
	}

	@Override
	public Frame read(final int index) {
		final Path file = files.get(index);
		final Frame f = ImageFileReader.read(file, pages.get(index), o -> {
			if (firstJpeg != null && o != orientation) throw new HotPixelsException(file +
				": its EXIF orientation is " + JpegHeader.describe(o) + ", but " + firstJpeg.getFileName() +
				"'s is " + JpegHeader.describe(orientation) +
				"; frames are read as stored, and one turned against the others would mix up pixel " +
				"positions, so find frames of one orientation at a time.");
		});
		final String name = name(index);
		if (name.equals(f.name())) return f;
		final Object[] planes = new Object[f.planeCount()];
		for (int p = 0; p < planes.length; p++)
			planes[p] = f.plane(p);
		return Frame.of(name, f.type(), f.width(), f.height(), planes);
	}
}
