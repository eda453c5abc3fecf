package org.hotpixels.imagej;

import static org.hotpixels.NeighbourMedian.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ByteProcessor;

import org.hotpixels.Checksums;
import org.hotpixels.NeighbourMedian;
import org.hotpixels.TestSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.results.ResultTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/** Correct Hot Pixels run through SciJava's CommandService, as Fiji and scripts run it. */
class CorrectHotPixelsCommandTest {

	private static final Set<Long> PLANTED = new HashSet<>(Arrays.asList(key(50, 60), key(120, 30),
		key(10, 140)));

	@TempDir
	Path tmp;

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

	private Path defectFile() throws Exception {
		return Files.write(tmp.resolve("defects.csv"), ("x,y,channel\n50,60,0\n120,30,0\n" +
			"10,140,all\n").getBytes());
	}

	@Test
	void correctsAnOpenStackIntoANewImage() throws Exception {
		final ImagePlus stack = TestSeries.stack(4);
		stack.getCalibration().pixelWidth = 2.5;
		final byte[][] before = new byte[4][];
		for (int s = 0; s < 4; s++)
			before[s] = ((byte[]) stack.getStack().getPixels(s + 1)).clone();
		final CommandModule module = commands.run(CorrectHotPixelsCommand.class, true, "image", stack,
			"defect_file", defectFile().toFile()).get();
		assertFalse(module.isCanceled(), () -> String.valueOf(module.getCancelReason()));
		final ImagePlus out = (ImagePlus) module.getOutput("corrected");
		assertEquals("series-corrected", out.getTitle());
		assertEquals(2.5, out.getCalibration().pixelWidth, 0.0);
		for (int s = 1; s <= 4; s++) {
			assertArrayEquals(before[s - 1], (byte[]) stack.getStack().getPixels(s), "original " + s);
			NeighbourMedian.check(new ByteProcessor(TestSeries.W, TestSeries.H, before[s - 1]), out
				.getStack().getProcessor(s), PLANTED, 1, "slice " + s);
		}
	}

	@Test
	void correctsAFolderIntoAnotherFolder() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		TestSeries.writeFolder(in, 5);
		final Map<String, String> sums = Checksums.of(in);
		final CommandModule module = commands.run(CorrectHotPixelsCommand.class, true, "input_folder",
			in.toFile(), "file_pattern", "*.tif", "defect_file", defectFile().toFile(), "output_folder",
			out.toFile(), "output_format", "png").get();
		assertFalse(module.isCanceled(), () -> String.valueOf(module.getCancelReason()));
		assertNull(module.getOutput("corrected"));
		assertEquals(sums, Checksums.of(in));
		for (int f = 0; f < 5; f++)
			NeighbourMedian.check(new ByteProcessor(TestSeries.W, TestSeries.H, TestSeries.frame(f, 1)),
				new Opener().openImage(out.resolve(String.format("frame_%03d.png", f)).toString())
					.getProcessor(), PLANTED, 1, "frame " + f);
	}

	@Test
	void takesTheDefectsFromTheHotPixelsTable() throws Exception {
		final ImagePlus stack = TestSeries.stack(2);
		final CommandInfo info = commands.getCommand(CorrectHotPixelsCommand.class);
		final ModuleService modules = context.getService(ModuleService.class);
		final Module module = modules.createModule(info);
		((CorrectHotPixelsCommand) module.getDelegateObject()).setDefectTable(ResultTables.defects(
			Arrays.asList(Defect.pixel(50, 60, 0), Defect.pixel(120, 30, Defect.ALL_CHANNELS), Defect
				.pixel(10, 140, 0))));
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("image", stack);
		inputs.put("use_table", true);
		final Module done = modules.run(module, true, inputs).get();
		final ImagePlus out = (ImagePlus) done.getOutput("corrected");
		for (int s = 1; s <= 2; s++)
			NeighbourMedian.check(stack.getStack().getProcessor(s), out.getStack().getProcessor(s),
				PLANTED, 1, "slice " + s);
	}

	@Test
	void mistakesCancelWithOneSentence() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 2);
		final CommandModule noOutput = commands.run(CorrectHotPixelsCommand.class, true, "input_folder",
			in.toFile(), "defect_file", defectFile().toFile()).get();
		assertTrue(noOutput.isCanceled());
		assertTrue(noOutput.getCancelReason().startsWith("Choose an output folder"), noOutput
			.getCancelReason());
		final CommandModule intoInput = commands.run(CorrectHotPixelsCommand.class, true,
			"input_folder", in.toFile(), "defect_file", defectFile().toFile(), "output_folder", in
				.toFile()).get();
		assertTrue(intoInput.getCancelReason().contains("choose a folder elsewhere"), intoInput
			.getCancelReason());
		final CommandModule noDefects = commands.run(CorrectHotPixelsCommand.class, true, "image",
			TestSeries.stack(1)).get();
		assertTrue(noDefects.getCancelReason().startsWith("Choose a defect file"), noDefects
			.getCancelReason());
		final CommandModule noTable = commands.run(CorrectHotPixelsCommand.class, true, "image",
			TestSeries.stack(1), "use_table", true).get();
		assertTrue(noTable.getCancelReason().contains("\"Hot Pixels\" table"), noTable
			.getCancelReason());
	}
}
