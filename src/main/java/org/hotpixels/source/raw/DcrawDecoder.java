package org.hotpixels.source.raw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotpixels.source.Frame;

/**
 * Dave Coffin's dcraw. {@code -i -v} identifies a file; {@code -D -4 -T -t 0 -c} writes the
 * undemosaiced mosaic as a 16-bit TIFF to standard output: {@code -D} is document mode without
 * scaling (no black subtraction, no white balance; it also implies {@code -j}, so Fuji SuperCCD
 * images are not rotated and no pixel aspect stretching happens), {@code -4} linear 16-bit
 * without auto brightening, {@code -t 0} ignores the camera's orientation tag. {@code -P} applies
 * a dead pixel list to the same array before it is written. Without {@code -P}, dcraw applies
 * any file named {@code .badpixels} in the current folder or a folder above it, so a plain
 * decode passes {@code -P /dev/null} (an empty list): a stranger's list never changes a frame.
 */
final class DcrawDecoder extends RawDecoder {

	/** An empty dead pixel list: keeps dcraw from looking for {@code .badpixels} files. */
	static final String NO_LIST = java.io.File.separatorChar == '/' ? "/dev/null" : "NUL";

	private final Path dcraw;

	DcrawDecoder(final Path dcraw, final long timeoutMillis) {
		super(timeoutMillis);
		this.dcraw = dcraw;
	}

	@Override
	public String name() {
		return "dcraw";
	}

	@Override
	public Path executable() {
		return dcraw;
	}

	@Override
	public RawDecoder withTimeout(final long time, final TimeUnit unit) {
		return new DcrawDecoder(dcraw, unit.toMillis(time));
	}

	@Override
	public RawInfo identify(final Path file) throws IOException {
		requireFile(file);
		final String path = file.toAbsolutePath().toString();
		final ProcessRunner.Result result = run(Arrays.asList(dcraw.toString(), "-i", "-v", path),
			file);
		final RawInfo info = result.exitCode != 0 ? null : RawInfo.parse(file.getFileName().toString(),
			name(), result.stdoutText());
		if (info == null) throw failure(file, result.stderr, result.exitCode, path);
		return info;
	}

	@Override
	public Frame decode(final Path file) throws IOException {
		return decode(file, null);
	}

	@Override
	public Frame decode(final Path file, final Path deadPixelList) throws IOException {
		requireFile(file);
		if (deadPixelList != null) requireFile(deadPixelList);
		final String path = file.toAbsolutePath().toString();
		final List<String> command = new ArrayList<>(Arrays.asList(dcraw.toString(), "-D", "-4", "-T",
			"-t", "0"));
		command.addAll(Arrays.asList("-P", deadPixelList != null ? deadPixelList.toAbsolutePath()
			.toString() : NO_LIST));
		command.addAll(Arrays.asList("-c", path));
		final ProcessRunner.Result result = run(command, file);
		if (result.exitCode != 0 || result.stdoutLength() == 0 || reportsDamage(result.stderr))
			throw failure(file, result.stderr, result.exitCode, path);
		return MosaicTiff.read(file, name(), result::stdoutStream);
	}
}
