package org.hotpixels.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.hotpixels.BadFiles;
import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.io.DiskFull;
import org.hotpixels.results.ResultTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * A representative part of the bad-input suite through Find Hot Pixels as Fiji and scripts run
 * it: the command cancels with one sentence naming the file and the problem, throws nothing,
 * changes no input and leaves no result file.
 */
class BadInputCommandTest {

	@TempDir
	Path tmp;
	Path in;
	Path out;
	private Context context;
	private CommandService commands;

	@BeforeEach
	void start() {
		context = new Context(CommandService.class);
		commands = context.getService(CommandService.class);
		in = tmp.resolve("in");
		out = tmp.resolve("out");
	}

	@AfterEach
	void stop() {
		context.dispose();
	}

	/** Runs the command on the input folder, saving to the output folder. */
	private CommandModule find() throws IOException, InterruptedException, ExecutionException {
		final FileSnapshot before = FileSnapshot.of(in);
		final CommandModule module = commands.run(FindHotPixelsCommand.class, true, "input_folder", in
			.toFile(), "output_folder", out.toFile()).get();
		before.assertUnchanged();
		return module;
	}

	/** The command cancelled with a reason holding every fragment, and wrote no result. */
	private void assertRefused(final CommandModule module, final String... fragments)
		throws IOException
	{
		assertTrue(module.isCanceled(), "not cancelled");
		final String reason = module.getCancelReason();
		assertFalse(reason.contains("\n") || reason.contains("Exception"), reason);
		for (final String f : fragments)
			assertTrue(reason.contains(f), () -> "'" + f + "' not in: " + reason);
		assertNoResults(out);
	}

	private static void assertNoResults(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return;
		try (Stream<Path> s = Files.list(folder)) {
			final String left = s.map(p -> p.getFileName().toString()).reduce("", (a, b) -> a + " " + b);
			assertTrue(left.isEmpty(), "left in " + folder + ":" + left);
		}
	}

	@Test
	void folderWithOneFrame() throws Exception {
		TestSeries.writeFolder(in, 1);
		assertRefused(find(), "frame_000.tif: only 1 frame in the series",
			"the variance needs at least two frames");
	}

	@Test
	void framesOfDifferentSizes() throws Exception {
		TestSeries.writeFolder(in, 3);
		new ij.io.FileSaver(new ImagePlus("odd", new ij.process.ByteProcessor(64, 48))).saveAsTiff(in
			.resolve("frame_001b.tif").toString());
		assertRefused(find(), "frame_001b.tif: is 8-bit 64x48, but the series is 8-bit 200x150");
	}

	@Test
	void truncatedJpeg() throws Exception {
		BadFiles.jpegSeries(in, 3);
		BadFiles.truncate(in.resolve("frame_001.jpg"), 0.5);
		assertRefused(find(), "frame_001.jpg: damaged");
	}

	@Test
	void randomBytesNamedTif() throws Exception {
		TestSeries.writeFolder(in, 3);
		BadFiles.randomBytes(in.resolve("frame_001b.tif"), 3000, 1);
		assertRefused(find(), "frame_001b.tif: not a readable TIFF");
	}

	@Test
	void anEnormousHeader() throws Exception {
		TestSeries.writeFolder(in, 3);
		BadFiles.pngClaiming(in.resolve("frame_001b.png"), 60000, 60000);
		assertRefused(find(), "frame_001b.png: claims 60000x60000 pixels");
	}

	@Test
	void outputFolderInsideTheInputFolder() throws Exception {
		TestSeries.writeFolder(in, 3);
		out = in.resolve("results");
		assertRefused(find(), out + ": output folder is the input folder or inside it");
		assertFalse(Files.exists(out));
		out = in;
		final CommandModule same = find();
		assertTrue(same.isCanceled() && same.getCancelReason().contains(
			"output folder is the input folder"), same.getCancelReason());
	}

	@Test
	void theImageJ1PluginRefusesAnOutputFolderInsideTheInputFolderToo() throws Exception {
		TestSeries.writeFolder(in, 3);
		final FileSnapshot before = FileSnapshot.of(in);
		final org.hotpixels.imagej.ij1.FindSettings settings =
			new org.hotpixels.imagej.ij1.FindSettings();
		settings.inputFolder = in.toString();
		settings.outputFolder = in.resolve("results").toString();
		final String m = org.junit.jupiter.api.Assertions.assertThrows(
			org.hotpixels.progress.HotPixelsException.class,
			() -> org.hotpixels.imagej.ij1.Find_Hot_Pixels.find(settings, null,
				org.hotpixels.progress.Progress.NONE)).getMessage();
		assertTrue(m.contains("output folder is the input folder or inside it"), m);
		before.assertUnchanged();
	}

