package org.hotpixels.source;

import ij.ImagePlus;
import ij.ImageStack;

/**
 * The frames of an open ImageJ image, without copying: every (z, t) position of a stack or
 * hyperstack is a frame, and its channels stay separate channels of that frame. A virtual stack
 * is read one plane at a time, on one thread.
 *
 * <pre>{@code
 * FrameSource frames = new ImagePlusFrameSource(IJ.getImage());
 * }</pre>
 */
public final class ImagePlusFrameSource implements FrameSource {

	private final ImagePlus image;
	private final int slices;
	private final int positions;

	public ImagePlusFrameSource(final ImagePlus image) {
		this.image = image;
		this.slices = image.getNSlices();
		this.positions = image.getNSlices() * image.getNFrames();
	}

	@Override
	public int size() {
		return positions;
	}

	@Override
	public String name(final int index) {
		final int z = index % slices + 1, t = index / slices + 1;
		final ImageStack stack = image.getStack();
		final String label = stack.getShortSliceLabel(image.getStackIndex(1, z, t));
		return label != null && !label.isEmpty() ? label : image.getTitle() + " frame " + (index + 1);
	}

	@Override
	public Frame read(final int index) {
		return frameOf(image, name(index), index % slices + 1, index / slices + 1);
	}

	/** A regular stack's frames are its own arrays: wrapping them costs nothing. */
	@Override
	public boolean inMemory() {
		return !image.getStack().isVirtual();
	}

	/** A virtual stack reads files on demand and is not safe to read from several threads. */
	@Override
	public boolean parallelReads() {
		return !image.getStack().isVirtual();
	}

	/**
	 * The frame at 1-based (z, t) of {@code image}, all channels, over its own pixel arrays; as an
	 * ImgLib2 image (x, y, channel) without copying: {@code frameOf(imp, name, z, t).image()}.
	 */
	public static Frame frameOf(final ImagePlus image, final String name, final int z, final int t) {
		final ImageStack stack = image.getStack();
		final int channels = image.getNChannels();
		final Object[] planes = new Object[channels];
		for (int c = 0; c < channels; c++) {
			final int n = image.getStackIndex(c + 1, z, t);
			planes[c] = stack.isVirtual() ? stack.getProcessor(n).getPixels() : stack.getPixels(n);
		}
		final PixelType type = PixelType.ofBitDepth(image.getBitDepth());
		return Frame.of(name, type, image.getWidth(), image.getHeight(), planes);
	}
}
