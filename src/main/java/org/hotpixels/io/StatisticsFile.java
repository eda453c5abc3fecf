package org.hotpixels.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.BlockInput;
import org.hotpixels.stats.BlockOutput;
import org.hotpixels.stats.PixelStatistics;
import org.hotpixels.stats.StatePayload;

/**
 * Saves and loads accumulated {@link PixelStatistics}, so a long series can be resumed later or
 * split between machines and {@link PixelStatistics#merge merged}: for 8-bit, RGB and 16-bit data
 * the merged result is bit-identical to one pass over all frames.
 * <p>
 * The format (version {@value #VERSION}, big-endian): the 8 magic bytes {@code HPXSTATS}, int
 * version, int bit depth (8, 16, 24 for RGB, 32), int width, int height, int channels, int reach
 * of the spatial residuals, long frame count, int colour filter array of the frames (0 unknown, 1
 * none, 2-5 RGGB, BGGR, GRBG, GBRG), then the per-sample blocks described in
 * {@link StatePayload}, then the CRC-32 of every byte before it. Files of formats 1 and 2 (without
 * the residual statistics) are refused with a sentence. A file whose name ends in {@code .gz} is
 * gzip-compressed as a whole; reading recognises compression by content. The file is streamed
 * both ways, never held in memory.
 *
 * <pre>{@code
 * StatisticsFile.write(result.statistics(), Paths.get("monday.hps"));
 * PixelStatistics stats = StatisticsFile.read(Paths.get("monday.hps"));
 * stats.merge(StatisticsFile.read(Paths.get("tuesday.hps")));
 * }</pre>
 */
public final class StatisticsFile {

	/** The usual extension of a statistics file. */
	public static final String EXTENSION = ".hps";
	/** The format version this code writes and reads. */
	public static final int VERSION = 3;

	private static final byte[] MAGIC = "HPXSTATS".getBytes(StandardCharsets.US_ASCII);
	private static final int HEADER_BYTES = MAGIC.length + 7 * 4 + 8;
	private static final int CFA_UNKNOWN = 0, CFA_NONE = 1;
	/** Largest number of samples (pixels times channels) an accumulator array can hold. */
	static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

	private StatisticsFile() {}

	/**
	 * Writes {@code stats} to {@code file} through {@link AtomicOutput}: the file appears only when
	 * complete. A name ending in {@code .gz} compresses it.
	 */
	public static void write(final PixelStatistics stats, final Path file) throws IOException {
		AtomicOutput.write(file, out -> write(stats, out, isGzipName(file)));
	}

	/**
	 * Statistics as saved, with the colour filter array of their frames: null for ordinary frames
	 * (when {@link #cfaKnown}), unknown for files of format 1.
	 */
	public static final class Saved {

		public final PixelStatistics statistics;
		public final CfaPattern cfa;
		public final boolean cfaKnown;

		Saved(final PixelStatistics statistics, final CfaPattern cfa, final boolean cfaKnown) {
			this.statistics = statistics;
			this.cfa = cfa;
			this.cfaKnown = cfaKnown;
		}

		/** "CFA RGGB mosaics" or "ordinary frames (no CFA)". */
		public String cfaLabel() {
			return label(cfa);
		}

		/** "CFA RGGB mosaics" or "ordinary frames (no CFA)". */
		public static String label(final CfaPattern cfa) {
			return cfa == null ? "ordinary frames (no CFA)" : "CFA " + cfa + " mosaics";
		}
	}

	/**
	 * Streams {@code stats} into {@code out} with the CFA unknown; see
	 * {@link #write(PixelStatistics, CfaPattern, OutputStream, boolean)}.
	 */
	public static void write(final PixelStatistics stats, final OutputStream out, final boolean gzip)
		throws IOException
	{
		write(stats, out, gzip, CFA_UNKNOWN);
	}

	/**
	 * Streams {@code stats} into {@code out} (flushed, not closed), gzip-compressed if asked, with
	 * the colour filter array of the frames ({@code null}: ordinary frames).
	 */
	public static void write(final PixelStatistics stats, final CfaPattern cfa,
		final OutputStream out, final boolean gzip) throws IOException
	{
		write(stats, out, gzip, cfa == null ? CFA_NONE : CFA_NONE + 1 + cfa.ordinal());
	}

