package org.hotpixels.source.raw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;

/**
 * A series of camera RAW files, each read as its undemosaiced 16-bit sensor mosaic (one GRAY16
 * plane) by an installed {@link RawDecoder}. The first file fixes the mosaic size and the colour
 * filter pattern; a file that differs is an error naming it. Reading frame {@code i} runs the
 * decoder on file {@code i} only, so several frames can be decoded at once on worker threads.
 *
 * <pre>{@code
 * try (RawFrameSource raws = new RawFrameSource(files)) {
 *     CfaPattern cfa = raws.cfaPattern(); // RGGB, ... (null: monochrome sensor)
 *     Frame mosaic = raws.read(0);        // GRAY16, sensor coordinates of dcraw -P
 * }
 * }</pre>
 */
public final class RawFrameSource implements FrameSource {

	private static final Set<String> EXTENSIONS = new HashSet<>(Arrays.asList("nef", "nrw", "cr2",
		"cr3", "crw", "arw", "srf", "sr2", "raf", "orf", "rw2", "pef", "dng", "srw", "x3f", "3fr",
		"erf", "kdc", "mrw", "iiq", "rwl"));

	private final List<Path> files;
	private final RawDecoder decoder;
	private final RawInfo first;

	/**
	 * A series over {@code files} with the installed decoder; identifies the first file.
	 *
	 * @throws HotPixelsException if there is no decoder, or the first file cannot be read
	 */
	public RawFrameSource(final List<Path> files) throws IOException {
		this(files, files.isEmpty() ? null : RawDecoder.find(files.get(0)));
	}

	/** A series over {@code files} read with {@code decoder}; identifies the first file. */
	public RawFrameSource(final List<Path> files, final RawDecoder decoder) throws IOException {
		if (files.isEmpty()) throw new HotPixelsException("No RAW files to read.");
		this.files = Collections.unmodifiableList(new ArrayList<>(files));
		this.decoder = decoder;
		this.first = decoder.identify(this.files.get(0));
	}

	/** True if the file name ends with a camera RAW extension (NEF, CR2, DNG, ...; any case). */
	public static boolean isRawFile(final Path file) {
		final Path name = file.getFileName();
		if (name == null) return false;
		final String s = name.toString();
		final int dot = s.lastIndexOf('.');
		return dot >= 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** The colour filter pattern at (0, 0) of every frame; null for a monochrome sensor. */
	@Override
	public CfaPattern cfaPattern() {
		return first.cfaPattern();
	}

	/** "Make Model" as the decoder reports it for the first file. */
	@Override
	public String camera() {
		return first.camera();
	}

	/** What the decoder says about the first file (size, pattern, camera). */
	public RawInfo info() {
		return first;
	}

	/** The decoder that reads the files. */
	public RawDecoder decoder() {
		return decoder;
	}

	/** The files, in series order. */
	public List<Path> files() {
		return files;
	}

	@Override
	public int size() {
		return files.size();
	}

	@Override
	public String name(final int index) {
		return files.get(index).getFileName().toString();
	}

	/**
	 * Decodes file {@code index}.
	 *
	 * @throws HotPixelsException if it cannot be decoded, or its size or colour filter pattern
	 *           differs from the first file's
	 */
	@Override
	public Frame read(final int index) throws IOException {
		final Path file = files.get(index);
		final RawInfo info = index == 0 ? first : decoder.identify(file);
		if (info.width() != first.width() || info.height() != first.height() || info
			.cfaPattern() != first.cfaPattern()) throw new HotPixelsException(name(index) +
				": its sensor mosaic is " + info.shapeLabel() + ", but " + first.fileName() +
				" (the first frame) is " + first.shapeLabel() + ".");
		final Frame frame = decoder.decode(file);
		if (frame.width() != first.width() || frame.height() != first.height())
			throw new HotPixelsException(name(index) + ": " + decoder.name() + " decoded it to " + frame
				.width() + "x" + frame.height() + " pixels, but identified it as " + info.width() + "x" +
				info.height() + ".");
		return frame;
	}
}
