package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 in real ImageJ 1.54p under Xvfb, as a user meets it: with the ImageJ window open
 * ({@code -macro}), where any modal dialog is caught by the watchdog and fails the test, and in
 * batch macros. A damaged file in a folder, Correct's target, the explicit input and the
 * results of an earlier run, the tables and maps.
 */
class DesktopUseIT {

	private static final PlantedSeries SERIES = new PlantedSeries(3, new int[]{ 30, 20 }, new int[]{
		70, 45 }, new int[]{ 10, 80 });
	private static final String PROBE = "org.hotpixels.macro.GuiProbe";

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsXvfb() {
		ImageJRun.assumeXvfb();
	}

	/** The frames plus a web page saved as broken.jpg, which ImageJ's Opener cannot read. */
	private Path folderWithBrokenFile() throws IOException {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		Files.write(in.resolve("broken.jpg"), "<html><body>404 Not Found</body></html>\n".getBytes(
			StandardCharsets.UTF_8));
		return in;
	}

	@Test
	void aBrokenFileIsSkippedWithoutAnyDialogWhenAsked() throws Exception {
		final Path in = folderWithBrokenFile();
		final ImageJRun.Result r = imagej().withWindow(macro("run('Find Hot Pixels', 'input=folder " +
			"input_folder=[" + in + "] skip_bad_frames=true');", println(
				"'rows ' + Table.size('Hot Pixels')"), println("getInfo('log')"), "call('" + PROBE +
					".exit');"), "");
		assertFalse(r.err.contains(ImageJWatchdog.DIALOG_MARK), r::toString);
		assertTrue(r.out.contains("rows 3"), r::toString);
		assertTrue(r.out.contains("Find Hot Pixels: skipped " + in.resolve("broken.jpg") +
			": not an image in any format"), r::toString);
	}

	@Test
	void aBrokenFileWithoutSkippingIsOneSentenceThatSuggestsSkipping() throws Exception {
		final Path in = folderWithBrokenFile();
		final ImageJRun.Result r = imagej().batch(macro("run('Find Hot Pixels', 'input_folder=[" + in +
			"]');", "print('after');"), "");
		assertTrue(r.out.contains("Find Hot Pixels: " + in.resolve("broken.jpg") +
			": not an image in any format Java or ImageJ can read (a damaged or misnamed file?); " +
			"to leave such files out, tick \"Skip unreadable or mismatched frames\" " +
			"(skip_bad_frames=true)."), r::toString);
		assertFalse(r.out.contains("after"), r::toString);
		assertFalse(r.err.contains(ImageJWatchdog.DIALOG_MARK), r::toString);
		// with the ImageJ window: the same sentence in ImageJ's one macro error dialog, not the
		// Opener's "Unsupported format" first
		final ImageJRun.Result w = imagej().withWindow(macro("run('Find Hot Pixels', 'input_folder=[" +
			in + "]');"), "");
		assertTrue(w.err.contains(ImageJWatchdog.DIALOG_MARK + " 'Macro Error': " + in.resolve(
			"broken.jpg") + ": not an image"), w::toString);
	}

	@Test
	void correctTargetsTheImageFindRanOnAndRefusesTheMaps() throws Exception {
		final Path stack = SERIES.writeStack(tmp.resolve("series.tif"));
		final ImageJRun.Result r = imagej().batch(macro("open('" + stack + "');",
			"run('Find Hot Pixels', 'top_n=5');", "print('active after find: ' + getTitle());",
			"run('Correct Hot Pixels', 'use_table=true');", "print('corrected: ' + getTitle());",
			"run('Correct Hot Pixels', 'image=[Variance of series.tif (10 frames)] use_table=true');",
			"print('next line');"), "");
		assertTrue(r.out.contains("active after find: Variance of series.tif (10 frames)"),
			r::toString);
		assertTrue(r.out.contains("corrected: series.tif-corrected"), r::toString);
		assertTrue(r.out.contains("Correct Hot Pixels: Variance of series.tif (10 frames) is a map " +
			"made by Find Hot Pixels, not a photograph"), r::toString);
		assertFalse(r.out.contains("next line"), r::toString);
	}

