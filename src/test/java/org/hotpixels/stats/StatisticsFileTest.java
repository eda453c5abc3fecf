package org.hotpixels.stats;

import static org.hotpixels.stats.StatisticsAssert.assertIdentical;
import static org.hotpixels.stats.StatisticsAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.StatisticsFile;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statistics files: a saved and reloaded state is the same state, saved parts merge into the
 * one-pass result (checked against the exact two-pass reference), and every damaged, foreign or
 * mismatched file is refused with one sentence naming it.
 */
class StatisticsFileTest {

	private static final int W = 37, H = 23;

	@TempDir
	Path dir;

	private static List<Frame> frames(final PixelType type, final int planes, final int count,
		final long seed)
	{
		final List<Frame> frames = RandomFrames.series(type, W, H, planes, count, seed);
		if (type == PixelType.GRAY32) for (final Frame f : frames) { // NaN and infinity are skipped
			final float[] p = (float[]) f.plane(0);
			p[3] = Float.NaN;
			p[4] = Float.POSITIVE_INFINITY;
			p[5] = Float.NEGATIVE_INFINITY;
			p[6 + f.name().hashCode() % 5] = Float.NaN;
		}
		return frames;
	}

	private static PixelStatistics accumulate(final List<Frame> frames) {
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		stats.addAll(frames);
		return stats;
	}

