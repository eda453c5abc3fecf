package org.hotpixels.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ij.ImagePlus;
import ij.ImageStack;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The decode-ahead stream: frames in order, batches bounded by bytes (a big frame comes alone)
 * unless the frames are views of an open stack, frames decoded ahead bounded too, and frames that cannot be read or do not fit left out with
 * a message when asked, an error otherwise.
 */
class FrameStreamTest {

	/** Frames of {@code bytes} each; counts frames read but not yet handed to the consumer. */
	private static final class CountingSource implements FrameSource {

		final int size, width;
		final AtomicInteger ahead = new AtomicInteger();
		final AtomicInteger mostAhead = new AtomicInteger();

		CountingSource(final int size, final int width) {
			this.size = size;
			this.width = width;
		}

		@Override
		public int size() {
			return size;
		}

		@Override
		public String name(final int index) {
			return "frame " + index;
		}

		@Override
		public Frame read(final int index) {
			mostAhead.accumulateAndGet(ahead.incrementAndGet(), Math::max);
			final float[] plane = new float[width * 1024];
			plane[0] = index;
			return Frame.of(name(index), PixelType.GRAY32, width, 1024, plane);
		}
	}

	private static List<List<Frame>> readAll(final CountingSource source, final int threads,
		final int max)
	{
		final List<List<Frame>> batches = new ArrayList<>();
		try (FrameStream stream = new FrameStream(source, threads, false, Progress.NONE)) {
			for (List<Frame> batch; !(batch = stream.next(max)).isEmpty();) {
				source.ahead.addAndGet(-batch.size());
				batches.add(batch);
			}
		}
		return batches;
	}

	@Test
	void smallFramesComeInFullBatchesAndInOrder() {
		final CountingSource source = new CountingSource(50, 256); // 1 MB frames
		final List<List<Frame>> batches = readAll(source, 2, 8);
		int next = 0;
		for (final List<Frame> batch : batches) {
			assertTrue(batch.size() == 8 || next + batch.size() == 50, "batch of " + batch.size());
			for (final Frame f : batch)
				assertEquals(next++, ((float[]) f.plane(0))[0], 0);
		}
		assertEquals(50, next);
		assertTrue(source.mostAhead.get() <= 8 + 2 * 2 + 2, "read ahead: " + source.mostAhead);
	}

	@Test
	void bigFramesComeInSmallBatchesWithLittleReadAhead() {
		final long frameBytes = 4L * 4096 * 1024; // 16 MB
		final CountingSource source = new CountingSource(20, 4096);
		final List<List<Frame>> batches = readAll(source, 2, 8);
		final int perBatch = (int) Math.max(1, FrameStream.batchBytes() / frameBytes);
		for (int b = 0; b < batches.size() - 1; b++)
			assertEquals(perBatch, batches.get(b).size());
		final int lookahead = (int) Math.max(3, Math.min(6, FrameStream.LOOKAHEAD_BYTES / frameBytes));
		assertTrue(source.mostAhead.get() <= perBatch + lookahead, "read ahead: " + source.mostAhead +
			" frames of 16 MB");
	}

	@Test
	void framesOfAnOpenStackAreNotLimitedByBytes() {
		final ImageStack stack = new ImageStack(2048, 1024);
		for (int k = 0; k < 20; k++) // 4 MB each: a file series would come 16 at a time
			stack.addSlice("s" + k, new short[2048 * 1024]);
		try (FrameStream stream = new FrameStream(new ImagePlusFrameSource(new ImagePlus("open",
			stack)), 2, false, Progress.NONE))
		{
			assertEquals(20, stream.next(100).size());
			assertTrue(stream.next(100).isEmpty());
		}
	}

	@Test
	void decodedArraysAreReusedOnceTheirBatchIsDone() {
		final int w = 4096, h = 1024; // 16 MB of packed RGB per frame
		final FrameSource source = new FrameSource() {

			@Override
			public int size() {
				return 40;
			}

			@Override
			public String name(final int index) {
				return "f" + index + ".jpg";
			}

			@Override
			public Frame read(final int index) {
				final int[] rgb = PlaneBuffers.ints(w * h);
				java.util.Arrays.fill(rgb, index);
				return Frame.of(name(index), PixelType.RGB, w, h, rgb);
			}
		};
		final java.util.Set<Object> arrays = java.util.Collections.newSetFromMap(
			new java.util.IdentityHashMap<>());
		int next = 0;
		try (FrameStream stream = new FrameStream(source, 2, false, Progress.NONE)) {
			for (List<Frame> batch; !(batch = stream.next(8)).isEmpty();)
				for (final Frame f : batch) {
					final int[] rgb = (int[]) f.plane(0);
					assertEquals(next, rgb[0]);
					assertEquals(next++, rgb[rgb.length - 1]);
					arrays.add(rgb);
				}
		}
		assertEquals(40, next);
		// a batch of 4, up to 6 decoded ahead, one being decoded on each thread
		assertTrue(arrays.size() <= 4 + 6 + 2, arrays.size() + " arrays for 40 frames");
	}

	/** Frame 3 cannot be read, frame 5 is smaller than the others. */
	private static FrameSource flawed() {
		return new FrameSource() {

			@Override
			public int size() {
				return 8;
			}

			@Override
			public String name(final int index) {
				return "f" + index + ".tif";
			}

			@Override
			public Frame read(final int index) {
				if (index == 3) throw new HotPixelsException("f3.tif: damaged image (test).");
				final int w = index == 5 ? 8 : 16;
				return Frame.of(name(index), PixelType.GRAY16, w, 4, new short[w * 4]);
			}
		};
	}

	@Test
	void unreadableAndMisfitFramesAreSkippedWhenAsked() {
		int frames = 0;
		try (FrameStream stream = new FrameStream(flawed(), 2, true, Progress.NONE)) {
			for (List<Frame> batch; !(batch = stream.next(3)).isEmpty();)
				frames += batch.size();
			assertEquals(6, frames);
			assertEquals(2, stream.skipped().size());
			assertEquals("f3.tif: damaged image (test).", stream.skipped().get(0));
			assertTrue(stream.skipped().get(1).startsWith("f5.tif: is 16-bit 8x4, but the series is " +
				"16-bit 16x4 (from f0.tif)"), stream.skipped().get(1));
		}
	}

	@Test
	void unreadableFramesFailOtherwise() {
		try (FrameStream stream = new FrameStream(flawed(), 2, false, Progress.NONE)) {
			final HotPixelsException e = assertThrows(HotPixelsException.class, () -> {
				while (!stream.next(2).isEmpty()) {
					// read on
				}
			});
			assertEquals("f3.tif: damaged image (test).", e.getMessage());
		}
	}
}
