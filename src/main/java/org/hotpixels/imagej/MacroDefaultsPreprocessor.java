package org.hotpixels.imagej;

import ij.IJ;
import ij.Macro;
import ij.util.Tools;

import org.hotpixels.imagej.ij1.MacroFlags;
import org.scijava.Context;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/**
 * In Fiji, imagej-legacy's {@code MacroPreprocessor} (priority 2 x VERY_HIGH) sets each input
 * whose key the macro's options hold ({@code Macro.getValue(options, name, null)}) and marks it
 * resolved; an input whose key is missing stays unresolved, so the input harvester would open a
 * dialog for it in the middle of the macro. For our commands ({@link MacroDefaults}) this runs
 * next, while a macro is running: a missing key keeps the input's documented default (a bare
 * boolean key, ImageJ 1's form, means true), a key whose value could not be converted is one
 * sentence, and every input is resolved. Outside a macro it does nothing.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.HIGH - 1)
public class MacroDefaultsPreprocessor extends AbstractPreprocessorPlugin {

	@Override
	public void process(final Module module) {
		if (!(module.getDelegateObject() instanceof MacroDefaults)) return;
		final String options = Macro.getOptions();
		if (options == null && !IJ.isMacro()) return;
		final String given = options == null ? "" : options;
		for (final ModuleItem<?> input : module.getInfo().inputs()) {
			final String name = input.getName();
			final Class<?> type = input.getType();
			if (Service.class.isAssignableFrom(type) || type == Context.class) continue;
			final String value = Macro.getValue(given, name, null);
			if (value != null && (!module.isInputResolved(name) || !readable(value, type))) {
				// imagej-legacy could not convert it, or converted garbage to 0 or null
				cancel(name + ": cannot use '" + value + "' (" + type.getSimpleName() + " expected).");
				return;
			}
			if (module.isInputResolved(name)) continue;
			if ((type == boolean.class || type == Boolean.class) && MacroFlags.hasBareKey(given, name))
				module.setInput(name, true);
			module.resolveInput(name);
		}
	}

	/** False for a number or boolean input whose text is not one. */
	private static boolean readable(final String value, final Class<?> type) {
		if (type == boolean.class || type == Boolean.class) return value.equalsIgnoreCase("true") ||
			value.equalsIgnoreCase("false");
		if (type.isPrimitive() || Number.class.isAssignableFrom(type)) return !Double.isNaN(Tools
			.parseDouble(value.trim()));
		return true;
	}
}