	/**
	 * The ImageJ front ends go through the command line's guard: a folder another run is writing
	 * (here: held by a guard of this JVM) is refused before a frame is read, and nothing changes.
	 */
	@Test
	void aFolderAnotherRunIsWritingIsRefusedByBothImageJFrontEnds() throws Exception {
		TestSeries.writeFolder(in, 3);
		try (org.hotpixels.io.OutputGuard other = new org.hotpixels.io.OutputGuard(false)) {
			other.folder(out);
			other.lock();
			final CommandModule refused = find(); // the other run's lock file is all the folder holds
			assertTrue(refused.isCanceled() && refused.getCancelReason().contains(out +
				": another hotpixels run is writing to this folder"), refused.getCancelReason());
			final org.hotpixels.imagej.ij1.FindSettings settings =
				new org.hotpixels.imagej.ij1.FindSettings();
			settings.inputFolder = in.toString();
			settings.outputFolder = out.toString();
			final String m = org.junit.jupiter.api.Assertions.assertThrows(
				org.hotpixels.progress.HotPixelsException.class,
				() -> org.hotpixels.imagej.ij1.Find_Hot_Pixels.find(settings, null,
					org.hotpixels.progress.Progress.NONE)).getMessage();
			assertTrue(m.contains("another hotpixels run is writing to this folder"), m);
			assertFalse(Files.exists(out.resolve("defects.csv")));
		}
		final CommandModule after = find(); // the lock is gone with the other run
		assertFalse(after.isCanceled(), String.valueOf(after.getCancelReason()));
		assertTrue(Files.exists(out.resolve("defects.csv")));
	}

	@Test
	void anOutputFolderUnderAFile() throws Exception {
		TestSeries.writeFolder(in, 3);
		final Path file = Files.write(tmp.resolve("a-file"), new byte[]{ 7 });
		out = file.resolve("sub");
		assertRefused(find(), out + ": cannot create the output folder, " + file + " is a file.");
	}

	@Test
	void aFullDisk() throws Exception {
		TestSeries.writeFolder(in, 4);
		try (DiskFull full = DiskFull.after(50_000)) {
			assertRefused(find(), out.resolve("variance.tif") +
				": cannot be written (No space left on device).");
		}
	}

	@Test
	void nanAndInfinityInAnOpenFloatStackAreSkippedPerPixel() throws Exception {
		final int w = 40, h = 30, frames = 8;
		final ImageStack stack = new ImageStack(w, h);
		for (int f = 0; f < frames; f++) {
			final float[] px = new float[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = 100 + (float) Math.sin(i * 0.7 + f * 1.3) * 5;
			px[3 * w + 4] = f == 0 ? 7 : Float.NaN; // one valid sample: no variance
			px[5 * w + 6] = f % 2 == 0 ? Float.POSITIVE_INFINITY : 100 + f; // four valid samples
			px[7 * w + 8] = Float.NEGATIVE_INFINITY;
			stack.addSlice("f" + f, new FloatProcessor(w, h, px));
		}
		final CommandModule module = commands.run(FindHotPixelsCommand.class, true, "image",
			new ImagePlus("float", stack)).get();
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final ImagePlus variance = (ImagePlus) module.getOutput("variance_map");
		assertTrue(Float.isNaN(variance.getProcessor().getf(4, 3)));
		assertTrue(Float.isNaN(variance.getProcessor().getf(8, 7)));
		// the finite samples 101, 103, 105, 107: variance 20/3
		assertEquals(20.0 / 3, variance.getProcessor().getf(6, 5), 1e-5);
		final ResultsTable defects = (ResultsTable) module.getOutput("defect_table");
		for (int r = 0; r < defects.size(); r++) {
			final int x = (int) defects.getValue("x", r), y = (int) defects.getValue("y", r);
			assertFalse(x == 4 && y == 3 || x == 8 && y == 7, "pixel without variance reported");
		}
		final ResultsTable lowest = (ResultsTable) module.getOutput("lowest_table");
		for (int r = 0; r < lowest.size(); r++)
			assertFalse(Double.isNaN(lowest.getValue(ResultTables.VARIANCE, r)),
				"NaN in the lowest ranking");
	}
}
