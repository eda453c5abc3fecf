package org.hotpixels.imagej;

import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.FindRequest;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.imagej.ij1.ErrorReport;
import org.hotpixels.imagej.ij1.ResultWindows;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.results.ResultImages;
import org.hotpixels.results.ResultTables;
import org.hotpixels.source.ImagePlusFrameSource;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Hot Pixels &gt; Find Hot Pixels: the statistics of an open stack, or of a folder
 * of images, as a variance map, a mean map and the "Hot Pixels" table of defects. In Fiji this
 * command takes the place of the ImageJ 1 entry of the same name, and behaves like it: the same
 * macro keys with the same defaults when a key is left out ({@link MacroDefaultsPreprocessor}),
 * Esc cancels, the maps get the same lookup table and overlay, the tables are published by name
 * and their rows zoom to their pixel ({@link ResultWindows}).
 * <pre>{@code
 * run("Find Hot Pixels", "input=folder input_folder=/data/d80 file_pattern=*.jpg top_n=10 sigma=5");
 * }</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hot Pixels>Find Hot Pixels",
	label = "Find Hot Pixels")
public class FindHotPixelsCommand extends ContextCommand implements MacroDefaults {

	@Parameter(required = false, persist = false, label = "Image",
		description = "The stack whose planes are the frames; default: the active image.")
	private ImagePlus image;

	@Parameter(required = false, persist = false, label = "Frames from", choices = { "image",
		"folder" },
		description = "image or folder; default: folder if input_folder is given, else image.")
	private String input;

	@Parameter(required = false, persist = false, style = "directory", label = "Folder of images",
		description = "Read when input is folder; default: none.")
	private File input_folder;

	@Parameter(required = false, persist = false, label = "File pattern",
		description = "e.g. *.jpg; default: empty, every image in the folder.")
	private String file_pattern = "";

	@Parameter(persist = false, label = "Lowest-variance list (pixels)", min = "0",
		description = "Length of the lowest-variance ranking; default 10.")
	private int top_n = 10;

	@Parameter(persist = false, label = "Sensitivity (robust sigmas)", min = "1", stepSize = "0.5",
		description = "Detection threshold; lower finds fainter defects; default 6.")
	private double sigma = DefectDetector.DEFAULT_SIGMA;

	@Parameter(persist = false, label = "Skip unreadable or mismatched frames",
		description = "Leave such frames out with a line in the log; default false.")
	private boolean skip_bad_frames;

	@Parameter(required = false, persist = false, style = "directory", label = "Save results to",
		description = "Folder for variance.tif, mean.tif, defects.csv, lowest.csv; default: not saved.")
	private File output_folder;

	@Parameter(persist = false, label = "Replace results already in that folder",
		description = "Default false: results of an earlier run are never replaced silently.")
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus variance_map;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus mean_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Hot Pixels")
	private ResultsTable defect_table;

	@Parameter(type = ItemIO.OUTPUT, label = "Lowest Variance")
	private ResultsTable lowest_table;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	@Override
	public void run() {
		try {
			final FindOptions options = new FindOptions();
			options.sigma = sigma;
			options.topN = top_n;
			options.skipBadFrames = skip_bad_frames;
			final boolean folder = fromFolder();
			final FindResult result = HotPixelFinder.run(request(folder).options(options).output(
				savesResults() ? output_folder.toPath() : null, overwrite).extras(ErrorReport.skipHint(
					folder && !skip_bad_frames ? input_folder.getPath() : null)), new StatusProgress(status,
						this));
			final String name = folder ? input_folder.getName() : image.getTitle();
			// the result's own maps (its files, if any, are written): not computed again
			variance_map = ResultImages.varianceMap(result, name);
			mean_map = ResultImages.meanMap(result, name);
			defect_table = ResultTables.defects(result.defects());
			lowest_table = ResultTables.lowest(result.lowest());
			for (final String s : result.skipped())
				if (log != null) log.warn("Skipped: " + s);
			ResultWindows.rememberSource(folder ? null : image);
			// Fiji shows the maps (outputs); the tables, Fire and the row clicks are ours
			ResultWindows.present(variance_map, mean_map, defect_table, lowest_table, false);
			if (status != null) status.showStatus("Found " + result.defects().size() + " defects in " +
				result.statistics().frameCount() + " frames of " + name + ".");
		}
		catch (final HotPixelsException e) {
			cancel(e.getMessage());
			if (log != null) log.error(e.getMessage());
			if (IJ.getInstance() != null) IJ.error("Find Hot Pixels", e.getMessage());
		}
		catch (final CancelledException e) {
			cancel("Cancelled.");
		}
	}

	private boolean savesResults() {
		return output_folder != null && !output_folder.getPath().isEmpty();
	}

	private boolean isSet(final File f) {
		return f != null && !f.getPath().isEmpty();
	}

	/** input=folder, or no input and a folder given. */
	private boolean fromFolder() {
		if (input == null || input.trim().isEmpty()) return isSet(input_folder);
		if (input.trim().equalsIgnoreCase("folder")) {
			if (!isSet(input_folder)) throw new HotPixelsException(
				"input=folder needs an input_folder: choose the folder of images.");
			return true;
		}
		if (input.trim().equalsIgnoreCase("image")) return false;
		throw new HotPixelsException("input must be image or folder (got '" + input + "').");
	}

	/** The frames: the images of the folder, or the image's stack. */
	private FindRequest request(final boolean folder) {
		if (folder) return FindRequest.folder(input_folder.getPath(), file_pattern);
		if (image == null) throw new HotPixelsException(
			"No image is open and no folder was given: open a stack or choose a folder of images.");
		return FindRequest.frames(new ImagePlusFrameSource(image));
	}

	/** For tests and scripts: the inputs by name. */
	public void setImage(final ImagePlus image) {
		this.image = image;
	}
}
