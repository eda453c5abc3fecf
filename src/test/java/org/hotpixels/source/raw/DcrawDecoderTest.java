package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;

import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test DNGs written by {@link DngWriter} go through the installed dcraw and come back with the
 * written values, at the written coordinates, with the written colour filter pattern.
 */
class DcrawDecoderTest {

	private static final int W = 48, H = 34;

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(CfaPattern.class)
	void identifiesAndDecodesEveryPatternExactly(final CfaPattern cfa) throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final short[] written = RawTests.randomMosaic(W, H, cfa.ordinal());
		final Path file = dir.resolve("IMG_" + cfa + ".dng");
		new DngWriter(W, H, written).cfa(cfa).camera("Acme", "Sensor 9").write(file);

		final RawInfo info = dcraw.identify(file);
		assertEquals(W, info.width());
		assertEquals(H, info.height());
		assertEquals(cfa, info.cfaPattern());
		assertEquals("Acme Sensor 9", info.camera());

		final Frame frame = dcraw.decode(file);
		assertEquals(PixelType.GRAY16, frame.type());
		assertEquals(W, frame.width());
		assertEquals(H, frame.height());
		assertEquals("IMG_" + cfa + ".dng", frame.name());
		assertArrayEquals(written, (short[]) frame.plane(0));
	}

	/** The orientation tag does not rotate the mosaic: (x, y) stays (x, y). */
	@ParameterizedTest
	@ValueSource(ints = { 1, 3, 6, 8 })
	void plantedValueComesBackAtItsCoordinates(final int orientation) throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final int x = 29, y = 17;
		final short[] written = RawTests.quietMosaic(W, H, 5);
		written[y * W + x] = (short) 60000;
		final Path file = dir.resolve("planted.dng");
		new DngWriter(W, H, written).orientation(orientation).write(file);

		final Frame frame = dcraw.decode(file);
		assertEquals(W, frame.width(), "width, orientation " + orientation);
		final short[] p = (short[]) frame.plane(0);
		int brightest = 0;
		for (int i = 1; i < p.length; i++)
			if ((p[i] & 0xffff) > (p[brightest] & 0xffff)) brightest = i;
		assertEquals(x, brightest % W);
		assertEquals(y, brightest / W);
		assertEquals(60000, p[brightest] & 0xffff);
	}

	/**
	 * A DNG ActiveArea is dcraw's margin: the mosaic is the active area, its (0, 0) is the
	 * area's corner, and the CFA pattern is given from that corner (as the DNG spec says).
	 */
	@Test
	void activeAreaIsTheMosaicWithOddMargins() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final int top = 1, left = 3, bottom = 33, right = 45;
		final short[] written = RawTests.randomMosaic(W, H, 11);
		final Path file = dir.resolve("margins.dng");
		new DngWriter(W, H, written).cfa(CfaPattern.GBRG).activeArea(top, left, bottom, right)
			.blackLevel(512).write(file);

		final RawInfo info = dcraw.identify(file);
		final int w = right - left, h = bottom - top;
		assertEquals(w, info.width());
		assertEquals(h, info.height());
		assertEquals(CfaPattern.GBRG, info.cfaPattern());

		final Frame frame = dcraw.decode(file);
		assertEquals(w, frame.width());
		assertEquals(h, frame.height());
		final short[] expected = new short[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				expected[y * w + x] = written[(y + top) * W + x + left];
		assertArrayEquals(expected, (short[]) frame.plane(0), "raw values, no black subtracted");
	}

	@Test
	void monochromeSensorHasNoPattern() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final short[] written = RawTests.randomMosaic(W, H, 3);
		final Path file = dir.resolve("mono.dng");
		new DngWriter(W, H, written).cfa(null).write(file);

		assertNull(dcraw.identify(file).cfaPattern());
		assertArrayEquals(written, (short[]) dcraw.decode(file).plane(0));
	}
}
