package org.hotpixels.imagej.ij1;

import ij.IJ;
import ij.plugin.PlugIn;

/**
 * Plugins &gt; Hot Pixels &gt; About Hot Pixel Finder: the version and a short manual that works
 * offline (the dialogs' Help buttons show it too), with the address of the full README.
 */
public class About_Hot_Pixel_Finder implements PlugIn {

	/** The project's README: installation, the commands, macros. */
	public static final String README_URL = "https://github.com/hotpixels/hot-pixel-finder#readme";

	@Override
	public void run(final String arg) {
		IJ.showMessage("About Hot Pixel Finder", helpHtml());
	}

	/** The text of the About box as plain text (first lines of {@link #helpHtml()}). */
	public static String text() {
		return "Hot Pixel Finder " + version() + "\n \n" +
			"Finds stuck, hot and dead sensor pixels from a series of images, and repairs them.\n" +
			"Plugins > Hot Pixels > Find Hot Pixels: the active stack, or a folder of images.\n" +
			"Plugins > Hot Pixels > Correct Hot Pixels: repairs copies with a defect list.\n \n" +
			"Manual, macros and the command line:\n" + README_URL;
	}

	/** The short manual, shown by About and by the dialogs' Help buttons; needs no network. */
	public static String helpHtml() {
		return "<html><body style='width:520px'><h3>Hot Pixel Finder " + version() + "</h3>" +
			"<p>Finds stuck, hot, dead and cold sensor pixels (and hot or cold column and row " +
			"segments) from a series of frames, and repairs them.</p>" +
			"<h4>Find Hot Pixels</h4><p>Frames from the active <b>image</b> (a stack: every plane " +
			"is a frame) or a <b>folder</b> of images. Shows the variance map (Fire) and the mean " +
			"map with the defects marked (green: brighter than the neighbours, magenta: darker, " +
			"cyan: stuck; a line for a column or row), the <i>Hot Pixels</i> and <i>Lowest " +
			"Variance</i> tables beside them; click a row to zoom to its pixel.</p>" +
			"<p>Macro keys and their defaults: <tt>input</tt> (image or folder; default: the " +
			"folder if <tt>input_folder</tt> is given, else the image), <tt>input_folder</tt>, " +
			"<tt>file_pattern</tt> (all images), <tt>top_n=10</tt>, <tt>sigma=6</tt>, " +
			"<tt>skip_bad_frames=false</tt>, <tt>output_folder</tt> (not saved), " +
			"<tt>overwrite=false</tt>.</p>" +
			"<h4>Correct Hot Pixels</h4><p>Repairs a copy of an image (default: the image Find " +
			"last ran on; never a map), or copies of a folder's images, with the <i>Hot Pixels</i> " +
			"table or a defect file. Keys: <tt>image</tt>, <tt>input_folder</tt>, " +
			"<tt>file_pattern</tt>, <tt>defect_file</tt>, <tt>use_table=false</tt>, " +
			"<tt>cfa=none</tt>, <tt>output_folder</tt>, <tt>output_format=same</tt>, " +
			"<tt>overwrite=false</tt>, <tt>skip_bad_frames=false</tt>.</p>" +
			"<p>Esc stops a run. The same macro line runs in ImageJ and in Fiji.</p>" +
			"<p>Full manual (README): " + README_URL + "</p></body></html>";
	}

	private static String version() {
		final String version = About_Hot_Pixel_Finder.class.getPackage().getImplementationVersion();
		return version == null ? "(development build)" : version;
	}
}
