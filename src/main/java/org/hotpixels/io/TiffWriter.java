package org.hotpixels.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.TiffEncoder;

/**
 * Writes an ImagePlus (image or stack) as an ImageJ TIFF with its slice labels, calibration,
 * info, display range and overlay, like File > Save As > Tiff, but raising I/O errors instead of
 * showing a dialog, so front ends decide how to report them.
 */
public final class TiffWriter {

	private TiffWriter() {}

	/** Encodes {@code imp} as TIFF into {@code out} (not closed). */
	public static void write(final ImagePlus imp, final OutputStream out) throws IOException {
		final FileInfo fi = imp.getFileInfo();
		final FileSaver saver = new FileSaver(imp);
		fi.info = imp.getInfoProperty();
		fi.description = saver.getDescriptionString();
		if (imp.getStackSize() > 1) fi.sliceLabels = imp.getStack().getSliceLabels();
		else if (imp.getStack().getSliceLabel(1) != null) fi.sliceLabels = new String[]{ imp.getStack()
			.getSliceLabel(1) };
		fi.overlay = FileSaver.getOverlay(imp);
		fi.properties = imp.getPropertiesAsArray();
		if (imp.isComposite()) saver.saveDisplayRangesAndLuts(imp, fi);
		final DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
		new TiffEncoder(fi).write(data);
		data.flush();
	}
}
