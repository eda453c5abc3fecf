package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotpixels.imagej.ij1.About_Hot_Pixel_Finder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake in real ImageJ: one sentence, the macro stops, and nothing hangs. In a batch
 * macro ({@code -batch}) the sentence is printed; with the ImageJ window, ImageJ's "Macro
 * Error" dialog shows it; from the menu, an error dialog titled "Find Hot Pixels".
 */
class ErrorsIT {

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsXvfb() {
		ImageJRun.assumeXvfb();
	}

	@Test
	void aBatchMacroStopsWithTheSentence() throws Exception {
		final Path missing = tmp.resolve("no-such-folder");
		final ImageJRun.Result r = imagej().batch(macro("print('before');",
			"run('Find Hot Pixels', 'input_folder=[" + missing + "] top_n=5');", "print('after');"), "");
		assertEquals(0, r.exitCode, r::toString); // ImageJ -batch always ends with 0
		assertTrue(r.out.contains("before"), r::toString);
		assertTrue(r.out.contains("Find Hot Pixels: " + missing + ": no such file or folder."),
			r::toString);
		assertFalse(r.out.contains("after"), "the macro must stop: " + r);
		assertFalse(r.err.contains(ImageJWatchdog.DIALOG_MARK), r::toString);
	}

	@Test
	void noImageAndNoFolder() throws Exception {
		final ImageJRun.Result r = imagej().batch(macro("run('Find Hot Pixels', 'top_n=5');",
			"print('after');"), "");
		assertTrue(r.out.contains(
			"Find Hot Pixels: No image is open and no folder was given: open a stack or choose a folder of images."),
			r::toString);
		assertFalse(r.out.contains("after"), r::toString);
	}

	@Test
	void aSingleImageIsNotASeries() throws Exception {
		final ImageJRun.Result r = imagej().batch(macro("newImage('one', '8-bit ramp', 64, 48, 1);",
			"run('Find Hot Pixels', 'top_n=10');", "print('after');"), "");
		assertTrue(r.out.contains(
			"only 1 frame in the series, but the variance needs at least two frames."), r::toString);
		assertFalse(r.out.contains("after"), r::toString);
	}

	@Test
	void aBadNumberIsNamed() throws Exception {
		final ImageJRun.Result r = imagej().batch(macro("newImage('s', '8-bit ramp', 64, 48, 3);",
			"run('Find Hot Pixels', 'sigma=0.5');"), "");
		assertTrue(r.out.contains("Find Hot Pixels: sigma must be at least 1 (got 0.5)."), r::toString);
	}

	@Test
	void withTheImageJWindowTheMacroErrorDialogShowsTheSentence() throws Exception {
		final Path missing = tmp.resolve("no-such-folder");
		final ImageJRun.Result r = imagej().withWindow(macro("run('Find Hot Pixels', 'input_folder=[" +
			missing + "]');"), "");
		assertTrue(r.dialogOpened(), r::toString);
		assertTrue(r.err.contains(ImageJWatchdog.DIALOG_MARK + " 'Macro Error': " + missing +
			": no such file or folder."), r::toString);
	}

	@Test
	void fromTheMenuAnErrorDialogTitledAfterTheCommand() throws Exception {
		final Path missing = tmp.resolve("no-such-folder");
		final ImageJRun.Result r = imagej().property("watchdog.record", "Find Hot Pixels").property(
			"watchdog.fill", "input_folder=" + missing).run();
		assertTrue(r.dialogOpened(), r::toString);
		assertTrue(r.err.contains(ImageJWatchdog.DIALOG_MARK + " 'Find Hot Pixels': " + missing +
			": no such file or folder."), r::toString);
	}

	@Test
	void aboutShowsTheReadmeLink() throws Exception {
		final ImageJRun.Result r = imagej().withWindow(macro("run('About Hot Pixel Finder');"), "");
		assertTrue(r.dialogOpened(), r::toString);
		assertTrue(r.err.contains(ImageJWatchdog.DIALOG_MARK + " 'About Hot Pixel Finder'"),
			r::toString);
		assertTrue(r.err.contains(About_Hot_Pixel_Finder.README_URL), r::toString);
	}

	private ImageJRun imagej() throws IOException {
		return new ImageJRun(tmp.resolve("ij"), ImageJRun.mavenImageJ());
	}

	private Path macro(final String... lines) throws IOException {
		final Path m = Files.createTempFile(tmp, "test", ".ijm");
		Files.write(m, String.join("\n", lines).replace('\'', '"').getBytes(StandardCharsets.UTF_8));
		return m;
	}
}
