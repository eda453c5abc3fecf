package org.hotpixels.imagej;

/**
 * Marks a command whose inputs all have documented defaults that apply when a macro leaves
 * their keys out; {@link MacroDefaultsPreprocessor} resolves them, so no dialog opens in the
 * middle of a macro and no input arrives unset.
 */
public interface MacroDefaults {}
