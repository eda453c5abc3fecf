package org.hotpixels.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;

/**
 * Makes and writes the frames of a {@link DemoSeries} on several threads (all processors unless
 * told), a frame per task, and reports progress from the calling thread in frame order. Use
 * {@link DemoSeries#writeTo}.
 */
final class SeriesWriter {

	private SeriesWriter() {}

	static List<Path> write(final DemoSeries series, final Path folder, final OutputFormat format,
		final int jpegQuality, final int threadCount, final Progress progress)
	{
		if (!format.supports(series.pixelType())) throw new HotPixelsException(folder + ": " + format +
			" cannot hold " + series.pixelType().label() + " images; use " + OutputFormat.TIFF
				.extension() + ".");
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot create the folder (" + e.getMessage() + ").",
				e);
		}
		final int n = series.size();
		final int threads = Math.max(1, Math.min(n, threadCount > 0 ? threadCount : Runtime.getRuntime()
			.availableProcessors()));
		final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "demo-series-writer");
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<Path>> tasks = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				final int index = i;
				tasks.add(pool.submit(() -> {
					final Path file = folder.resolve(series.frameName(index) + "." + format.extension());
					FrameWriter.write(series.frame(index), file, format, jpegQuality);
					return file;
				}));
			}
			final List<Path> files = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				progress.checkCancelled();
				files.add(result(tasks.get(i)));
				progress.progress(i + 1, n, files.get(i).getFileName().toString());
			}
			return files;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Path result(final Future<Path> task) {
		try {
			return task.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			throw new IllegalStateException(cause);
		}
	}
}
