package org.hotpixels.imagej.ij1;

import ij.IJ;
import ij.plugin.PlugIn;

/** Plugins &gt; Hot Pixels &gt; About Hot Pixel Finder: version and where the manual is. */
public class About_Hot_Pixel_Finder implements PlugIn {

	/** The project's README: installation, the commands, macros. */
	public static final String README_URL =
		"https://github.com/hotpixels/hot-pixel-finder#readme";

	@Override
	public void run(final String arg) {
		IJ.showMessage("About Hot Pixel Finder", text());
	}

	/** The text of the About box. */
	public static String text() {
		final String version = About_Hot_Pixel_Finder.class.getPackage().getImplementationVersion();
		return "Hot Pixel Finder " + (version == null ? "(development build)" : version) + "\n \n" +
			"Finds stuck, hot and dead sensor pixels from a series of images, and repairs them.\n" +
			"Plugins > Hot Pixels > Find Hot Pixels: a folder of images, or the open stack.\n" +
			"Plugins > Hot Pixels > Correct Hot Pixels: repairs copies with a defect list.\n \n" +
			"Manual, macros and the command line:\n" + README_URL;
	}
}
