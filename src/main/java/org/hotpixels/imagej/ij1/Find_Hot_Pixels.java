package org.hotpixels.imagej.ij1;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import ij.plugin.PlugIn;

import org.hotpixels.find.FindResult;
import org.hotpixels.FindRequest;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.results.ResultImages;
import org.hotpixels.results.ResultTables;
import org.hotpixels.source.ImagePlusFrameSource;

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
			final ImagePlus active = WindowManager.getCurrentImage();
			final FindSettings settings = FindDialog.ask(active);
			if (settings == null) return;
			if (!confirmReplacing(settings)) return;
			progress = new IJProgress();
			final ImagePlus image = settings.hasInputFolder() ? null : active;
			if (image != null && !image.lockSilently()) throw new HotPixelsException(image.getTitle() +
				": is in use by another command; run Find Hot Pixels again when it has finished.");
			locked = image;
			final FindResult result = find(settings, image, progress);
			for (final String skipped : result.skipped())
				IJ.log(TITLE + ": skipped " + skipped);
			final String name = sourceName(settings, image);
			ResultWindows.rememberSource(image);
			// the result's own maps (its files, if any, are written): not computed again
			ResultWindows.present(ResultImages.varianceMap(result, name), ResultImages.meanMap(result,
				name), ResultTables.defects(result.defects()), ResultTables.lowest(result.lowest()), true);
			progress.finish("Found " + result.defects().size() + " defects in " + result.statistics()
				.frameCount() + " frames of " + name + ".");
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

	/** The name the maps' titles give the frames: the image's title or the folder's name. */
	static String sourceName(final FindSettings settings, final ImagePlus image) {
		if (!settings.hasInputFolder()) return image == null ? null : image.getTitle();
		final Path folder = Paths.get(settings.inputFolder.trim()).getFileName();
		return folder == null ? settings.inputFolder.trim() : folder.toString();
	}

	/**
	 * From the dialog (not in a macro), results already in the output folder are replaced only
	 * when the user says so; in a macro, the pipeline ({@code OutputGuard}) refuses unless
	 * {@code overwrite=true}.
	 */
	private static boolean confirmReplacing(final FindSettings settings) {
		if (Macro.getOptions() != null || settings.overwrite || !settings.hasOutputFolder())
			return true;
		final List<String> existing = new ArrayList<>();
		for (final Path f : FindOutputs.files(Paths.get(settings.outputFolder.trim())))
			if (Files.exists(f)) existing.add(f.getFileName().toString());
		if (existing.isEmpty()) return true;
		final GenericDialog gd = new GenericDialog(TITLE);
		gd.addMessage(settings.outputFolder.trim() + " already holds results of an earlier run\n(" +
			String.join(", ", existing) + ").\n \nReplace them with the results of this run?");
		gd.setOKLabel("Replace");
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		settings.overwrite = true;
		if (Recorder.record) Recorder.recordOption("overwrite", "true"); // the line replays
		return true;
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
		final Path output = settings.hasOutputFolder() ? Paths.get(settings.outputFolder.trim()) : null;
		final FindRequest request;
		if (settings.hasInputFolder()) request = FindRequest.folder(settings.inputFolder.trim(),
			settings.filePattern);
		else if (image == null) throw new HotPixelsException(
			"No image is open and no folder was given: open a stack or choose a folder of images.");
		else request = FindRequest.frames(new ImagePlusFrameSource(image));
		return HotPixelFinder.run(request.options(settings.options()).output(output, settings.overwrite)
			.extras(ErrorReport.skipHint(settings.skipBadFrames || !settings.hasInputFolder() ? null
				: settings.inputFolder)), progress);
	}
}