	@ParameterizedTest
	@EnumSource(PixelType.class)
	void savedStatisticsReadBackBitForBit(final PixelType type) throws IOException {
		final List<Frame> frames = frames(type, type == PixelType.GRAY16 ? 2 : 1, 9, 5 + type
			.ordinal());
		final PixelStatistics stats = accumulate(frames);
		for (final String name : new String[]{ "s.hps", "s.hps.gz" }) {
			final Path file = dir.resolve(type + name);
			StatisticsFile.write(stats, file);
			final PixelStatistics back = StatisticsFile.read(file);
			assertEquals(stats.getClass(), back.getClass());
			assertEquals(stats.shapeLabel(), back.shapeLabel());
			assertIdentical(stats, back);
			assertMatches(ExactReference.of(frames), back, type.isInteger() ? 1e-15 : 1e-10);
		}
		final long plain = Files.size(dir.resolve(type + "s.hps"));
		assertEquals(44 + 4 + (long) W * H * stats.channels() * StatePayload.bytesPerSample(type),
			plain);
		final byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve(type + "s.hps.gz")), 2);
		assertEquals(0x1f, head[0] & 0xff);
		assertEquals(0x8b, head[1] & 0xff);
	}

	@ParameterizedTest
	@EnumSource(PixelType.class)
	void savedPartsMergeIntoTheOnePassResult(final PixelType type) throws IOException {
		final List<Frame> frames = frames(type, 1, 14, 40 + type.ordinal());
		final List<Path> parts = new ArrayList<>();
		for (final int[] range : new int[][]{ { 0, 5 }, { 5, 6 }, { 6, 14 } }) {
			final Path file = dir.resolve("part" + range[0] + ".hps");
			StatisticsFile.write(accumulate(frames.subList(range[0], range[1])), file);
			parts.add(file);
		}
		final PixelStatistics merged = StatisticsFile.readAndMerge(parts);
		assertEquals(14, merged.frameCount());
		assertMatches(ExactReference.of(frames), merged, type.isInteger() ? 1e-15 : 1e-10);
		if (type.isInteger()) assertIdentical(accumulate(frames), merged);
	}

	@Test
	void emptyStatisticsRoundTrip() throws IOException {
		final PixelStatistics empty = PixelStatistics.create(PixelType.RGB, W, H, 3);
		StatisticsFile.write(empty, dir.resolve("e.hps"));
		final PixelStatistics back = StatisticsFile.read(dir.resolve("e.hps"));
		assertEquals(0, back.frameCount());
		final List<Frame> frames = frames(PixelType.RGB, 1, 3, 2);
		back.addAll(frames);
		assertIdentical(accumulate(frames), back);
	}

	private Path saved(final String name) throws IOException {
		final Path file = dir.resolve(name);
		StatisticsFile.write(accumulate(frames(PixelType.GRAY16, 1, 4, 9)), file);
		return file;
	}

	private static String refusal(final Path file) {
		return assertThrows(HotPixelsException.class, () -> StatisticsFile.read(file)).getMessage();
	}

	@Test
	void aChangedByteIsAChecksumMismatch() throws IOException {
		for (final String name : new String[]{ "state.hps", "state.hps.gz" }) {
			final Path file = saved(name);
			final byte[] bytes = Files.readAllBytes(file);
			if (name.endsWith(".gz")) {
				final ByteArrayOutputStream raw = new ByteArrayOutputStream();
				try (OutputStream zip = new GZIPOutputStream(raw)) {
					final byte[] plain = Files.readAllBytes(saved("plain.hps"));
					plain[100] ^= 4;
					zip.write(plain);
				}
				Files.write(file, raw.toByteArray());
			}
			else {
				bytes[bytes.length / 2] ^= 1;
				Files.write(file, bytes);
			}
			assertEquals(file + ": checksum mismatch, the file is damaged.", refusal(file));
		}
	}

	@Test
	void aTruncatedFileIsRefused() throws IOException {
		for (final String name : new String[]{ "t.hps", "t.hps.gz" }) {
			final Path file = saved(name);
			final byte[] bytes = Files.readAllBytes(file);
			Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
			final String m = refusal(file);
			assertTrue(m.startsWith(file + ": ") && (m.contains("truncated") || m.contains("damaged")),
				m);
		}
		final Path longer = saved("long.hps");
		Files.write(longer, new byte[]{ 1 }, java.nio.file.StandardOpenOption.APPEND);
		assertTrue(refusal(longer).contains("damaged"), refusal(longer));
	}

	@Test
	void foreignAndMissingFilesAreRefused() throws IOException {
		final Path text = Files.write(dir.resolve("notes.hps"), "x,y\n1,2\n".getBytes(
			StandardCharsets.UTF_8));
		assertEquals(text + ": not a statistics file of Hot Pixel Finder (written by --save-state).",
			refusal(text));
		final Path empty = Files.write(dir.resolve("empty.hps"), new byte[0]);
		assertTrue(refusal(empty).contains("not a statistics file"), refusal(empty));
		assertEquals(dir.resolve("none.hps") + ": no such statistics file.", refusal(dir.resolve(
			"none.hps")));
	}

	/** A header as {@link StatisticsFile} writes it, followed by {@code payload} zero bytes. */
	private Path header(final String name, final int version, final int depth, final int width,
		final int height, final int channels, final long frames, final int payload, final boolean gzip)
		throws IOException
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
			out.write("HPXSTATS".getBytes(StandardCharsets.US_ASCII));
			out.writeInt(version);
			out.writeInt(depth);
			out.writeInt(width);
			out.writeInt(height);
			out.writeInt(channels);
			if (version >= 3) out.writeInt(1); // reach of the residuals
			out.writeLong(frames);
			if (version >= 2) out.writeInt(1); // colour filter array: none
			out.write(new byte[payload]);
		}
		return Files.write(dir.resolve(name), bytes.toByteArray());
	}

	@Test
	void aNewerFormatAndImpossibleHeadersAreRefused() throws IOException {
		assertTrue(refusal(header("v4.hps", 4, 16, 4, 4, 1, 2, 400, false)).contains(
			"statistics format 4 is newer"));
		for (final int old : new int[]{ 1, 2 })
			assertTrue(refusal(header("v" + old + ".hps", old, 16, 4, 4, 1, 2, 400, false)).contains(
				"older version of Hot Pixel Finder"));
		assertTrue(refusal(header("depth.hps", 3, 12, 4, 4, 1, 2, 400, false)).contains(
			"impossible bit depth 12"));
		assertTrue(refusal(header("neg.hps", 3, 16, -4, 4, 1, 2, 400, false)).contains(
			"impossible size -4x4"));
		assertTrue(refusal(header("rgb.hps", 3, 24, 4, 4, 2, 2, 400, false)).contains(
			"impossible size 4x4 with 2 channels"));
		assertTrue(refusal(header("frames.hps", 3, 8, 4, 4, 1, -1, 400, false)).contains(
			"impossible frame count -1"));
	}

	@Test
	void enormousSizesAreRefusedBeforeAllocating() throws IOException {
		final long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		// beyond any array
		assertTrue(refusal(header("huge.hps", 3, 32, 100000, 100000, 1, 2, 16, false)).contains(
			"impossible size 100000x100000"));
		// a plain file is measured against its header: 32 GB of statistics in a 100-byte file
		final String truncated = refusal(header("big.hps", 3, 16, 40000, 40000, 1, 2, 64, false));
		assertTrue(truncated.contains("truncated"), truncated);
		// a compressed file cannot be measured: the heap decides
		final String memory = refusal(header("big.hps.gz", 3, 16, 40000, 40000, 1, 2, 64, true));
		assertTrue(memory.contains("MB of memory, more than Java has left"), memory);
		final long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		assertTrue(after - before < 256L << 20, "heap grew by " + (after - before));
	}

	@Test
	void statisticsOfDifferentShapesDoNotMerge() throws IOException {
		final Path a = dir.resolve("a.hps"), b = dir.resolve("b.hps");
		StatisticsFile.write(PixelStatistics.create(PixelType.GRAY8, 640, 480, 1), a);
		StatisticsFile.write(PixelStatistics.create(PixelType.GRAY16, 640, 480, 1), b);
		final String m = assertThrows(HotPixelsException.class, () -> StatisticsFile.readAndMerge(Arrays
			.asList(a, b))).getMessage();
		assertEquals(b + ": statistics of 16-bit 640x480 cannot be merged with 8-bit 640x480 (" + a +
			").", m);
		final Path c = dir.resolve("c.hps");
		StatisticsFile.write(PixelStatistics.create(PixelType.GRAY8, 480, 640, 1), c);
		assertEquals(c + ": statistics of 8-bit 480x640 cannot be merged with 8-bit 640x480 (" + a +
			").", assertThrows(HotPixelsException.class, () -> StatisticsFile.readAndMerge(Arrays.asList(
				a, c))).getMessage());
	}
}
