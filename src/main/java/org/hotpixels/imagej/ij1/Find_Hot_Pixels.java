package org.hotpixels.imagej.ij1;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

import org.hotpixels.FindOptions;
import org.hotpixels.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.HotPixelsException;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.ImagePlusFrameSource;
import org.hotpixels.source.InputFiles;
import org.hotpixels.source.Sources;

/**
 * Plugins &gt; Hot Pixels &gt; Find Hot Pixels in plain ImageJ 1 (in Fiji, the SciJava command
 * of the same name takes its place and reads the same macro keys). Reads a folder of images
 * (camera RAW files too, through dcraw or LibRaw), or the active stack (virtual stacks too)
 * when no folder is given, and shows the variance map with
 * the defects as overlay points, the mean map, and the "Hot Pixels" and "Lowest Variance" tables.
 *
 * <pre>{@code
 * run("Find Hot Pixels", "input_folder=[/data/d80] file_pattern=*.jpg top_n=10 sigma=6 output_folder=[/data/d80-out]");
 * }</pre>
 */
public class Find_Hot_Pixels implements PlugIn {

	/** Menu label, dialog and error title. */
	public static final String TITLE = "Find Hot Pixels";

	@Override
	public void run(final String arg) {
		IJProgress progress = null;
		ImagePlus locked = null;
		try {
			final FindSettings settings = FindDialog.ask();
			if (settings == null) return;
			progress = new IJProgress();
			final ImagePlus image = settings.hasInputFolder() ? null : WindowManager.getCurrentImage();
			if (image != null && !image.lockSilently()) throw new HotPixelsException(image.getTitle() +
				": is in use by another command; run Find Hot Pixels again when it has finished.");
			locked = image;
			final FindResult result = find(settings, image, progress);
			for (final String skipped : result.skipped())
				IJ.log(TITLE + ": skipped " + skipped);
			FindResultWindows.show(result);
			progress.finish("Found " + result.defects().size() + " defects in " + result.statistics()
				.frameCount() + " frames.");
		}
		catch (final HotPixelsException e) {
			if (progress != null) progress.finish(null);
			ErrorReport.show(TITLE, e.getMessage());
		}
		catch (final CancelledException e) {
			if (progress != null) progress.finish(TITLE + ": cancelled.");
		}
		finally {
			if (locked != null) locked.unlock();
		}
	}

	/**
	 * Runs find without any dialog or window: on the folder of {@code settings}, else on
	 * {@code image}; saves the result files when {@code settings} names an output folder.
	 *
	 * @throws HotPixelsException with one sentence for a user's mistake
	 */
	public static FindResult find(final FindSettings settings, final ImagePlus image,
		final Progress progress)
	{
		settings.check();
		final Path output = settings.hasOutputFolder() ? Paths.get(settings.outputFolder.trim())
			: null;
		final FrameSource source = source(settings, image, output);
		if (output != null) FindOutputs.prepare(output, true);
		final FindOptions options = settings.options();
		options.cfa = Sources.cfaOf(source);
		final FindResult result = HotPixelFinder.find(source, options, progress);
		if (output != null) FindOutputs.write(result, output, Sources.cameraOf(source));
		return result;
	}

	private static FrameSource source(final FindSettings settings, final ImagePlus image,
		final Path output)
	{
		if (settings.hasInputFolder()) {
			final List<Path> files = InputFiles.expand(Collections.singletonList(settings.inputFolder
				.trim()), settings.filePattern).files();
			if (output != null) FindOutputs.notInsideInputs(output, files);
			return Sources.open(files);
		}
		if (image == null) throw new HotPixelsException(
			"No image is open and no folder was given: open a stack or choose a folder of images.");
		return new ImagePlusFrameSource(image);
	}
}
