package org.hotpixels.imagej;

import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.hotpixels.FindOptions;
import org.hotpixels.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.HotPixelsException;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.results.ResultImages;
import org.hotpixels.results.ResultTables;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.ImagePlusFrameSource;
import org.hotpixels.source.InputFiles;
import org.hotpixels.source.Sources;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Hot Pixels &gt; Find Hot Pixels: the statistics of an open stack, or of a folder
 * of images when {@code input_folder} is set, as a variance map, a mean map and the "Hot Pixels"
 * table of defects. Parameter names are the macro keys, identical to the ImageJ 1 dialog's:
 * <pre>{@code
 * run("Find Hot Pixels", "input_folder=/data/d80 file_pattern=*.jpg top_n=10 sigma=5");
 * }</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hot Pixels>Find Hot Pixels",
	label = "Find Hot Pixels")
public class FindHotPixelsCommand extends ContextCommand {

	@Parameter(required = false, label = "Image (when no folder is given)")
	private ImagePlus image;

	@Parameter(required = false, persist = false, style = "directory",
		label = "Folder of images (empty: the image)")
	private File input_folder;

	@Parameter(required = false, persist = false, label = "File pattern", description = "e.g. *.jpg; empty for all images")
	private String file_pattern = "";

	@Parameter(persist = false, label = "Lowest-variance pixels to list", min = "0")
	private int top_n = 10;

	@Parameter(persist = false, label = "Sensitivity (robust sigmas)", min = "1", stepSize = "0.5")
	private double sigma = DefectDetector.DEFAULT_SIGMA;

	@Parameter(persist = false, label = "Skip unreadable or mismatched frames")
	private boolean skip_bad_frames;

	@Parameter(required = false, persist = false, style = "directory",
		label = "Save results to (optional)")
	private File output_folder;

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
			final FrameSource source = source();
			if (savesResults()) FindOutputs.prepare(output_folder.toPath(), true);
			options.cfa = Sources.cfaOf(source);
			final FindResult result = HotPixelFinder.find(source, options, new StatusProgress(status,
				this));
			variance_map = ResultImages.varianceMap(result.statistics(), result.defects());
			mean_map = ResultImages.meanMap(result.statistics());
			defect_table = ResultTables.defects(result.defects());
			lowest_table = ResultTables.lowest(result.lowest());
			if (savesResults()) FindOutputs.write(result, output_folder.toPath(), Sources.cameraOf(
				source));
			for (final String s : result.skipped())
				if (log != null) log.warn("Skipped: " + s);
			if (IJ.getInstance() != null) { // a running ImageJ shows tables; Fiji does not show them as outputs
				defect_table.show(ResultTables.DEFECTS_TITLE);
				lowest_table.show(ResultTables.LOWEST_TITLE);
			}
			if (status != null) status.showStatus("Found " + result.defects().size() + " defects in " +
				result.statistics().frameCount() + " frames.");
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

	private FrameSource source() {
		if (input_folder != null && !input_folder.getPath().isEmpty()) {
			final List<Path> files = InputFiles.expand(Collections.singletonList(input_folder
				.getPath()), file_pattern).files();
			if (savesResults()) FindOutputs.notInsideInputs(output_folder.toPath(), files);
			return Sources.open(files);
		}
		if (image == null) throw new HotPixelsException(
			"No image is open and no folder was given: open a stack or choose a folder of images.");
		return new ImagePlusFrameSource(image);
	}

	/** For tests and scripts: the inputs by name. */
	public void setImage(final ImagePlus image) {
		this.image = image;
	}
}
