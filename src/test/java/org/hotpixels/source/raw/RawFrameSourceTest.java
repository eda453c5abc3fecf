package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawFrameSourceTest {

	private static final int W = 36, H = 24;

	@TempDir
	Path dir;

	@Test
	void readsEachFileAsItsMosaic() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final List<Path> files = new ArrayList<>();
		final List<short[]> written = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			written.add(RawTests.randomMosaic(W, H, 100 + i));
			files.add(dir.resolve("DSC_000" + i + ".DNG"));
			new DngWriter(W, H, written.get(i)).cfa(CfaPattern.GBRG).write(files.get(i));
		}
		try (RawFrameSource source = new RawFrameSource(files)) {
			assertEquals(dcraw.name(), source.decoder().name());
			assertEquals(3, source.size());
			assertEquals(CfaPattern.GBRG, source.cfaPattern());
			assertEquals(W, source.info().width());
			for (int i = 2; i >= 0; i--) {
				assertEquals("DSC_000" + i + ".DNG", source.name(i));
				final Frame frame = source.read(i);
				assertEquals(PixelType.GRAY16, frame.type());
				assertArrayEquals(written.get(i), (short[]) frame.plane(0), "frame " + i);
			}
		}
	}

	@Test
	void fileWithAnotherPatternIsNamed() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final Path first = dir.resolve("first.dng");
		final Path other = dir.resolve("other.dng");
		new DngWriter(W, H, new short[W * H]).cfa(CfaPattern.RGGB).write(first);
		new DngWriter(W, H, new short[W * H]).cfa(CfaPattern.BGGR).write(other);
		final RawFrameSource source = new RawFrameSource(Arrays.asList(first, other), dcraw);
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> source.read(1));
		assertEquals("other.dng: its sensor mosaic is 36x24 BGGR, but first.dng (the first " +
			"frame) is 36x24 RGGB.", e.getMessage());
	}

	@Test
	void fileOfAnotherSizeIsNamed() throws IOException {
		final RawDecoder dcraw = RawTests.dcraw();
		final Path first = dir.resolve("first.dng");
		final Path other = dir.resolve("bigger.dng");
		new DngWriter(W, H, new short[W * H]).write(first);
		new DngWriter(W + 2, H, new short[(W + 2) * H]).write(other);
		final RawFrameSource source = new RawFrameSource(Arrays.asList(first, other), dcraw);
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> source.read(1));
		assertEquals("bigger.dng: its sensor mosaic is 38x24 RGGB, but first.dng (the first " +
			"frame) is 36x24 RGGB.", e.getMessage());
	}

	@Test
	void noFiles() {
		assertThrows(HotPixelsException.class, () -> new RawFrameSource(Collections.emptyList()));
	}

	@Test
	void rawFilesAreRecognisedByExtension() {
		for (final String name : new String[]{ "a.NEF", "a.nrw", "IMG_1.CR2", "b.cr3", "c.Crw", "d.ARW",
			"e.srf", "f.sr2", "g.RAF", "h.orf", "i.RW2", "j.pef", "k.dng", "l.SRW", "m.x3f", "n.3FR",
			"o.erf", "p.kdc", "q.MRW", "r.iiq", "s.rwl", "dir.d/x.y.dng" })
			assertTrue(RawFrameSource.isRawFile(Paths.get(name)), name);
		for (final String name : new String[]{ "a.tif", "a.jpg", "dng", "a.dng.txt", "a.", "nef",
			"a.raw2" })
			assertFalse(RawFrameSource.isRawFile(Paths.get(name)), name);
	}
}
