package org.hotpixels.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.measure.ResultsTable;

import org.hotpixels.TestSeries;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.results.ResultImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.Priority;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;

/**
 * The SciJava commands as Fiji runs them from a macro line: imagej-legacy's
 * {@code MacroPreprocessor} (copied below, minus its LegacyService lookup: for every input,
 * {@code Macro.getValue(options, name, null)}, converted and resolved when present), then the
 * rest of the preprocessing chain with {@link MacroDefaultsPreprocessor}, on a thread named like
 * ImageJ's macro threads ({@code Run$_...}), where {@code Macro.getOptions()} answers. Keys left
 * out must take the documented defaults, and no input may stay unresolved (in Fiji an unresolved
 * input opens the input harvester's dialog in the middle of the macro).
 */
class MacroOptionsCommandTest {

	private Context context;

	@BeforeEach
	void start() {
		context = new Context(CommandService.class, ConvertService.class, ModuleService.class,
			PluginService.class);
	}

	@AfterEach
	void stop() {
		context.dispose();
	}

	/** imagej-legacy's MacroPreprocessor, as in its source (net.imagej.legacy.plugin). */
	static final class LegacyMacroPreprocessor extends AbstractPreprocessorPlugin {

		@Parameter
		private ConvertService convertService;

		@Override
		public void process(final Module module) {
			if (Macro.getOptions() == null) return; // legacy: ij1Helper.isMacro()
			for (final ModuleItem<?> input : module.getInfo().inputs()) {
				final String name = input.getName();
				final String value = Macro.getValue(Macro.getOptions(), name, null);
				if (value == null) continue;
				final Class<?> type = input.getType();
				if (!convertService.supports(value, type)) continue;
				module.setInput(name, convertService.convert(value, type));
				module.resolveInput(name);
			}
		}
	}

	/** Runs {@code command} with {@code options} as a macro's run() would in Fiji. */
	private CommandModule runAsMacro(final Class<? extends Command> command, final String options,
		final ImagePlus active) throws Exception
	{
		final CommandInfo info = context.getService(CommandService.class).getCommand(command);
		final CommandModule module = (CommandModule) context.getService(ModuleService.class)
			.createModule(info);
		if (active != null && info.getInput("image").isAutoFill()) { // ActiveImagePlusPreprocessor
			module.setInput("image", active);
			module.resolveInput("image");
		}
		final PluginService plugins = context.getService(PluginService.class);
		final List<PreprocessorPlugin> pre = new ArrayList<>();
		final LegacyMacroPreprocessor legacy = new LegacyMacroPreprocessor();
		context.inject(legacy);
		for (final PluginInfo<PreprocessorPlugin> p : plugins.getPluginsOfType(
			PreprocessorPlugin.class)) // highest priority first; legacy's is 2 * VERY_HIGH
		{
			if (p.getPriority() < 2 * Priority.VERY_HIGH && !pre.contains(legacy)) pre.add(legacy);
			pre.add(plugins.createInstance(p));
		}
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		final Thread macroThread = new Thread(() -> {
			Macro.setOptions(options);
			WindowManager.setTempCurrentImage(active);
			try {
				new ModuleRunner(context, module, pre, new ArrayList<PostprocessorPlugin>()).run();
			}
			catch (final Throwable t) {
				failure.set(t);
			}
			finally {
				Macro.setOptions(null);
			}
		}, "Run$_test");
		macroThread.start();
		macroThread.join();
		if (failure.get() != null) throw new AssertionError(failure.get());
		if (!module.isCanceled()) for (final ModuleItem<?> input : module.getInfo().inputs()) // a
			// cancelled module stops before the input harvester
			assertTrue(module.isInputResolved(input.getName()), () -> input.getName() +
				" is unresolved: Fiji would open a dialog for it");
		return module;
	}

	@Test
	void findWithMostKeysLeftOutUsesTheDocumentedDefaults() throws Exception {
		final ImagePlus stack = TestSeries.stack(30);
		final CommandModule m = runAsMacro(FindHotPixelsCommand.class, "sigma=5", stack);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals(10, m.getInput("top_n"));
		assertEquals(false, m.getInput("skip_bad_frames"));
		assertEquals(false, m.getInput("overwrite"));
		assertNull(m.getInput("output_folder"));
		final ResultsTable defects = (ResultsTable) m.getOutput("defect_table");
		assertEquals(3, defects.size());
		final ImagePlus variance = (ImagePlus) m.getOutput("variance_map");
		assertEquals("Variance of " + stack.getTitle() + " (30 frames)", variance.getTitle());
		assertTrue(ResultImages.isMap(variance));
		assertEquals(3, ((ImagePlus) m.getOutput("mean_map")).getOverlay().size(),
			"the defects are marked on the mean map too");
	}

