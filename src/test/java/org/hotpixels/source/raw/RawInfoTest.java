package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;
import org.junit.jupiter.api.Test;

/** Parsing the identify output of dcraw 9.28 and LibRaw 0.20 (texts copied from real runs). */
class RawInfoTest {

	private static final String DCRAW = "\nFilename: /tmp/x/a.dng\n" +
		"Timestamp: Thu Jan  1 00:00:00 1970\nCamera: TestMake TestModel\n" +
		"DNG Version: 1.4.0.0\nISO speed: 0\nShutter: 0.0 sec\nAperture: f/0.0\n" +
		"Focal length: 0.0 mm\nEmbedded ICC profile: no\nNumber of raw images: 1\n" +
		"Full size:     40 x 30\nImage size:    36 x 28\nOutput size:   28 x 36\n" +
		"Raw colors: 3\nFilter pattern: GB/RG\n" + "Daylight multipliers: 1.052127 1.000000 0.918481\n";

	private static final String LIBRAW = "\nFilename: pa.dng\n" +
		"Timestamp: Thu Jan  1 00:00:00 1970\nCamera: TestMake TestModel ID: 0x0\n" +
		"Normalized Make/Model: =/TestModel= CamMaker ID: 0, Undefined\n" +
		"UniqueCameraModel: =TestMake TestModel=\n DNG Version: 1.4.0.0\n\nEXIF:\n" +
		"\tMinFocal: 0.0 mm\nNumber of raw images: 1\nFull size:     40 x 30\n" +
		"Aspect: Unknown\nImage size:    35 x 27\nOutput size:   27 x 35\nImage flip: 6\n" +
		"Raw colors: 3\nFilter pattern: BGGRBGGRBGGRBGGR\n" +
		"Makernotes WB data:               coeffs                  EVs\n";

	@Test
	void dcrawOutput() {
		final RawInfo info = RawInfo.parse("a.dng", "dcraw", DCRAW);
		assertEquals(36, info.width(), "Image size, not Full size or Output size");
		assertEquals(28, info.height());
		assertEquals(CfaPattern.GBRG, info.cfaPattern());
		assertEquals("TestMake TestModel", info.camera());
	}

	@Test
	void libRawOutput() {
		final RawInfo info = RawInfo.parse("pa.dng", "LibRaw", LIBRAW);
		assertEquals(35, info.width());
		assertEquals(27, info.height());
		assertEquals(CfaPattern.BGGR, info.cfaPattern());
		assertEquals("TestMake TestModel", info.camera());
	}

	@Test
	void monochromeHasNoPatternButOtherFilterlessImagesAreRejected() {
		final String mono = DCRAW.replace("Raw colors: 3\nFilter pattern: GB/RG\n", "Raw colors: 1\n");
		assertNull(RawInfo.parse("m.dng", "dcraw", mono).cfaPattern());
		final String rgb = DCRAW.replace("Filter pattern: GB/RG\n", "");
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> RawInfo.parse(
			"linear.dng", "dcraw", rgb));
		assertEquals("linear.dng: dcraw decodes this file to 3 colours per pixel, not to a " +
			"sensor mosaic.", e.getMessage());
	}

	@Test
	void noImageSizeMeansNotDecoded() {
		assertNull(RawInfo.parse("x.dng", "dcraw", "\nFilename: x.dng\nCamera: A B\n" +
			"Number of raw images: 0\nFull size:     21 x 21\n"));
	}

	@Test
	void bayerPatternsInBothForms() {
		assertEquals(CfaPattern.RGGB, RawInfo.bayer("f", "RG/GB"));
		assertEquals(CfaPattern.GRBG, RawInfo.bayer("f", "GR/BG/GR/BG"));
		assertEquals(CfaPattern.GBRG, RawInfo.bayer("f", "GBRGGBRGGBRGGBRG"));
		assertEquals(CfaPattern.BGGR, RawInfo.bayer("f", "bg/gr"));
	}

	@Test
	void nonBayerPatternsAreRejected() {
		for (final String pattern : new String[]{ "GGRGGB/GGBGGR/BRGRBG/GGBGGR/GGRGGB/RBGBRG",
			"GM/CY/MG/CY", "RG/GB/GR/BG", "RGB/GBR", "RG" })
		{
			final HotPixelsException e = assertThrows(HotPixelsException.class, () -> RawInfo.bayer(
				"DSCF0001.RAF", pattern), pattern);
			assertTrue(e.getMessage().startsWith("DSCF0001.RAF: its colour filter pattern " + pattern +
				" is not a 2x2 Bayer pattern"), e.getMessage());
		}
	}
}
