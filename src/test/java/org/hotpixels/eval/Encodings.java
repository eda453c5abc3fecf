package org.hotpixels.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.FrameWriter;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.source.Frame;

/**
 * Writes every frame of a series, made once, in several encodings at the same time (JPEG at
 * several qualities with 4:2:0 chroma, PNG), each into its own folder, on a few threads.
 */
final class Encodings {

	/** One encoding: a format and, for JPEG, its quality. */
	static final class Encoding {

		final OutputFormat format;
		final int quality;

		Encoding(final OutputFormat format, final int quality) {
			this.format = format;
			this.quality = quality;
		}

		static Encoding jpeg(final int quality) {
			return new Encoding(OutputFormat.JPEG, quality);
		}

		static Encoding png() {
			return new Encoding(OutputFormat.PNG, 0);
		}

		String label() {
			return format == OutputFormat.JPEG ? String.format(Locale.ROOT, "JPEG q%d 4:2:0", quality)
				: format.name();
		}

		String folderName() {
			return format == OutputFormat.JPEG ? "jpeg" + quality : format.extension();
		}
	}

	private Encodings() {}

	/**
	 * Writes the series into {@code folder/<encoding>/frame_NNNN.ext} for each encoding; returns
	 * the files of each encoding in frame order.
	 */
	static List<List<Path>> write(final DemoSeries series, final Path folder,
		final List<Encoding> encodings, final int threads) throws Exception
	{
		final List<Path> dirs = new ArrayList<>();
		for (final Encoding e : encodings) {
			final Path dir = folder.resolve(e.folderName());
			Files.createDirectories(dir);
			dirs.add(dir);
		}
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<Path[]>> tasks = new ArrayList<>();
			for (int i = 0; i < series.size(); i++) {
				final int index = i;
				tasks.add(pool.submit(() -> {
					final Frame f = series.frame(index);
					final Path[] files = new Path[encodings.size()];
					for (int k = 0; k < files.length; k++) {
						final Encoding e = encodings.get(k);
						files[k] = dirs.get(k).resolve(series.frameName(index) + "." + e.format.extension());
						FrameWriter.write(f, files[k], e.format, Math.max(1, e.quality));
					}
					return files;
				}));
			}
			final List<List<Path>> out = new ArrayList<>();
			for (int k = 0; k < encodings.size(); k++)
				out.add(new ArrayList<>());
			for (final Future<Path[]> t : tasks) {
				final Path[] files = t.get();
				for (int k = 0; k < files.length; k++)
					out.get(k).add(files[k]);
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Deletes a folder tree written by {@link #write}. */
	static void delete(final Path folder) throws IOException {
		if (!Files.exists(folder)) return;
		try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