	@Test
	void noKeysAtAllIsTheActiveImageWithEveryDefault() throws Exception {
		// a macro's run("Find Hot Pixels", "") in Fiji: IJ.isMacro() holds, the options are empty
		final CommandModule m = runAsMacro(FindHotPixelsCommand.class, " ", TestSeries.stack(30));
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals(DefectDetector.DEFAULT_SIGMA, m.getInput("sigma"));
		assertEquals(3, ((ResultsTable) m.getOutput("defect_table")).size());
	}

	@Test
	void aFolderWithoutTheInputKeyIsTheFolder(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 12);
		final CommandModule m = runAsMacro(FindHotPixelsCommand.class, "input_folder=[" + tmp.resolve(
			"in") + "] skip_bad_frames", TestSeries.stack(5));
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals(true, m.getInput("skip_bad_frames"), "ImageJ 1's bare key means true");
		assertTrue(((ImagePlus) m.getOutput("variance_map")).getTitle().startsWith(
			"Variance of in (12 frames"));
	}

	@Test
	void inputImageWinsOverARememberedFolder(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 12);
		final ImagePlus stack = TestSeries.stack(30);
		final CommandModule m = runAsMacro(FindHotPixelsCommand.class, "input=image input_folder=[" +
			tmp.resolve("in") + "]", stack);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertTrue(((ImagePlus) m.getOutput("variance_map")).getTitle().contains("(30 frames)"));
	}

	@Test
	void resultsAreNotReplacedUnlessAsked(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("out");
		final String options = "output_folder=[" + out + "]";
		assertFalse(runAsMacro(FindHotPixelsCommand.class, options, TestSeries.stack(30)).isCanceled());
		final byte[] before = Files.readAllBytes(out.resolve("defects.csv"));
		final CommandModule again = runAsMacro(FindHotPixelsCommand.class, options, TestSeries.stack(
			20));
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason().contains("already exists"), again.getCancelReason());
		assertEquals(new String(before), new String(Files.readAllBytes(out.resolve("defects.csv"))));
		assertFalse(runAsMacro(FindHotPixelsCommand.class, options + " overwrite=true", TestSeries
			.stack(20)).isCanceled());
	}

	@Test
	void aValueThatCannotBeConvertedIsOneSentence() throws Exception {
		final CommandModule m = runAsMacro(FindHotPixelsCommand.class, "top_n=many", TestSeries.stack(
			5));
		assertTrue(m.isCanceled());
		assertEquals("top_n: cannot use 'many' (int expected).", m.getCancelReason());
	}

	@Test
	void correctRefusesTheMapsAndDefaultsToFindsImage(@TempDir final Path tmp) throws Exception {
		final ImagePlus stack = TestSeries.stack(30);
		final CommandModule find = runAsMacro(FindHotPixelsCommand.class, "output_folder=[" + tmp
			.resolve("out") + "]", stack);
		final ImagePlus map = (ImagePlus) find.getOutput("variance_map");
		final String defects = "defect_file=[" + tmp.resolve("out/defects.csv") + "]";
		final CommandModule onMap = runAsMacro(CorrectHotPixelsCommand.class, defects, map);
		assertTrue(onMap.isCanceled());
		assertTrue(onMap.getCancelReason().startsWith(map.getTitle() +
			" is a map made by Find Hot Pixels"), onMap.getCancelReason());
		// no image given, and the map is not taken because it is active (autoFill is off): the
		// default target, here the active image (in real ImageJ, CorrectStackIT: Find's image)
		final CommandModule m = runAsMacro(CorrectHotPixelsCommand.class, defects, stack);
		assertFalse(m.isCanceled(), () -> String.valueOf(m.getCancelReason()));
		assertEquals(stack.getTitle() + "-corrected", ((ImagePlus) m.getOutput("corrected"))
			.getTitle());
	}

	@Test
	void everyInputDocumentsItsDefault() {
		for (final Class<? extends Command> c : new Class[]{ FindHotPixelsCommand.class,
			CorrectHotPixelsCommand.class })
			for (final ModuleItem<?> input : context.getService(CommandService.class).getCommand(c)
				.inputs())
			{
				if (org.scijava.service.Service.class.isAssignableFrom(input.getType()) || input
					.getType() == Context.class) continue;
				final String d = input.getDescription();
				assertTrue(d != null && d.toLowerCase().contains("default"), c.getSimpleName() + "." + input
					.getName() + " does not document its default: " + d);
			}
	}
}
