package org.hotpixels.correct;

import java.util.List;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;

import org.hotpixels.detect.Defect;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.ImagePlusFrameSource;

/**
 * Corrects an open image (single image, stack, hyperstack or virtual stack) into a new
 * {@link ImagePlus} titled "&lt;title&gt;-corrected"; the original is only read. Frames and
 * channels are those of {@link ImagePlusFrameSource}, as Find Hot Pixels sees the image: the
 * channels of a hyperstack are channels of one frame (channel index = c - 1). The copy keeps the
 * dimensions, slice labels, calibration, info, properties, display range, channel lookup tables
 * and overlay. A virtual stack becomes an ordinary stack.
 *
 * <pre>{@code
 * ImagePlus repaired = ImageCorrection.correct(imp, defects, null, Progress.NONE);
 * }</pre>
 */
public final class ImageCorrection {

	/** Appended to the title of the corrected image. */
	public static final String SUFFIX = "-corrected";

	private ImageCorrection() {}

	/**
	 * Returns a corrected copy of {@code image}. Throws {@link org.hotpixels.progress.HotPixelsException}
	 * for a defect outside the image or in a channel it does not have, and
	 * {@link org.hotpixels.progress.CancelledException} when cancelled between frames.
	 *
	 * @param cfa the colour filter array of a raw mosaic, or null
	 */
	public static ImagePlus correct(final ImagePlus image, final List<Defect> defects,
		final CfaPattern cfa, final Progress progress)
	{
		final ImagePlusFrameSource source = new ImagePlusFrameSource(image);
		final ImageStack in = image.getStack();
		final Object[] planes = new Object[in.getSize()];
		final int slices = image.getNSlices(), n = source.size();
		DefectCorrector corrector = null;
		for (int i = 0; i < n; i++) {
			progress.checkCancelled();
			progress.progress(i, n, "Correcting " + source.name(i));
			final Frame frame = source.read(i);
			if (corrector == null) corrector = DefectCorrector.forFrame(defects, frame, cfa, false);
			final Frame corrected = corrector.correct(frame);
			for (int c = 0; c < corrected.planeCount(); c++)
				planes[image.getStackIndex(c + 1, i % slices + 1, i / slices + 1) - 1] = corrected.plane(c);
		}
		progress.progress(n, n, "Corrected " + image.getTitle());
		final ImageStack out = new ImageStack(image.getWidth(), image.getHeight(), image.getProcessor()
			.getColorModel());
		for (int s = 0; s < planes.length; s++)
			out.addSlice(in.getSliceLabel(s + 1), planes[s]);
		return withMetadata(image, out);
	}

	/** A new image over {@code stack} with the dimensions and metadata of {@code image}. */
	private static ImagePlus withMetadata(final ImagePlus image, final ImageStack stack) {
		ImagePlus out = image.createImagePlus();
		out.setStack(image.getTitle() + SUFFIX, stack);
		out.setDimensions(image.getNChannels(), image.getNSlices(), image.getNFrames());
		out.setCalibration(image.getCalibration().copy());
		if (image.isComposite()) {
			out = new CompositeImage(out, ((CompositeImage) image).getMode());
			((CompositeImage) out).copyLuts(image);
		}
		else out.setDisplayRange(image.getDisplayRangeMin(), image.getDisplayRangeMax());
		if (image.isHyperStack()) out.setOpenAsHyperStack(true);
		if (image.getOverlay() != null) out.setOverlay(image.getOverlay().duplicate());
		out.setPosition(image.getC(), image.getZ(), image.getT());
		return out;
	}
}
