package org.hotpixels.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.hotpixels.TestSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Find Hot Pixels run through SciJava's CommandService, as Fiji and scripts run it. */
class FindHotPixelsCommandTest {

	private Context context;
	private CommandService commands;

	@BeforeEach
	void start() {
		context = new Context(CommandService.class);
		commands = context.getService(CommandService.class);
	}

	@AfterEach
	void stop() {
		context.dispose();
	}

	@Test
	void findsDefectsInAnOpenStack() throws Exception {
		final ImagePlus stack = TestSeries.stack(30);
		final CommandModule module = commands.run(FindHotPixelsCommand.class, true, "image", stack,
			"top_n", 3, "sigma", 5.0).get();
		assertFalse(module.isCanceled(), () -> String.valueOf(module.getCancelReason()));
		final ImagePlus variance = (ImagePlus) module.getOutput("variance_map");
		assertEquals(32, variance.getBitDepth());
		assertEquals(TestSeries.W, variance.getWidth());
		assertEquals(0, variance.getProcessor().getf(50, 60), 0.0); // stuck: no variance
		assertEquals(3, variance.getOverlay().size());
		final ResultsTable table = (ResultsTable) module.getOutput("defect_table");
		assertEquals(3, table.size());
		final java.util.Set<String> rows = new java.util.HashSet<>();
		for (int r = 0; r < table.size(); r++)
			rows.add((int) table.getValue("x", r) + "," + (int) table.getValue("y", r) + " " + table
				.getStringValue("kind", r));
		assertEquals(new java.util.HashSet<>(java.util.Arrays.asList("10,140 dead", "50,60 stuck",
			"120,30 hot")), rows);
		assertEquals(3, ((ResultsTable) module.getOutput("lowest_table")).size());
	}

	@Test
	void readsAFolderAndSavesResults(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 12);
		final CommandModule module = commands.run(FindHotPixelsCommand.class, true, "input_folder", tmp
			.resolve("in").toFile(), "file_pattern", "*.tif", "output_folder", tmp.resolve("out")
				.toFile()).get();
		assertFalse(module.isCanceled(), () -> String.valueOf(module.getCancelReason()));
		assertNotNull(module.getOutput("mean_map"));
		for (final String f : new String[]{ "variance.tif", "mean.tif", "defects.csv", "lowest.csv" })
			assertTrue(Files.size(tmp.resolve("out").resolve(f)) > 0, f);
	}

	@Test
	void aMistakeCancelsWithOneSentence(@TempDir final Path tmp) throws Exception {
		Files.createDirectories(tmp.resolve("empty"));
		final CommandModule module = commands.run(FindHotPixelsCommand.class, true, "input_folder", tmp
			.resolve("empty").toFile()).get();
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("empty"), module.getCancelReason());
		assertTrue(module.getCancelReason().contains("no image files"), module.getCancelReason());
	}
}
