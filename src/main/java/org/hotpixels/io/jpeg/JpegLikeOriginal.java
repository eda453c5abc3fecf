package org.hotpixels.io.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Re-encodes a picture as another JPEG file was encoded, for files that {@link JpegBlockRepair}
 * cannot repair in place (progressive ones): with the original's image metadata as ImageIO reads
 * it, so its quantisation tables (its quality), its chroma subsampling and its APPn segments (EXIF
 * as an unknown marker, the ICC profile) are written again, progressive if it was (in ImageIO's
 * standard progression, not necessarily the original's scans). Every pixel
 * may change slightly, as with any re-encoding, but the file keeps its character and size.
 *
 * <pre>{@code
 * byte[] jpeg = JpegLikeOriginal.encode(Files.readAllBytes(original), corrected);
 * }</pre>
 */
public final class JpegLikeOriginal {

	private JpegLikeOriginal() {}

	/**
	 * The picture (8-bit grey or RGB, the size of the original) encoded like {@code original};
	 * throws {@link IOException} when ImageIO cannot read the original's metadata or write with it.
	 */
	public static byte[] encode(final byte[] original, final BufferedImage picture)
		throws IOException
	{
		final Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
		final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		if (!readers.hasNext() || !writers.hasNext()) throw new IOException("no JPEG codec");
		final ImageReader reader = readers.next();
		final IIOMetadata metadata;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
			reader.setInput(in);
			metadata = reader.getImageMetadata(0);
			if (reader.getWidth(0) != picture.getWidth() || reader.getHeight(0) != picture.getHeight())
				throw new IOException("the picture is not the size of the original");
		}
		finally {
			reader.dispose();
		}
		final ImageWriter writer = writers.next();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream(original.length + 4096);
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			final ImageWriteParam param = writer.getDefaultWriteParam();
			// progressive as the original, in ImageIO's standard progression (copying the
			// original's scans from the metadata fails inside ImageIO's native writer)
			param.setProgressiveMode(progressive(metadata) ? ImageWriteParam.MODE_DEFAULT
				: ImageWriteParam.MODE_DISABLED);
			writer.write(null, new IIOImage(picture, null, metadata), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static boolean progressive(final IIOMetadata metadata) {
		final Node root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
		final NodeList sof = ((IIOMetadataNode) root).getElementsByTagName("sof");
		return sof.getLength() > 0 && "2".equals(((IIOMetadataNode) sof.item(0)).getAttribute(
			"process"));
	}
}
