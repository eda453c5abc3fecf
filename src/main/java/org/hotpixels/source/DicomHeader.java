package org.hotpixels.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.plugin.DICOM;

import org.hotpixels.progress.HotPixelsException;

/**
 * The tags of a DICOM file that must be checked before ImageJ allocates its pixels: size, number
 * of frames (a multi-frame file is refused instead of read as one frame or as a stack in one
 * go), and whether samples are signed. ImageJ's reader adds 32768 to signed 16-bit samples and
 * marks the image with its signed calibration; where an ImageJ version took the offset away
 * again for a file without negative samples (its DICOM reader has code for that), the calibration
 * says so and {@link #offsetSigned} puts it back, so every frame of a series has the same offset
 * (+32768, ImageJ's convention for signed data).
 */
final class DicomHeader {

	private final long rows;
	private final long columns;
	private final double frames;
	private final int bitsAllocated;
	private final boolean signed;

	private DicomHeader(final String info) {
		rows = (long) number(info, "0028,0010", -1);
		columns = (long) number(info, "0028,0011", -1);
		frames = number(info, "0028,0008", 1);
		bitsAllocated = (int) number(info, "0028,0100", 16);
		signed = number(info, "0028,0103", 0) == 1;
	}

	/** The header of {@code file}, or null if it is no DICOM file ("DICM" at byte 128). */
	static DicomHeader read(final Path file) throws IOException {
		final byte[] head = new byte[132];
		try (InputStream in = Files.newInputStream(file)) {
			int n = 0;
			for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0;)
				n += r;
			if (n < head.length || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' ||
				head[131] != 'M') return null;
		}
		final String info = new DICOM().getInfo(file.toString());
		return info == null ? null : new DicomHeader(info);
	}

	/** A tag's number in ImageJ's info text ("0028,0010  Rows: 512"), or {@code otherwise}. */
	private static double number(final String info, final String tag, final double otherwise) {
		final Matcher m = Pattern.compile("(?m)^" + Pattern.quote(tag) + "[^:\\n]*:\\s*([-+]?[0-9.]+)")
			.matcher(info);
		if (!m.find()) return otherwise;
		try {
			return Double.parseDouble(m.group(1));
		}
		catch (final NumberFormatException e) {
			return otherwise;
		}
	}

	/** Refuses a multi-frame file, and sizes that cannot be decoded, before any allocation. */
	void check(final Path file) {
		if (frames > 1) throw new HotPixelsException(file + ": holds " + (long) frames +
			" images (a multi-frame DICOM), but only TIFF, FITS and GIF files are read image by " +
			"image; save it as a multi-page TIFF first.");
		if (rows >= 0 && columns >= 0) ImageFileReader.checkSize(file, columns, rows, Math.max(1,
			bitsAllocated / 8));
	}

	/** Puts back the +32768 if ImageJ took it away from a signed 16-bit file. */
	void offsetSigned(final ImagePlus imp) {
		if (!signed || imp.getBitDepth() != 16 || imp.getCalibration().isSigned16Bit()) return;
		for (int s = 1; s <= imp.getStackSize(); s++) {
			final short[] p = (short[]) imp.getStack().getPixels(s);
			for (int i = 0; i < p.length; i++)
				p[i] = (short) (p[i] + 32768);
		}
	}
}
