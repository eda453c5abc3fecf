package org.hotpixels.imagej.ij1;

import java.awt.Checkbox;

import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import org.hotpixels.progress.HotPixelsException;

/**
 * Checkbox options that mean the same in plain ImageJ and in Fiji. ImageJ 1 records a ticked
 * box as a bare key ({@code skip_bad_frames}); Fiji records a SciJava command's boolean as
 * {@code skip_bad_frames=true} and ignores a bare key. So a checkbox is read here in both forms,
 * and recorded as {@code key=true}, the form both worlds understand. Use this instead of
 * {@link GenericDialog#getNextBoolean()}.
 */
public final class MacroFlags {

	private MacroFlags() {}

	/**
	 * The state of checkbox {@code index} (0-based, in the order added) of a dialog that has been
	 * shown; in a macro ({@code macroOptions} not null) {@code key=true}, {@code key=false} or the
	 * bare {@code key}.
	 */
	static boolean read(final GenericDialog gd, final int index, final String key,
		final String macroOptions)
	{
		if (macroOptions == null) {
			final boolean state = ((Checkbox) gd.getCheckboxes().get(index)).getState();
			if (Recorder.record && state) Recorder.recordOption(key, "true");
			return state;
		}
		final String value = Macro.getValue(macroOptions, key, null);
		if (value == null) return hasBareKey(macroOptions, key);
		if (value.equalsIgnoreCase("true")) return true;
		if (value.equalsIgnoreCase("false")) return false;
		throw new HotPixelsException(key + " must be true or false (got '" + value + "').");
	}

	/**
	 * Shows {@code words} as the label of the field just added, keeping its macro key: ImageJ
	 * takes the key from the label given to {@code addXxxField} when the field is added, so the
	 * visible text can change afterwards. Dialogs add each field under its key, then this.
	 */
	static void words(final GenericDialog gd, final String words) {
		final java.awt.Label label = gd.getLabel();
		if (label != null) label.setText(words);
	}

	/** Like {@link #words}, for the checkbox just added (its key is read by {@link #read}). */
	static void checkboxWords(final GenericDialog gd, final String words) {
		if (gd.getCheckboxes() != null && !gd.getCheckboxes().isEmpty()) ((Checkbox) gd.getCheckboxes()
			.lastElement()).setLabel(words);
	}

	/** True if {@code key} stands alone in the options, outside any [bracketed value]. */
	public static boolean hasBareKey(final String options, final String key) {
		int depth = 0, start = 0;
		for (int i = 0; i <= options.length(); i++) {
			final char c = i < options.length() ? options.charAt(i) : ' ';
			if (c == '[') depth++;
			else if (c == ']') depth = Math.max(0, depth - 1);
			else if (c == ' ' && depth == 0) {
				if (options.substring(start, i).equals(key)) return true;
				start = i + 1;
			}
		}
		return false;
	}
}
