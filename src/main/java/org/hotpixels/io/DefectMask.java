package org.hotpixels.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.plugin.PNG_Writer;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.QuietStreams;
import org.hotpixels.detect.Defect;

/**
 * A defect mask image: non-zero (and not NaN) pixels are defects.
 * <ul>
 * <li>A single-slice grey mask (8, 16 or 32-bit) gives one pixel defect of
 * {@link Defect#ALL_CHANNELS} per non-zero pixel.</li>
 * <li>A mask with several slices has one slice per channel (slice 1 = channel 0); an RGB mask
 * has its red, green and blue bytes for channels 0, 1 and 2. A pixel set in every channel gives
 * one {@link Defect#ALL_CHANNELS} defect, otherwise one defect per channel it is set in.</li>
 * </ul>
 * Writing makes an 8-bit mask (255 = defect, 0 = good) of one slice when the image has one
 * channel or every defect is of {@link Defect#ALL_CHANNELS}, else one slice per channel; a file
 * ending in {@code .png} is saved as PNG (one slice only), anything else as TIFF.
 *
 * <pre>{@code
 * DefectMask.write(Paths.get("mask.tif"), defects, 640, 480, 1);
 * List<Defect> again = DefectMask.read(Paths.get("mask.tif"));
 * }</pre>
 */
public final class DefectMask {

	private DefectMask() {}

	/** Reads a mask image with ImageJ's {@link Opener}. */
	public static List<Defect> read(final Path path) throws IOException {
		if (!Files.isRegularFile(path)) throw new HotPixelsException("Cannot find the mask " + path +
			".");
		// refuses, among others, a TIFF whose page chain loops (ImageJ's reader would never end)
		org.hotpixels.source.ImageFileReader.pageCount(path);
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final ImagePlus mask = QuietStreams.call(() -> opener.openImage(path.toAbsolutePath()
			.toString()));
		if (mask == null) throw new HotPixelsException(TextLines.fileName(path) +
			" is not an image that ImageJ can open as a mask.");
		return defects(mask);
	}

	/** The defects a mask image marks; see the class description. */
	public static List<Defect> defects(final ImagePlus mask) {
		final ImageStack stack = mask.getStack();
		final int w = stack.getWidth(), h = stack.getHeight();
		final boolean rgb = mask.getBitDepth() == 24;
		final int channels = rgb ? 3 : stack.getSize();
		final ImageProcessor[] slices = new ImageProcessor[stack.getSize()];
		for (int s = 0; s < slices.length; s++)
			slices[s] = stack.getProcessor(s + 1);
		final boolean[] set = new boolean[channels];
		final List<Defect> defects = new ArrayList<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int count = 0;
				for (int c = 0; c < channels; c++) {
					set[c] = rgb ? (slices[0].get(x, y) >> (16 - 8 * c) & 0xff) != 0 : isSet(slices[c], x, y);
					if (set[c]) count++;
				}
				if (count == channels) defects.add(Defect.pixel(x, y, Defect.ALL_CHANNELS));
				else if (count > 0) for (int c = 0; c < channels; c++)
					if (set[c]) defects.add(Defect.pixel(x, y, c));
			}
		return defects;
	}

	private static boolean isSet(final ImageProcessor ip, final int x, final int y) {
		final float v = ip.getf(x, y);
		return v != 0 && !Float.isNaN(v);
	}

	/**
	 * An 8-bit mask of the defects (255 = defect) for a {@code width x height} image with
	 * {@code channels} channels; boxes are clipped to the image. Throws
	 * {@link HotPixelsException} for a defect whose peak lies outside the image or whose channel
	 * the image does not have.
	 */
	public static ImagePlus image(final List<Defect> defects, final int width, final int height,
		final int channels)
	{
		boolean allChannels = true;
		for (final Defect d : defects)
			allChannels &= d.channel() == Defect.ALL_CHANNELS;
		final int slices = channels == 1 || allChannels ? 1 : channels;
		final ImageStack stack = new ImageStack(width, height);
		for (int s = 0; s < slices; s++)
			stack.addSlice(slices == 1 ? "defects" : "channel " + s, new ByteProcessor(width, height));
		for (final Defect d : defects) {
			if (d.x() < 0 || d.y() < 0 || d.x() >= width || d.y() >= height) throw new HotPixelsException(
				"Defect at (" + d.x() + ", " + d.y() + ") lies outside the " + width + "x" + height +
					" image.");
			if (d.channel() != Defect.ALL_CHANNELS && (d.channel() < 0 || d.channel() >= channels))
				throw new HotPixelsException("Defect at (" + d.x() + ", " + d.y() + ") is in channel " + d
					.channel() + ", but the image has " + channels + " channel(s).");
			final int s0 = slices == 1 || d.channel() == Defect.ALL_CHANNELS ? 0 : d.channel();
			final int s1 = slices == 1 ? 0 : d.channel() == Defect.ALL_CHANNELS ? slices - 1 : s0;
			for (int s = s0; s <= s1; s++) {
				final byte[] pixels = (byte[]) stack.getPixels(s + 1);
				for (int y = Math.max(0, d.yMin()); y <= Math.min(height - 1, d.yMax()); y++)
					for (int x = Math.max(0, d.xMin()); x <= Math.min(width - 1, d.xMax()); x++)
						pixels[y * width + x] = (byte) 255;
			}
		}
		final ImagePlus imp = new ImagePlus("defect mask", stack);
		if (slices > 1) imp.setDimensions(slices, 1, 1);
		return imp;
	}

	/** Writes the mask of {@link #image} as TIFF (or PNG for a .png name), atomically. */
	public static void write(final Path path, final List<Defect> defects, final int width,
		final int height, final int channels) throws IOException
	{
		final ImagePlus mask = image(defects, width, height, channels);
		final boolean png = TextLines.fileName(path).toLowerCase(Locale.ROOT).endsWith(".png");
		if (png && mask.getStackSize() > 1) throw new HotPixelsException(TextLines.fileName(path) +
			": a mask with one slice per channel needs TIFF, not PNG.");
		if (png) AtomicOutput.writeFile(path, tmp -> {
			try {
				new PNG_Writer().writeImage(mask, tmp.toString(), -1);
			}
			catch (final IOException e) {
				throw e;
			}
			catch (final Exception e) {
				throw new IOException("Could not write " + path + ": " + e.getMessage(), e);
			}
		});
		else {
			final byte[] tiff = new FileSaver(mask).serialize();
			if (tiff == null) throw new IOException("Could not encode the mask as TIFF.");
			AtomicOutput.write(path, out -> out.write(tiff));
		}
	}
}
