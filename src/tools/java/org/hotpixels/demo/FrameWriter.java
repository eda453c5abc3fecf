package org.hotpixels.demo;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.Frame;

import ij.ImagePlus;
import ij.io.TiffEncoder;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * Writes one single-plane frame as JPEG (javax.imageio, YCbCr with 4:2:0 chroma subsampling set
 * explicitly, as cameras do), PNG (javax.imageio) or TIFF (ImageJ's encoder).
 *
 * <pre>{@code
 * FrameWriter.write(frame, folder.resolve("frame_0000.jpg"), OutputFormat.JPEG, 90);
 * }</pre>
 */
public final class FrameWriter {

	/** JPEG quality used unless another is asked for. */
	public static final int DEFAULT_JPEG_QUALITY = 90;

	private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

	private FrameWriter() {}

	/**
	 * Writes {@code frame} to {@code file}; {@code jpegQuality} (1..100) matters only for JPEG.
	 * Throws {@link HotPixelsException} naming the file when it cannot be written.
	 */
	public static void write(final Frame frame, final Path file, final OutputFormat format,
		final int jpegQuality)
	{
		if (!format.supports(frame.type())) throw new HotPixelsException(file + ": " + format +
			" cannot hold " + frame.type().label() + " images.");
		if (frame.planeCount() != 1) throw new HotPixelsException(file +
			": only single-plane frames can be written.");
		if (jpegQuality < 1 || jpegQuality > 100) throw new HotPixelsException(file +
			": JPEG quality must be between 1 and 100, not " + jpegQuality + ".");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			switch (format) {
				case JPEG :
					writeJpeg(image(frame), out, jpegQuality);
					break;
				case PNG :
					if (!ImageIO.write(image(frame), "png", out)) throw new IOException("no PNG writer");
					break;
				default :
					writeTiff(frame, out);
			}
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot write the image (" + e.getMessage() + ").", e);
		}
	}

	private static BufferedImage image(final Frame frame) {
		final int w = frame.width(), h = frame.height();
		final BufferedImage image;
		switch (frame.type()) {
			case GRAY8 :
				image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
				break;
			case GRAY16 :
				image = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
				break;
			case RGB :
				image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
				break;
			default :
				throw new IllegalArgumentException("No BufferedImage for " + frame.type());
		}
		image.getRaster().setDataElements(0, 0, w, h, frame.plane(0));
		return image;
	}

	private static void writeJpeg(final BufferedImage image, final OutputStream out,
		final int quality) throws IOException
	{
		final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		if (!writers.hasNext()) throw new IOException("no JPEG writer");
		final ImageWriter writer = writers.next();
		try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			final ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality / 100f);
			final IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image),
				param);
			if (image.getType() == BufferedImage.TYPE_INT_RGB) subsampleChroma(metadata);
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, metadata), param);
		}
		finally {
			writer.dispose();
		}
	}

	/** Luma sampled 2x2, both chroma components 1x1: 4:2:0 (ImageIO's default, made sure). */
	private static void subsampleChroma(final IIOMetadata metadata) throws IOException {
		final IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
		final org.w3c.dom.NodeList components = root.getElementsByTagName("componentSpec");
		for (int i = 0; i < components.getLength(); i++) {
			final IIOMetadataNode c = (IIOMetadataNode) components.item(i);
			final String factor = i == 0 ? "2" : "1";
			c.setAttribute("HsamplingFactor", factor);
			c.setAttribute("VsamplingFactor", factor);
		}
		metadata.setFromTree(JPEG_METADATA, root);
	}

	private static void writeTiff(final Frame frame, final OutputStream out) throws IOException {
		final ImagePlus imp = new ImagePlus(frame.name(), processor(frame));
		new TiffEncoder(imp.getFileInfo()).write(out);
	}

	private static ImageProcessor processor(final Frame frame) {
		final int w = frame.width(), h = frame.height();
		switch (frame.type()) {
			case GRAY8 :
				return new ByteProcessor(w, h, (byte[]) frame.plane(0));
			case GRAY16 :
				return new ShortProcessor(w, h, (short[]) frame.plane(0), null);
			case GRAY32 :
				return new FloatProcessor(w, h, (float[]) frame.plane(0));
			default :
				return new ColorProcessor(w, h, (int[]) frame.plane(0));
		}
	}
}
