package org.hotpixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a find through its {@link Progress}: it stops within a few frames of the request,
 * throws {@link CancelledException}, and (since results are written only after a complete find)
 * leaves no result file.
 */
class CancellationTest {

	private static final int W = 64, H = 48, FRAMES = 500;

	/** A synthetic 16-bit series that counts the frames it was asked to read. */
	private static final class CountingSource implements FrameSource {

		final AtomicInteger reads = new AtomicInteger();

		@Override
		public int size() {
			return FRAMES;
		}

		@Override
		public String name(final int index) {
			return "frame " + index;
		}

		@Override
		public Frame read(final int index) {
			reads.incrementAndGet();
			final short[] px = new short[W * H];
			for (int i = 0; i < px.length; i++)
				px[i] = (short) (1000 + (i * 31 + index * 17) % 97);
			return Frame.of(name(index), PixelType.GRAY16, W, H, px);
		}
	}

	/** Cancels once {@code progress} has been told about {@code after} steps of {@code phase}. */
	private static final class CancelAfter implements Progress {

		final String phase;
		final long after;
		volatile boolean cancelled;
		long lastDone = -1;

		CancelAfter(final String phase, final long after) {
			this.phase = phase;
			this.after = after;
		}

		@Override
		public void progress(final long done, final long total, final String message) {
			assertTrue(!cancelled || !message.startsWith(phase) || done <= lastDone + 1,
				"work went on after the cancel: " + message + " " + done);
			if (message.startsWith(phase)) lastDone = done;
			if (message.startsWith(phase) && done >= after) cancelled = true;
		}

		@Override
		public boolean isCancelled() {
			return cancelled;
		}
	}

	@Test
	void cancellingWhileReadingStopsWithinAFewFrames(@TempDir final Path tmp) {
		final CountingSource source = new CountingSource();
		final FindOptions options = new FindOptions();
		options.threads = 2;
		final CancelAfter progress = new CancelAfter("Reading", 5);
		assertThrows(CancelledException.class, () -> {
			final FindResult r = HotPixelFinder.find(source, options, progress);
			FindOutputs.write(r, tmp);
		});
		assertEquals(5, progress.lastDone, "frames taken after the cancel");
		// decoding runs ahead by at most threads + 2 + one batch
		assertTrue(source.reads.get() <= 5 + options.threads + 2 + options.batchSize, "read " +
			source.reads.get() + " frames");
		for (final Path f : FindOutputs.files(tmp))
			assertFalse(Files.exists(f), f + " written");
	}

	@Test
	void cancellingWhileDetectingStopsToo(@TempDir final Path tmp) {
		final CountingSource source = new CountingSource();
		final FindOptions options = new FindOptions();
		options.threads = 1;
		final CancelAfter progress = new CancelAfter("Scoring", 0);
		assertThrows(CancelledException.class, () -> {
			final FindResult r = HotPixelFinder.find(source, options, progress);
			FindOutputs.write(r, tmp);
		});
		assertEquals(FRAMES, source.reads.get());
		for (final Path f : FindOutputs.files(tmp))
			assertFalse(Files.exists(f), f + " written");
	}
}
