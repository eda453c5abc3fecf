package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata a corrected copy takes over from its original TIFF. */
class TiffMetadataTest {

	@TempDir
	Path tmp;

	@Test
	void aCompositeGetsItsModeLutsDisplayRangesAndLabels() {
		final ImageStack stack = new ImageStack(20, 10);
		for (int i = 0; i < 6; i++)
			stack.addSlice("label " + i, new ByteProcessor(20, 10));
		final ImagePlus plain = new ImagePlus("h", stack);
		plain.setDimensions(2, 3, 1);
		final CompositeImage original = new CompositeImage(plain, CompositeImage.COLOR);
		original.setChannelLut(LUT.createLutFromColor(Color.orange), 2);
		original.setPosition(2, 1, 1);
		original.setDisplayRange(10, 90);
		final Path file = tmp.resolve("h.tif");
		assertTrue(new FileSaver(original).saveAsTiff(file.toString()));
		final ImageStack copy = new ImageStack(20, 10);
		for (int i = 0; i < 6; i++)
			copy.addSlice(null, new ByteProcessor(20, 10));
		final ImagePlus out = TiffMetadata.read(file).applyTo(new ImagePlus("copy", copy), 1);
		assertTrue(out.isComposite());
		assertEquals(CompositeImage.COLOR, ((CompositeImage) out).getMode());
		assertEquals(Color.orange.getRGB(), ((CompositeImage) out).getChannelLut(2).getRGB(255));
		assertEquals(90, ((CompositeImage) out).getChannelLut(2).max, 0.0);
		assertEquals("label 5", out.getStack().getSliceLabel(6));
		assertEquals(3, out.getNSlices());
	}

	@Test
	void aSingleImageGetsCalibrationInfoLutAndDisplayRange() {
		final ImagePlus original = new ImagePlus("s", new ShortProcessor(20, 10));
		original.getCalibration().setSigned16BitCalibration();
		original.getCalibration().pixelWidth = 3;
		original.getCalibration().setUnit("nm");
		original.setProperty("Info", "note");
		original.getProcessor().setLut(LUT.createLutFromColor(Color.cyan));
		original.setDisplayRange(100, 4000);
		final Path file = tmp.resolve("s.tif");
		assertTrue(new FileSaver(original).saveAsTiff(file.toString()));
		final ImagePlus out = TiffMetadata.read(file).applyTo(new ImagePlus("copy", new ShortProcessor(
			20, 10)), 1);
		assertTrue(out.getCalibration().isSigned16Bit());
		assertEquals(3, out.getCalibration().pixelWidth, 1e-5); // a TIFF rational
		assertEquals("nm", out.getCalibration().getUnit());
		assertEquals("note", out.getInfoProperty());
		assertEquals(Color.cyan.getRGB(), out.getProcessor().getLut().getRGB(255));
		assertEquals(100, out.getDisplayRangeMin(), 0.0);
		assertEquals(4000, out.getDisplayRangeMax(), 0.0);
	}
}
