package org.hotpixels.imagej.ij1;

/**
 * What the dialogs of Find and Correct Hot Pixels share: a folder of images (or an open image),
 * the folder the results go to, and how to treat bad files. Each field's macro key (in brackets)
 * is the {@code @Parameter} name of the SciJava command, so one recorded macro runs in plain
 * ImageJ and in Fiji.
 *
 * <pre>{@code
 * FindSettings s = new FindSettings();
 * s.inputFolder = "/data/d80";
 * s.outputFolder = "/data/d80-defects";
 * FindSettings again = s.copy();
 * }</pre>
 */
public abstract class SeriesSettings implements Cloneable {

	/** [input_folder] Folder of images; empty for an open image. */
	public String inputFolder = "";
	/** [file_pattern] Glob such as {@code *.jpg}; empty for every image in the folder. */
	public String filePattern = "";
	/** [skip_bad_frames] Leave out files that cannot be read or differ in size or type. */
	public boolean skipBadFrames;
	/** [output_folder] Where the results (Find) or the corrected copies (Correct) go. */
	public String outputFolder = "";
	/** [overwrite] Replace files already in the output folder. */
	public boolean overwrite;

	/** True if the results are to be saved in {@link #outputFolder}. */
	public boolean hasOutputFolder() {
		return !outputFolder.trim().isEmpty();
	}

	/** An independent copy (every field is a value). */
	protected SeriesSettings copied() {
		try {
			return (SeriesSettings) clone();
		}
		catch (final CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}
}
