package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;

/** The LibRaw fallback (raw-identify + unprocessed_raw); skipped without libraw-bin. */
class LibRawDecoderTest {

	private static final int W = 44, H = 32;

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(CfaPattern.class)
	void identifiesAndDecodesEveryPatternExactly(final CfaPattern cfa) throws IOException {
		final RawDecoder libRaw = RawTests.libRaw();
		assertEquals("LibRaw", libRaw.name());
		final short[] written = RawTests.randomMosaic(W, H, 40 + cfa.ordinal());
		final Path file = dir.resolve("frame " + cfa + ".dng");
		new DngWriter(W, H, written).cfa(cfa).orientation(6).blackLevel(256).write(file);

		final RawInfo info = libRaw.identify(file);
		assertEquals(W, info.width());
		assertEquals(H, info.height());
		assertEquals(cfa, info.cfaPattern());
		final Frame frame = libRaw.decode(file);
		assertArrayEquals(written, (short[]) frame.plane(0));
		assertEquals(Collections.singletonList("frame " + cfa + ".dng"), listDir());
	}

	/**
	 * With odd ActiveArea margins LibRaw picks its own visible area; whatever it picks, a
	 * defect found at (x, y) of the decoded mosaic is the pixel that {@code dcraw_emu -P}
	 * repairs when listed as "x y 0".
	 */
	@Test
	void deadPixelFileOfDcrawEmuUsesTheDecodedCoordinates() throws IOException {
		final RawDecoder libRaw = RawTests.libRaw();
		final Path emu = RawTests.which("dcraw_emu");
		assumeTrue(emu != null, "dcraw_emu is not installed");
		final short[] sensor = RawTests.quietMosaic(W, H, 9);
		sensor[13 * W + 21] = (short) 64000;
		final Path file = dir.resolve("margins.dng");
		new DngWriter(W, H, sensor).activeArea(1, 3, H - 1, W - 1).write(file);

		final Frame frame = libRaw.decode(file);
		final short[] p = (short[]) frame.plane(0);
		int at = 0;
		for (int i = 1; i < p.length; i++)
			if ((p[i] & 0xffff) > (p[at] & 0xffff)) at = i;
		final int x = at % frame.width(), y = at / frame.width();
		final Path list = dir.resolve("defects.txt");
		Files.write(list, Collections.singletonList(x + " " + y + " 0"), StandardCharsets.US_ASCII);

		final ImageStack plain = developed(emu, file, null);
		final ImageStack fixed = developed(emu, file, list);
		assertEquals(frame.width(), plain.getWidth());
		assertEquals(frame.height(), plain.getHeight());
		final Set<String> changed = new TreeSet<>();
		for (int c = 1; c <= plain.getSize(); c++) {
			final short[] a = (short[]) plain.getPixels(c), b = (short[]) fixed.getPixels(c);
			for (int i = 0; i < a.length; i++)
				if (a[i] != b[i]) changed.add("(" + i % plain.getWidth() + ", " + i / plain.getWidth() +
					")");
		}
		assertEquals("[(" + x + ", " + y + ")]", changed.size() > 8 ? changed.size() + " pixels"
			: changed.toString());
	}

	@Test
	void cannotApplyADeadPixelList() throws IOException {
		final RawDecoder libRaw = RawTests.libRaw();
		final Path file = dir.resolve("a.dng");
		new DngWriter(W, H, new short[W * H]).write(file);
		assertThrows(HotPixelsException.class, () -> libRaw.decode(file, dir.resolve("list.txt")));
	}

	/** dcraw_emu's linear 16-bit, uninterpolated output, not rotated, with an optional -P. */
	private ImageStack developed(final Path emu, final Path file, final Path list)
		throws IOException
	{
		final Path out = dir.resolve(list == null ? "plain.tiff" : "fixed.tiff");
		// fixed black, saturation and multipliers: removing the defect must not rescale the rest
		final List<String> command = new ArrayList<>(Arrays.asList(emu.toString(), "-4", "-T",
			"-disinterp", "-o", "0", "-t", "0", "-r", "1", "1", "1", "1", "-k", "0", "-S", "65535", "-c",
			"0", "-Z", out.toString()));
		if (list != null) command.addAll(Arrays.asList("-P", list.toString()));
		command.add(file.toString());
		final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			assertEquals(0, process.waitFor());
		}
		catch (final InterruptedException e) {
			throw new IOException(e);
		}
		final ImagePlus imp = new Opener().openImage(out.toString());
		assertNotNull(imp, "dcraw_emu output");
		return imp.getStack();
	}

	private List<String> listDir() throws IOException {
		final List<String> names = new ArrayList<>();
		try (java.util.stream.Stream<Path> s = Files.list(dir)) {
			s.forEach(p -> names.add(p.getFileName().toString()));
		}
		return names;
	}
}
