package org.hotpixels.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.hotpixels.progress.HotPixelsException;

/**
 * Animated images: every frame of an animated GIF is a frame of the series, provided each is a
 * whole picture; an animated PNG, which Java would read as its first frame only, is refused.
 *
 * <pre>{@code
 * int frames = AnimatedImages.gifFrames(Paths.get("anim.gif"));
 * }</pre>
 */
final class AnimatedImages {

	private AnimatedImages() {}

	/**
	 * An animated PNG (an acTL chunk before the image data) would be read as its first frame only:
	 * refused.
	 */
	static void checkNotAnimatedPng(final Path file) throws IOException {
		try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
			Files.newInputStream(file))))
		{
			final byte[] signature = new byte[8];
			in.readFully(signature);
			if ((signature[0] & 0xff) != 0x89 || signature[1] != 'P' || signature[2] != 'N' ||
				signature[3] != 'G') return;
			for (int chunk = 0; chunk < 10_000; chunk++) {
				final long length = in.readInt() & 0xffffffffL;
				final int type = in.readInt();
				if (type == 0x49444154) return; // IDAT: the image data begins
				if (type == 0x6163544c) { // acTL
					final int frames = in.readInt();
					throw new HotPixelsException(file + ": is an animated PNG of " + (frames & 0xffffffffL) +
						" frames, of which Java reads only the first; save the frames " +
						"as separate images first.");
				}
				for (long skip = length + 4; skip > 0;) {
					final long n = in.skip(skip);
					if (n <= 0) return;
					skip -= n;
				}
			}
		}
		catch (final java.io.EOFException e) {
			return; // too short for a PNG: the decoder says what is wrong
		}
	}

	/** Frames of a GIF (an animation has several), counted by ImageIO's GIF reader. */
	static int gifFrames(final Path file) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return 1;
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				return Math.max(1, reader.getNumImages(true));
			}
			finally {
				reader.dispose();
			}
		}
		catch (final IOException | RuntimeException e) {
			return 1; // reading it tells what is wrong, in order
		}
	}

	/**
	 * Frames of an animated GIF after the first usually only update part of the picture; those
	 * are refused, since a frame is always a whole picture here.
	 */
	static void checkWholeGifFrame(final Path file, final ImageReader reader, final int index)
		throws IOException
	{
		final javax.imageio.metadata.IIOMetadata stream = reader.getStreamMetadata();
		final javax.imageio.metadata.IIOMetadata image = reader.getImageMetadata(index);
		if (stream == null || image == null) return;
		final org.w3c.dom.Node s = stream.getAsTree("javax_imageio_gif_stream_1.0");
		final org.w3c.dom.Node i = image.getAsTree("javax_imageio_gif_image_1.0");
		final String sw = attribute(s, "LogicalScreenDescriptor", "logicalScreenWidth");
		final String sh = attribute(s, "LogicalScreenDescriptor", "logicalScreenHeight");
		final String iw = attribute(i, "ImageDescriptor", "imageWidth");
		final String ih = attribute(i, "ImageDescriptor", "imageHeight");
		final String left = attribute(i, "ImageDescriptor", "imageLeftPosition");
		final String top = attribute(i, "ImageDescriptor", "imageTopPosition");
		if (sw == null || iw == null) return;
		if (!sw.equals(iw) || !sh.equals(ih) || !"0".equals(left) || !"0".equals(top))
			throw new HotPixelsException(file + ": frame " + (index + 1) + " of this animated GIF " +
				"only updates a " + iw + "x" + ih + " part of the " + sw + "x" + sh +
				" picture; save the animation's frames as whole images first.");
	}

	private static String attribute(final org.w3c.dom.Node root, final String element,
		final String name)
	{
		for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling())
			if (n.getNodeName().equals(element)) {
				final org.w3c.dom.Node a = n.getAttributes().getNamedItem(name);
				return a == null ? null : a.getNodeValue();
			}
		return null;
	}
}