	@Test
	void theInputIsExplicitAndEarlierResultsAreNotReplacedSilently() throws Exception {
		final Path stack = SERIES.writeStack(tmp.resolve("series.tif"));
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		final Path out = tmp.resolve("results");
		final String find = "run('Find Hot Pixels', 'input=image input_folder=[" + in +
			"] output_folder=[" + out + "]";
		final ImageJRun.Result first = imagej().batch(macro("open('" + stack + "');", find + "');",
			"print('first: ' + getTitle());"), "");
		assertTrue(first.out.contains("first: Variance of series.tif (10 frames)"), first::toString);
		final byte[] before = Files.readAllBytes(out.resolve("defects.csv"));
		final ImageJRun.Result again = imagej().batch(macro("open('" + stack + "');", find + "');",
			"print('after');"), "");
		assertTrue(again.out.contains("Find Hot Pixels: " + out.resolve("variance.tif") +
			": already exists"), again::toString);
		assertFalse(again.out.contains("after"), again::toString);
		assertEquals(new String(before), new String(Files.readAllBytes(out.resolve("defects.csv"))));
		final ImageJRun.Result replaced = imagej().batch(macro("open('" + stack + "');", find +
			" overwrite=true');", "print('replaced');"), "");
		MacroIT.assertFinished(replaced, "replaced");
	}

	@Test
	void fromTheDialogFindAsksBeforeReplacingResultsAndRecordsTheAnswer() throws Exception {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		final Path out = tmp.resolve("results");
		MacroIT.assertFinished(imagej().batch(macro("run('Find Hot Pixels', 'input_folder=[" + in +
			"] output_folder=[" + out + "]');", "print('first');"), ""), "first");
		Files.delete(out.resolve("lowest.csv")); // so that a replacement shows
		final ImageJRun.Result r = imagej().property("watchdog.record", "Find Hot Pixels").property(
			"watchdog.fill", "input=folder;input_folder=" + in + ";output_folder=" + out).run();
		assertEquals(0, r.exitCode, r::toString);
		assertTrue(r.out.contains("WATCHDOG confirmed 'Find Hot Pixels': " + out +
			" already holds results of an earlier run (variance.tif, mean.tif, defects.csv, " +
			"siril-cosmetic.lst, report.html).") && r.out.contains(
				"Replace them with the results of this run?"), r::toString);
		assertTrue(Files.exists(out.resolve("lowest.csv")), "replaced after the answer: " + r);
		assertTrue(r.out.contains("overwrite=true"), "the recorded line replays: " + r);
	}

	@Test
	void tablesReadWithUnitsAndBothMapsCarryTheOverlay() throws Exception {
		final Path stack = SERIES.writeStack(tmp.resolve("series.tif"));
		final ImageJRun.Result r = imagej().batch(macro("open('" + stack + "');",
			"run('Find Hot Pixels', 'top_n=5');", "print('defects: ' + Table.headings('Hot Pixels'));",
			"print('lowest: ' + Table.headings('Lowest Variance'));",
			"print('channels: ' + Table.getString('channel', 0, 'Hot Pixels') + ' ' + " +
				"Table.getString('channel', 0, 'Lowest Variance'));",
			"selectImage('Mean of series.tif (10 frames)');", "print('mean overlay ' + Overlay.size);",
			"selectImage('Variance of series.tif (10 frames)');",
			"print('variance overlay ' + Overlay.size);"), "");
		assertTrue(r.out.contains("defects: x\ty\tchannel\tkind\tscore (sigma)\tmean (DN)\t" +
			"neighbours (DN)\tvariance (DN^2)\tneighbours (DN^2)\tsize (px)\textent"), r::toString);
		assertTrue(r.out.contains("lowest: rank\tx\ty\tchannel\tvariance (DN^2)\tmean (DN)\t" +
			"neighbours (DN^2)\tratio"), r::toString);
		assertTrue(r.out.contains("channels: 0 0"), r::toString);
		assertTrue(r.out.contains("mean overlay 3"), r::toString);
		assertTrue(r.out.contains("variance overlay 3"), r::toString);
	}

	private static String println(final String expression) {
		return "call('" + PROBE + ".println', " + expression + ");";
	}

	private ImageJRun imagej() throws IOException {
		return new ImageJRun(tmp.resolve("ij-" + System.nanoTime()), ImageJRun.mavenImageJ());
	}

	private Path macro(final String... lines) throws IOException {
		final Path m = Files.createTempFile(tmp, "test", ".ijm");
		Files.write(m, String.join("\n", lines).replace('\'', '"').getBytes(StandardCharsets.UTF_8));
		return m;
	}
}