	/** True if statistics written to {@code file} are gzip-compressed (its name ends in .gz). */
	public static boolean isGzipName(final Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
	}

	private static void write(final PixelStatistics stats, final OutputStream out, final boolean gzip,
		final int cfaCode) throws IOException
	{
		final GZIPOutputStream zip = gzip ? new GZIPOutputStream(out, 1 << 16) : null;
		final OutputStream target = gzip ? zip : out;
		final BlockOutput data = new BlockOutput(target);
		data.putBytes(MAGIC);
		data.putInt(VERSION);
		data.putInt(stats.type().bitDepth());
		data.putInt(stats.width());
		data.putInt(stats.height());
		data.putInt(stats.channels());
		data.putInt(stats.residualReach());
		data.putLong(stats.frameCount());
		data.putInt(cfaCode);
		StatePayload.write(stats, data);
		final int crc = data.checksum();
		data.putInt(crc);
		data.flush();
		if (zip != null) zip.finish();
		out.flush();
	}

	/**
	 * Reads statistics written by {@link #write}. A missing, damaged, truncated or foreign file,
	 * or one too large for this Java's memory, is a {@link HotPixelsException} naming the file
	 * and the problem; sizes are checked before anything large is allocated.
	 */
	public static PixelStatistics read(final Path file) {
		return readSaved(file).statistics;
	}

	/** As {@link #read(Path)}, with the colour filter array the statistics were made with. */
	public static Saved readSaved(final Path file) {
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			raw.mark(2);
			final boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
			raw.reset();
			final BlockInput in = new BlockInput(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
			final int[] cfaCode = new int[1];
			final PixelStatistics stats = readHeader(file, in, gzip ? -1 : Files.size(file), cfaCode);
			StatePayload.read(stats, in);
			final int computed = in.checksum();
			final int stored = in.getInt();
			if (computed != stored || !in.atEnd()) throw new HotPixelsException(file +
				": checksum mismatch, the file is damaged.");
			final int code = cfaCode[0];
			return new Saved(stats, code > CFA_NONE ? CfaPattern.values()[code - CFA_NONE - 1] : null,
				code != CFA_UNKNOWN);
		}
		catch (final NoSuchFileException e) {
			throw new HotPixelsException(file + ": no such statistics file.", e);
		}
		catch (final EOFException e) {
			throw new HotPixelsException(file + ": statistics file is truncated (incomplete copy?).", e);
		}
		catch (final java.util.zip.ZipException e) {
			throw new HotPixelsException(file + ": compressed statistics file is damaged (" + e
				.getMessage() + ").", e);
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot read the statistics file (" + e.getMessage() +
				").", e);
		}
		catch (final OutOfMemoryError e) {
			throw new HotPixelsException(file + ": not enough memory for these statistics.", e);
		}
	}

