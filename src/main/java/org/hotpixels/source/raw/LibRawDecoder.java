package org.hotpixels.source.raw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * LibRaw's sample programs from {@code libraw-bin}. {@code raw-identify -v} identifies a file.
 * LibRaw's {@code dcraw_emu} has no {@code -D} (its output is always black-subtracted and
 * scaled), so the mosaic comes from {@code unprocessed_raw -T}, which writes the whole raw
 * array (masked margins included, raw values, not rotated) to {@code <input>.tiff} and prints
 * the visible area's size and margins; the frame is that visible area, the array that
 * {@code dcraw_emu -P} repairs. The output goes to a temporary folder (through a link to the
 * input) that is deleted afterwards.
 */
final class LibRawDecoder extends RawDecoder {

	private static final Pattern SIZE = Pattern.compile("Image size:\\s*(\\d+)\\s*x\\s*(\\d+)");
	private static final Pattern MARGINS = Pattern.compile("Margins:\\s*top=(\\d+),\\s*left=(\\d+)");

	private final Path rawIdentify;
	private final Path unprocessedRaw;

	LibRawDecoder(final Path rawIdentify, final Path unprocessedRaw, final long timeoutMillis) {
		super(timeoutMillis);
		this.rawIdentify = rawIdentify;
		this.unprocessedRaw = unprocessedRaw;
	}

	@Override
	public String name() {
		return "LibRaw";
	}

	@Override
	public Path executable() {
		return unprocessedRaw;
	}

	@Override
	public RawDecoder withTimeout(final long time, final TimeUnit unit) {
		return new LibRawDecoder(rawIdentify, unprocessedRaw, unit.toMillis(time));
	}

	@Override
	public RawInfo identify(final Path file) throws IOException {
		requireFile(file);
		final String path = file.toAbsolutePath().toString();
		final ProcessRunner.Result result = run(Arrays.asList(rawIdentify.toString(), "-v", path),
			file);
		final RawInfo info = RawInfo.parse(file.getFileName().toString(), name(), result.stdoutText());
		if (info == null) throw failure(file, result.stderr, result.exitCode, path);
		return info;
	}

	@Override
	public Frame decode(final Path file) throws IOException {
		requireFile(file);
		final Path dir = Files.createTempDirectory("hotpixels-raw");
		try {
			final Path link = dir.resolve("frame" + extension(file));
			try {
				Files.createSymbolicLink(link, file.toAbsolutePath());
			}
			catch (final IOException | UnsupportedOperationException e) {
				Files.copy(file, link);
			}
			final ProcessRunner.Result result = run(Arrays.asList(unprocessedRaw.toString(), "-T", link
				.toString()), file);
			final Path tiff = dir.resolve(link.getFileName() + ".tiff");
			if (!Files.isRegularFile(tiff) || reportsDamage(result.stderr)) throw failure(file,
				result.stderr, result.exitCode, link.toString(), file.toAbsolutePath().toString());
			final byte[] bytes = Files.readAllBytes(tiff);
			final Frame raw = MosaicTiff.read(file, name(), () -> new ByteArrayInputStream(bytes));
			return visibleArea(file, raw, result.stdoutText());
		}
		finally {
			deleteAll(dir);
		}
	}

	@Override
	public Frame decode(final Path file, final Path deadPixelList) {
		throw new HotPixelsException(file.getFileName() + ": LibRaw's tools cannot apply " +
			deadPixelList.getFileName() + " to the raw mosaic; install dcraw for that.");
	}

	/** Cuts the visible area, whose size and margins unprocessed_raw printed, from the array. */
	private Frame visibleArea(final Path file, final Frame raw, final String report) {
		final Matcher size = SIZE.matcher(report);
		final Matcher margins = MARGINS.matcher(report);
		if (!size.find() || !margins.find()) return raw;
		final int w = Integer.parseInt(size.group(1));
		final int h = Integer.parseInt(size.group(2));
		final int top = Integer.parseInt(margins.group(1));
		final int left = Integer.parseInt(margins.group(2));
		if (left + w > raw.width() || top + h > raw.height()) throw new HotPixelsException(file
			.getFileName() + ": LibRaw reports a " + w + "x" + h + " image at (" + left + ", " + top +
			") outside its " + raw.width() + "x" + raw.height() + " raw array.");
		if (w == raw.width() && h == raw.height()) return raw;
		final short[] in = (short[]) raw.plane(0);
		final short[] out = new short[w * h];
		for (int y = 0; y < h; y++)
			System.arraycopy(in, (top + y) * raw.width() + left, out, y * w, w);
		return Frame.of(raw.name(), PixelType.GRAY16, w, h, out);
	}

	private static String extension(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot);
	}

	private static void deleteAll(final Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			dir.toFile().deleteOnExit();
		}
	}
}
