package org.hotpixels.correct;

import static org.hotpixels.NeighbourMedian.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import org.hotpixels.Checksums;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.NeighbourMedian;
import org.hotpixels.TestSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correcting open images into new ones: hyperstacks, virtual stacks, mosaics. */
class ImageCorrectionTest {

	private static final int W = 40, H = 30;

	@Test
	void hyperstackChannelsAreCorrectedSeparatelyIntoANewImage() {
		final int c = 2, z = 3, t = 2;
		final ImageStack stack = new ImageStack(W, H);
		final Random random = new Random(11);
		for (int i = 0; i < c * z * t; i++) {
			final short[] px = new short[W * H];
			for (int p = 0; p < px.length; p++)
				px[p] = (short) (2000 + random.nextInt(500));
			stack.addSlice("plane " + i, new ShortProcessor(W, H, px, null));
		}
		final ImagePlus original = new ImagePlus("hyper", stack);
		original.setDimensions(c, z, t);
		final CompositeImage hyper = new CompositeImage(original, CompositeImage.COMPOSITE);
		hyper.setChannelLut(LUT.createLutFromColor(Color.magenta), 2);
		hyper.getCalibration().pixelWidth = 0.3;
		hyper.getCalibration().setUnit("um");
		hyper.setProperty("Info", "a hyperstack");
		final short[][] copies = new short[c * z * t][];
		for (int i = 0; i < copies.length; i++)
			copies[i] = ((short[]) stack.getPixels(i + 1)).clone();
		// (5, 5) in channel 1 only (index 1 = second channel), (20, 10) in every channel
		final List<Defect> defects = Arrays.asList(Defect.pixel(5, 5, 1), Defect.pixel(20, 10,
			Defect.ALL_CHANNELS));
		final ImagePlus out = ImageCorrection.correct(hyper, defects, null, Progress.NONE);
		assertEquals("hyper-corrected", out.getTitle());
		assertArrayEquals(new int[]{ W, H, c, z, t }, out.getDimensions());
		assertTrue(out.isComposite());
		assertEquals(0.3, out.getCalibration().pixelWidth, 0.0);
		assertEquals("a hyperstack", out.getInfoProperty());
		assertEquals(Color.magenta.getRGB(), ((CompositeImage) out).getChannelLut(2).getRGB(255));
		for (int i = 0; i < copies.length; i++)
			assertArrayEquals(copies[i], (short[]) stack.getPixels(i + 1), "original plane " + i);
		final Set<Long> both = new HashSet<>(Arrays.asList(key(5, 5), key(20, 10)));
		final Set<Long> all = Collections.singleton(key(20, 10));
		for (int n = 1; n <= c * z * t; n++) {
			final int channel = out.convertIndexToPosition(n)[0];
			assertEquals("plane " + (n - 1), out.getStack().getSliceLabel(n));
			NeighbourMedian.check(stack.getProcessor(n), out.getStack().getProcessor(n), channel == 2
				? both : all, 1, "plane " + n);
		}
	}

	@Test
	void virtualStackIsReadNotWritten(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp, 4);
		final VirtualStack stack = new VirtualStack(TestSeries.W, TestSeries.H, null, tmp.toString());
		for (int f = 0; f < 4; f++)
			stack.addSlice(String.format("frame_%03d.tif", f));
		final ImagePlus virtual = new ImagePlus("virtual", stack);
		final java.util.Map<String, String> before = Checksums.of(tmp);
		final List<Defect> defects = Arrays.asList(Defect.pixel(50, 60, 0), Defect.pixel(120, 30, 0),
			Defect.pixel(10, 140, 0));
		final ImagePlus out = ImageCorrection.correct(virtual, defects, null, Progress.NONE);
		assertFalse(out.getStack().isVirtual());
		assertEquals(4, out.getStackSize());
		final Set<Long> planted = new HashSet<>(Arrays.asList(key(50, 60), key(120, 30), key(10, 140)));
		for (int f = 0; f < 4; f++)
			NeighbourMedian.check(new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(f, 1)),
				out.getStack().getProcessor(f + 1), planted, 1, "frame " + f);
		assertEquals(before, Checksums.of(tmp));
	}

	@Test
	void aBayerMosaicUsesSameColourNeighbours() {
		final Random random = new Random(5);
		final short[] px = new short[W * H];
		for (int p = 0; p < px.length; p++)
			px[p] = (short) ((p % W + p / W) % 2 == 0 ? 3000 + random.nextInt(100) : 500 + random.nextInt(
				100));
		px[13 * W + 17] = (short) 60000;
		final ImagePlus mosaic = new ImagePlus("raw", new ShortProcessor(W, H, px, null));
		final ImagePlus out = ImageCorrection.correct(mosaic, Collections.singletonList(Defect.pixel(17,
			13, 0)), CfaPattern.RGGB, Progress.NONE);
		NeighbourMedian.check(mosaic.getProcessor(), out.getProcessor(), Collections.singleton(key(17,
			13)), 2, "mosaic");
		assertTrue(out.getProcessor().get(17, 13) >= 3000, "from same-colour sites only, not the " +
			"500s around it");
	}

	@Test
	void mistakesAndCancelling() {
		final ImagePlus imp = TestSeries.stack(3);
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> ImageCorrection
			.correct(imp, Collections.singletonList(Defect.pixel(5, 5, 2)), null, Progress.NONE));
		assertTrue(e.getMessage().contains("channel 2"), e.getMessage());
		final Progress cancelled = new Progress() {

			@Override
			public void progress(final long done, final long total, final String message) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancelledException.class, () -> ImageCorrection.correct(imp, Collections
			.emptyList(), null, cancelled));
	}
}