	/** Checks magic, version and sizes, and returns empty statistics of the file's shape. */
	private static PixelStatistics readHeader(final Path file, final BlockInput in,
		final long fileSize, final int[] cfaCode) throws IOException
	{
		final byte[] magic = new byte[MAGIC.length];
		try {
			for (int i = 0; i < magic.length; i++)
				magic[i] = (byte) in.getByte();
		}
		catch (final EOFException e) {
			throw notStatistics(file);
		}
		if (!Arrays.equals(magic, MAGIC)) throw notStatistics(file);
		final int version = in.getInt();
		if (version > VERSION) throw new HotPixelsException(file + ": statistics format " + version +
			" is newer than this version of Hot Pixel Finder reads (" + VERSION + "); update it.");
		if (version < 1) throw damaged(file, "format version " + version);
		if (version < VERSION) throw new HotPixelsException(file + ": statistics format " + version +
			" was written by an older version of Hot Pixel Finder, without the residual statistics " +
			"detection needs; run find on its frames again.");
		final int depth = in.getInt();
		final PixelType type = typeOf(depth);
		if (type == null) throw damaged(file, "bit depth " + depth);
		final int width = in.getInt(), height = in.getInt(), channels = in.getInt();
		final int reach = in.getInt();
		final long frames = in.getLong();
		if (reach < 1 || reach > 2) throw damaged(file, "residual reach " + reach);
		cfaCode[0] = in.getInt();
		if (cfaCode[0] < 0 || cfaCode[0] > CFA_NONE + CfaPattern.values().length) throw damaged(file,
			"colour filter array " + cfaCode[0]);
		if (width < 1 || height < 1 || channels < 1 || channels % type.channelsPerPlane() != 0)
			throw damaged(file, "size " + width + "x" + height + " with " + channels + " channels");
		if (frames < 0) throw damaged(file, "frame count " + frames);
		final long samples = (long) width * height * channels;
		if (samples > MAX_SAMPLES) throw damaged(file, "size " + width + "x" + height + " with " +
			channels + " channels");
		final long payload = samples * StatePayload.bytesPerSample(type);
		if (fileSize >= 0 && fileSize != HEADER_BYTES + payload + 4) throw new HotPixelsException(file +
			": statistics file is " + (fileSize < HEADER_BYTES + payload + 4
				? "truncated (incomplete copy?)" : "longer than its header says; the file is damaged") +
			" (" + fileSize + " bytes, " + (HEADER_BYTES + payload + 4) + " expected).");
		final long available = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() -
			Runtime.getRuntime().freeMemory());
		if (payload > available) throw new HotPixelsException(file + ": statistics of " + width + "x" +
			height + " with " + channels + " channels need " + megabytes(payload) +
			" MB of memory, more than Java has left (" + megabytes(available) +
			" MB); give Java more memory (-Xmx).");
		return StatePayload.empty(type, width, height, channels, reach, frames);
	}

	private static PixelType typeOf(final int bitDepth) {
		for (final PixelType t : PixelType.values())
			if (t.bitDepth() == bitDepth) return t;
		return null;
	}

	private static long megabytes(final long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	private static HotPixelsException notStatistics(final Path file) {
		return new HotPixelsException(file +
			": not a statistics file of Hot Pixel Finder (written by --save-state).");
	}

	private static HotPixelsException damaged(final Path file, final String what) {
		return new HotPixelsException(file + ": impossible " + what +
			" in the header; the file is damaged.");
	}

	/**
	 * Reads the statistics files and merges them into the first, in order; a file whose type or
	 * size differs from the first is a {@link HotPixelsException} naming both files.
	 */
	public static PixelStatistics readAndMerge(final java.util.List<Path> files) {
		return readAndMergeSaved(files).statistics;
	}

	/**
	 * As {@link #readAndMerge}, also refusing files whose frames had different colour filter
	 * arrays; the CFA of the result is that of the files that know theirs.
	 */
	public static Saved readAndMergeSaved(final java.util.List<Path> files) {
		if (files.isEmpty()) throw new IllegalArgumentException("No statistics files");
		final Saved first = readSaved(files.get(0));
		final PixelStatistics merged = first.statistics;
		Saved known = first.cfaKnown ? first : null;
		Path knownFile = files.get(0);
		for (final Path f : files.subList(1, files.size())) {
			final Saved saved = readSaved(f);
			final PixelStatistics next = saved.statistics;
			if (saved.cfaKnown) {
				if (known != null && known.cfa != saved.cfa) throw new HotPixelsException(f +
					": statistics of " + saved.cfaLabel() + " cannot be merged with those of " + known
						.cfaLabel() + " (" + knownFile + ").");
				if (known == null) {
					known = saved;
					knownFile = f;
				}
			}
			if (next.type() != merged.type() || next.width() != merged.width() || next.height() != merged
				.height() || next.channels() != merged.channels() || next.residualReach() != merged
					.residualReach()) throw new HotPixelsException(f + ": statistics of " + label(next) +
						" cannot be merged with " + label(merged) + " (" + files.get(0) + ").");
			try {
				merged.merge(next);
			}
			catch (final ArithmeticException e) {
				throw new HotPixelsException(f + ": merging it exceeds the frames the statistics can " +
					"count exactly (" + e.getMessage() + ").", e);
			}
		}
		return new Saved(merged, known == null ? null : known.cfa, known != null);
	}

	/** "16-bit 640x480" or "RGB 640x480" or "16-bit 640x480, 3 channels". */
	static String label(final PixelStatistics s) {
		return s.type().label() + " " + s.width() + "x" + s.height() + (s.channels() == s.type()
			.channelsPerPlane() ? "" : ", " + s.channels() + " channels");
	}
}
