package org.hotpixels.source.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.io.TiffDecoder;

/** Reads a decoder's 16-bit greyscale TIFF output, from memory, with ImageJ's TIFF reader. */
final class MosaicTiff {

	/** A source of the TIFF's bytes that can be opened more than once. */
	interface Bytes {

		InputStream open() throws IOException;
	}

	private MosaicTiff() {}

	/**
	 * The TIFF as a GRAY16 frame named after {@code file}.
	 *
	 * @param bytes opens the TIFF from its start; called twice (header, then pixels)
	 * @throws HotPixelsException if it is not a readable single-channel 16-bit image
	 */
	static Frame read(final Path file, final String decoder, final Bytes bytes) throws IOException {
		final String name = file.getFileName().toString();
		final FileInfo[] infos;
		try (InputStream in = bytes.open()) {
			infos = new TiffDecoder(in, name).getTiffInfo();
		}
		if (infos == null || infos.length == 0 || infos[0].width <= 0) throw new HotPixelsException(
			name + ": " + decoder + " wrote no readable TIFF image for this file.");
		final FileInfo fi = infos[0];
		if (fi.fileType != FileInfo.GRAY16_UNSIGNED || fi.samplesPerPixel > 1) {
			final int channels = Math.max(1, fi.samplesPerPixel);
			throw new HotPixelsException(name + ": " + decoder + " decoded this file to a " + channels +
				"-channel " + 8 * fi.getBytesPerPixel() / channels + "-bit image, not to a 16-bit mosaic.");
		}
		final Object pixels;
		try (InputStream in = bytes.open()) {
			pixels = new ImageReader(fi).readPixels(in, fi.getOffset());
		}
		if (!(pixels instanceof short[])) throw new HotPixelsException(name + ": " + decoder +
			" wrote a truncated TIFF image for this file.");
		return Frame.of(name, PixelType.GRAY16, fi.width, fi.height, pixels);
	}
}
