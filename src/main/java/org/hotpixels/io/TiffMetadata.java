package org.hotpixels.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.TiffDecoder;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.TiffChain;

/**
 * What a corrected copy of a TIFF keeps from its original besides the pixels: the spatial and
 * value calibration (also of signed 16-bit data), the info text and image properties, slice
 * labels, hyperstack dimensions, display ranges and lookup tables (of every channel), and the
 * overlay. Read the
 * way ImageJ reads them, from the header and the first page only.
 *
 * <pre>{@code
 * ImagePlus copy = ImageFileWriter.toImagePlus(name, correctedPages);
 * copy = TiffMetadata.read(original).applyTo(copy, 1);
 * }</pre>
 */
public final class TiffMetadata {

	private final FileInfo info;
	private final ImagePlus firstPage;
	private final Properties description;

	private TiffMetadata(final FileInfo info, final ImagePlus firstPage,
		final Properties description)
	{
		this.info = info;
		this.firstPage = firstPage;
		this.description = description;
	}

	/** Reads the metadata of {@code tiff}; throws {@link HotPixelsException} if it cannot. */
	public static TiffMetadata read(final Path tiff) {
		TiffChain.check(tiff);
		final File f = tiff.toAbsolutePath().toFile();
		final FileInfo[] infos;
		try {
			infos = new TiffDecoder(f.getParent() + File.separator, f.getName()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new HotPixelsException(tiff + ": not a readable TIFF (" + e.getMessage() + ").", e);
		}
		if (infos == null || infos.length == 0) throw new HotPixelsException(tiff +
			": not a readable TIFF (no image in it).");
		final FileInfo first = (FileInfo) infos[0].clone();
		first.nImages = 1;
		final FileOpener opener = new FileOpener(first);
		final ImagePlus page = opener.openImage();
		if (page == null) throw new HotPixelsException(tiff + ": not a readable TIFF.");
		return new TiffMetadata(infos[0], page, opener.decodeDescriptionString(infos[0]));
	}

	/**
	 * Gives {@code image} (the corrected planes of the whole file, in file order) this TIFF's
	 * metadata; returns it, or a {@link CompositeImage} over it for multi-channel data.
	 *
	 * @param planesPerFrame planes each page was read into (3 for a 48-bit RGB TIFF, else 1)
	 */
	public ImagePlus applyTo(final ImagePlus image, final int planesPerFrame) {
		final ImageStack stack = image.getStack();
		final int n = stack.getSize();
		image.setCalibration(firstPage.getCalibration().copy());
		image.setProperties(firstPage.getPropertiesAsArray());
		if (info.info != null) image.setProperty("Info", info.info);
		if (info.sliceLabels != null && info.sliceLabels.length == n) for (int i = 0; i < n; i++)
			stack.setSliceLabel(info.sliceLabels[i], i + 1);
		// a 48-bit RGB TIFF stays one: ImageJ writes a 3-channel 16-bit composite labelled
		// Red, Green, Blue as RGB48 (without the labels it would become a 3-page grey stack)
		if (info.fileType == FileInfo.RGB48 && n == 3 && planesPerFrame == 3) {
			final String[] rgb = { "Red", "Green", "Blue" };
			for (int i = 0; i < 3; i++)
				stack.setSliceLabel(rgb[i], i + 1);
		}
		final int c = number("channels"), z = number("slices"), t = number("frames");
		if (n > 1 && c * z * t == n) image.setDimensions(c, z, t);
		else if (planesPerFrame > 1) image.setDimensions(planesPerFrame, 1, n / planesPerFrame);
		if (n > 1 && description != null && "true".equals(description.getProperty("hyperstack"))) image
			.setOpenAsHyperStack(true);
		if (firstPage.getOverlay() != null) image.setOverlay(firstPage.getOverlay().duplicate());
		if (image.getBitDepth() == 24) return image;
		if (image.getNChannels() > 1) { // CompositeImage takes the channel LUTs and ranges from it
			final FileInfo fi = (FileInfo) info.clone();
			fi.directory = null;
			fi.url = null;
			image.setFileInfo(fi);
			return new CompositeImage(image, mode());
		}
		stack.setColorModel(firstPage.getProcessor().getColorModel());
		image.getProcessor().setColorModel(firstPage.getProcessor().getColorModel());
		image.setDisplayRange(firstPage.getDisplayRangeMin(), firstPage.getDisplayRangeMax());
		return image;
	}

	/** A whole number of the ImageJ description, or 1. */
	private int number(final String key) {
		if (description == null) return 1;
		try {
			return Math.max(1, (int) Double.parseDouble(description.getProperty(key, "1")));
		}
		catch (final NumberFormatException e) {
			return 1;
		}
	}

	private int mode() {
		final String mode = description == null ? null : description.getProperty("mode");
		if ("color".equals(mode)) return CompositeImage.COLOR;
		if ("gray".equals(mode) || "grayscale".equals(mode)) return CompositeImage.GRAYSCALE;
		return CompositeImage.COMPOSITE;
	}
}
