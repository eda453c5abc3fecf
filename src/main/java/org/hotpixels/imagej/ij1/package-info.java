/**
 * The ImageJ 1 face of Hot Pixel Finder: {@code PlugIn} classes listed in {@code plugins.config}
 * (Plugins &gt; Hot Pixels), each a {@code GenericDialog} whose fields are added under the macro
 * keys of the SciJava command of the same name (and then shown with words), then one call into
 * the core. {@code ResultWindows} and {@code CorrectTarget} are shared with the SciJava commands,
 * so both worlds show results and pick Correct's image the same way. In Fiji the SciJava commands
 * take the place of these entries; because the keys are the same, one macro runs in both:
 *
 * <pre>{@code
 * run("Find Hot Pixels", "input_folder=[/data/d80] top_n=10 sigma=6 skip_bad_frames=true output_folder=[/data/d80-defects]");
 * }</pre>
 *
 * Without a dialog (scripts, tests):
 *
 * <pre>{@code
 * FindSettings s = new FindSettings();
 * s.inputFolder = "/data/d80";
 * FindResult r = Find_Hot_Pixels.find(s, null, new IJProgress());
 * }</pre>
 *
 * Conventions: progress in ImageJ's status bar, Esc cancels ({@link IJProgress}); a user's
 * mistake is one sentence in an error dialog, or printed in a batch macro, and stops the macro
 * ({@code ErrorReport}); checkboxes read {@code key=true} as well as ImageJ 1's bare key
 * ({@code MacroFlags}); a key a macro leaves out takes its documented default.
 */
package org.hotpixels.imagej.ij1;
