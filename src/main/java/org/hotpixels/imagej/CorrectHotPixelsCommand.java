package org.hotpixels.imagej;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.correct.FileCorrection;
import org.hotpixels.correct.FileCorrectionResult;
import org.hotpixels.correct.ImageCorrection;
import org.hotpixels.detect.Defect;
import org.hotpixels.imagej.ij1.CorrectTarget;
import org.hotpixels.io.DefectLists;
import org.hotpixels.io.ImageFileWriter.Format;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.results.ResultImages;
import org.hotpixels.results.ResultTables;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.InputFiles;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Hot Pixels &gt; Correct Hot Pixels: repairs the defects of a list (a defect file,
 * or the open "Hot Pixels" table) in a copy of the image (by default the one Find Hot Pixels ran
 * on; its maps are refused), or in copies of a folder's images written to another folder under
 * the same names. The originals are never changed. Parameter names are the macro keys; a key a
 * macro leaves out takes the default in the parameter's description:
 * <pre>{@code
 * run("Correct Hot Pixels", "defect_file=/data/defects.csv cfa=none");
 * run("Correct Hot Pixels", "input_folder=/data/d80 file_pattern=*.jpg use_table=true "
 *     + "output_folder=/data/d80-fixed output_format=tif");
 * }</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hot Pixels>Correct Hot Pixels",
	label = "Correct Hot Pixels")
public class CorrectHotPixelsCommand extends ContextCommand implements MacroDefaults {

	/** Not filled with the active image: after Find that is the variance map, never a target. */
	@Parameter(required = false, persist = false, autoFill = false, label = "Image to correct",
		initializer = "initImage",
		description = "Default: the image Find Hot Pixels ran on, else the active image; never a map.")
	private ImagePlus image;

	@Parameter(required = false, persist = false, style = "directory",
		label = "or a folder of images", description = "Default: none, the image is corrected.")
	private File input_folder;

	@Parameter(required = false, persist = false, label = "File pattern",
		description = "e.g. *.jpg; default: empty, every image in the folder.")
	private String file_pattern = "";

	@Parameter(required = false, persist = false, style = "open", label = "Defect list file",
		description = "CSV, dcraw, Siril, RawTherapee or mask image; default: none.")
	private File defect_file;

	@Parameter(persist = false, label = "Use the open \"Hot Pixels\" table instead of a file",
		description = "Default false.")
	private boolean use_table;

	@Parameter(persist = false, label = "Raw Bayer pattern", choices = { "none", "RGGB", "BGGR",
		"GRBG", "GBRG" }, description = "Bayer pattern of raw mosaics; default none.")
	private String cfa = "none";

	@Parameter(required = false, persist = false, style = "directory",
		label = "Save corrected folder to", description = "Needed with a folder; default: none.")
	private File output_folder;

	@Parameter(persist = false, label = "Output format", choices = { "same", "tif", "png" },
		description = "Default same.")
	private String output_format = "same";

	@Parameter(persist = false, label = "Replace files already in the output folder",
		description = "Default false.")
	private boolean overwrite;

	@Parameter(persist = false, label = "Skip unreadable or mismatched files",
		description = "Default false.")
	private boolean skip_bad_frames;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus corrected;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	/** Set by scripts and tests; otherwise the "Hot Pixels" window is used. */
	private ResultsTable table;

	@Override
	public void run() {
		try {
			final List<Defect> defects = defects();
			final CfaPattern pattern = "none".equalsIgnoreCase(cfa) ? null : CfaPattern.parse(cfa);
			final StatusProgress progress = new StatusProgress(status, this);
			if (isSet(input_folder)) correctFolder(defects, pattern, progress);
			else {
				final ImagePlus target = image != null ? image : CorrectTarget.resolve("");
				CorrectTarget.check(target);
				corrected = ImageCorrection.correct(target, defects, pattern, progress);
				if (status != null) status.showStatus("Corrected " + defects.size() + " defect" + (defects
					.size() == 1 ? "" : "s") + " (rows of the list) in " + target.getTitle() + ".");
			}
		}
		catch (final HotPixelsException e) {
			cancel(e.getMessage());
			if (log != null) log.error(e.getMessage());
			if (IJ.getInstance() != null) IJ.error("Correct Hot Pixels", e.getMessage());
		}
		catch (final CancelledException e) {
			cancel("Cancelled.");
		}
	}

	private void correctFolder(final List<Defect> defects, final CfaPattern pattern,
		final StatusProgress progress)
	{
		if (!isSet(output_folder)) throw new HotPixelsException(
			"Choose an output folder for the corrected images of " + input_folder + ".");
		final FileCorrectionResult result = new FileCorrection(InputFiles.expand(Collections
			.singletonList(input_folder.getPath()), file_pattern).files(), output_folder.toPath()).format(
				Format.parse(output_format)).cfa(pattern).overwrite(overwrite).skipBadFiles(skip_bad_frames)
			.defectsName(use_table ? "The Hot Pixels table" : defect_file.getName()).run(defects,
				progress);
		if (log != null) {
			for (final String w : result.warnings())
				log.warn(w);
			for (final String s : result.skipped())
				log.warn("Skipped: " + s);
			log.info(result.summary());
		}
		if (result.cancelled()) cancel(result.summary());
		else if (status != null) status.showStatus(result.summary());
	}

	private List<Defect> defects() {
		if (use_table && isSet(defect_file)) throw new HotPixelsException(
			"Choose either a defect file or the Hot Pixels table, not both.");
		if (use_table) return ResultTables.defectsFrom(table != null ? table : ResultsTable
			.getResultsTable(ResultTables.DEFECTS_TITLE));
		if (!isSet(defect_file)) throw new HotPixelsException(
			"Choose a defect file, or use the Hot Pixels table of Find Hot Pixels.");
		try {
			return DefectLists.read(defect_file.toPath());
		}
		catch (final IOException e) {
			throw new HotPixelsException(defect_file + ": cannot be read (" + e.getMessage() + ").", e);
		}
	}

	/** The dialog (and a macro without the key) starts on the image Find ran on, not on a map. */
	private void initImage() {
		if (image != null) return; // set by a macro's image=[title], or a script
		final ImagePlus preferred = CorrectTarget.preferredImage();
		if (preferred != null && !ResultImages.isMap(preferred)) image = preferred;
	}

	private static boolean isSet(final File f) {
		return f != null && !f.getPath().isEmpty();
	}

	/** For tests and scripts: the image to correct. */
	public void setImage(final ImagePlus image) {
		this.image = image;
	}

	/** For tests and scripts: the defect table {@code use_table} reads instead of the window. */
	public void setDefectTable(final ResultsTable table) {
		this.table = table;
	}
}
