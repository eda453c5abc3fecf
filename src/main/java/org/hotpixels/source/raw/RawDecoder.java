package org.hotpixels.source.raw;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.Frame;

/**
 * Decodes camera RAW files to the undemosaiced 16-bit sensor mosaic through an installed
 * decoder program: Dave Coffin's {@code dcraw} (preferred), else LibRaw's command-line tools
 * ({@code raw-identify} and {@code unprocessed_raw} from the Debian package {@code libraw-bin}).
 * The system property {@value #PATH_PROPERTY} names the program to use instead of searching the
 * {@code PATH}; a name starting with {@code dcraw_emu}, {@code raw-identify} or
 * {@code unprocessed_raw} selects LibRaw's tools in that folder.
 * <p>
 * <b>Coordinates.</b> The mosaic is the decoder's "image" array: the visible sensor area
 * without masked margins (dcraw's {@code top_margin}/{@code left_margin}; a DNG's ActiveArea),
 * not rotated by the camera's orientation tag, with raw values (no black subtraction, no
 * scaling). With dcraw these are exactly the coordinates of {@code dcraw -P} dead pixel files
 * ("column row time" lines): dcraw applies {@code -P} to the same array that {@code -D} writes,
 * and {@code -t 0} keeps the orientation tag from rotating the output. For Fuji SuperCCD
 * sensors both are dcraw's 45-degree layout. With LibRaw they are LibRaw's visible area, which
 * {@code dcraw_emu -P} uses; LibRaw may choose other margins than dcraw (for a DNG with odd
 * ActiveArea offsets it rounds them up to even), so a defect list belongs to the decoder that
 * made it.
 *
 * <pre>{@code
 * RawDecoder decoder = RawDecoder.find(file); // dcraw or LibRaw, or a message to install one
 * RawInfo info = decoder.identify(file);      // size, CFA pattern, camera
 * Frame mosaic = decoder.decode(file);        // GRAY16, info.width() x info.height()
 * }</pre>
 */
public abstract class RawDecoder {

	/** System property naming the decoder program to use. */
	public static final String PATH_PROPERTY = "hotpixels.dcraw";

	/** How long one decoder run may take before it is killed. */
	public static final long DEFAULT_TIMEOUT_SECONDS = 120;

	private static final String NOT_RAW = "not a RAW file it knows";

	private static final String INSTALL =
		"install dcraw (apt-get install dcraw) or LibRaw's tools (libraw-bin) to read ";

	final long timeoutMillis;

	RawDecoder(final long timeoutMillis) {
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * The installed decoder, to read {@code file}.
	 *
	 * @throws HotPixelsException "No RAW decoder found: install dcraw (apt-get install dcraw) or
	 *           LibRaw's tools (libraw-bin) to read IMG_0001.CR2."
	 */
	public static RawDecoder find(final Path file) {
		final RawDecoder decoder = locate();
		if (decoder != null) return decoder;
		final String override = DecoderSearch.override();
		throw new HotPixelsException("No RAW decoder found" + (override == null ? "" : " at " +
			override + " (system property " + PATH_PROPERTY + ")") + ": " + INSTALL + file.getFileName() +
			".");
	}

	/**
	 * The installed decoder, or null if there is none: the program named by the system property
	 * {@value #PATH_PROPERTY} if set, else dcraw on the PATH, else LibRaw's tools on the PATH.
	 */
	public static RawDecoder locate() {
		return DecoderSearch.locate(TimeUnit.SECONDS.toMillis(DEFAULT_TIMEOUT_SECONDS));
	}

	/** "dcraw" or "LibRaw", for messages. */
	public abstract String name();

	/** The decoder program (for LibRaw: {@code unprocessed_raw}). */
	public abstract Path executable();

	/** This decoder with another time limit per run. */
	public abstract RawDecoder withTimeout(long time, TimeUnit unit);

	/**
	 * Asks the decoder about {@code file} without decoding its pixels ({@code dcraw -i -v}).
	 *
	 * @throws HotPixelsException if the decoder cannot read the file, or its sensor has no 2x2
	 *           Bayer pattern
	 */
	public abstract RawInfo identify(Path file) throws IOException;

	/**
	 * Decodes {@code file} to its undemosaiced sensor mosaic, raw values, in the coordinates
	 * described in the class comment ({@code dcraw -D -4 -T -t 0 -c file}).
	 *
	 * @throws HotPixelsException naming the file and the decoder's message if it fails
	 */
	public abstract Frame decode(Path file) throws IOException;

	/**
	 * Decodes {@code file} as {@link #decode(Path)}, with the defects listed in a dcraw dead
	 * pixel file repaired by the decoder ({@code dcraw -P list}): shows what dcraw makes of a
	 * list. dcraw only.
	 *
	 * @throws HotPixelsException with LibRaw, which has no raw mosaic output with {@code -P}
	 */
	public abstract Frame decode(Path file, Path deadPixelList) throws IOException;

	/** Runs a decoder command; a time-out or a failure to start becomes a one-line message. */
	final ProcessRunner.Result run(final List<String> command, final Path file) throws IOException {
		try {
			return ProcessRunner.run(command, timeoutMillis);
		}
		catch (final ProcessRunner.TimeoutException e) {
			throw new HotPixelsException(file.getFileName() + ": " + name() + " " + e.getMessage() + ".",
				e);
		}
		catch (final IOException e) {
			if (e instanceof InterruptedIOException) throw e;
			throw new HotPixelsException(file.getFileName() + ": cannot run " + command.get(0) + " (" + e
				.getMessage() + ").", e);
		}
	}

	/**
	 * "IMG_0001.CR2: dcraw cannot decode this file: Unexpected end of file." The decoder's
	 * messages lose the file paths they repeat, and become one line.
	 */
	final HotPixelsException failure(final Path file, final String stderr, final int exitCode,
		final String... paths)
	{
		final String name = file.getFileName().toString();
		final String quoted = Pattern.quote(name);
		final Set<String> details = new LinkedHashSet<>();
		for (String line : stderr.split("\\R")) {
			for (final String p : paths)
				line = line.replace(p, name);
			line = line.trim().replaceAll("^Cannot decode file " + quoted + "$", NOT_RAW).replaceAll("^" +
				quoted + ":\\s*", "").replaceAll("^Cannot (open|decode|unpack) " + quoted + ":\\s*", "")
				.trim();
			if (!line.isEmpty()) details.add(line);
		}
		final String detail = !details.isEmpty() ? String.join("; ", details) : exitCode == 0
			? "it wrote no image" : NOT_RAW;
		final String text = detail.length() > 300 ? detail.substring(0, 300) + "..." : detail;
		return new HotPixelsException(name + ": " + name() + " cannot decode this file: " + text + (text
			.endsWith(".") ? "" : "."));
	}

	/** Fails with "IMG_0001.CR2: no such file." unless {@code file} is a readable file. */
	static void requireFile(final Path file) {
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new HotPixelsException(file
			.getFileName() + (Files.exists(file) ? ": cannot read this file." : ": no such file."));
	}

	/** True if stderr reports damaged data although the decoder finished. */
	static boolean reportsDamage(final String stderr) {
		return stderr.contains("Unexpected end of file") || stderr.contains("Corrupt data");
	}
}
