package org.hotpixels.imagej.ij1;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.correct.FileCorrection;
import org.hotpixels.correct.FileCorrectionResult;
import org.hotpixels.correct.ImageCorrection;
import org.hotpixels.detect.Defect;
import org.hotpixels.io.DefectLists;
import org.hotpixels.io.ImageFileWriter.Format;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.results.ResultTables;
import org.hotpixels.source.InputFiles;

/**
 * Plugins &gt; Hot Pixels &gt; Correct Hot Pixels in plain ImageJ 1 (in Fiji, the SciJava command
 * of the same name takes its place and reads the same macro keys). Repairs the defects of a
 * defect file, or of the open "Hot Pixels" table, in a copy of the named image (by default the
 * one Find Hot Pixels ran on; never one of its maps) (shown as
 * "&lt;title&gt;-corrected"), or in copies of a folder's images written to the output folder.
 * The originals are never changed.
 *
 * <pre>{@code
 * run("Correct Hot Pixels", "input_folder=[/data/d80] defect_file=[/data/d80-defects/defects.csv] output_folder=[/data/d80-fixed] output_format=same");
 * run("Correct Hot Pixels", "use_table=true"); // the active image, with the "Hot Pixels" table
 * }</pre>
 */
public class Correct_Hot_Pixels implements PlugIn {

	/** Menu label, dialog and error title. */
	public static final String TITLE = "Correct Hot Pixels";

	@Override
	public void run(final String arg) {
		IJProgress progress = null;
		try {
			final CorrectSettings settings = CorrectDialog.ask();
			if (settings == null) return;
			progress = new IJProgress();
			final List<Defect> defects = defects(settings);
			if (settings.hasInputFolder()) {
				final FileCorrectionResult result = correctFolder(settings, defects, progress);
				for (final String warning : result.warnings())
					IJ.log(TITLE + ": " + warning);
				for (final String skipped : result.skipped())
					IJ.log(TITLE + ": skipped " + skipped);
				IJ.log(TITLE + ": " + result.summary());
				progress.finish(result.summary());
			}
			else {
				final ImagePlus image = CorrectTarget.resolve(settings.image);
				if (!image.lockSilently()) throw new HotPixelsException(image.getTitle() +
					": is in use by another command; run Correct Hot Pixels again when it " +
					"has finished.");
				final ImagePlus corrected;
				try {
					corrected = correctImage(settings, defects, image, progress);
				}
				finally {
					image.unlock();
				}
				corrected.show();
				progress.finish("Corrected " + defects.size() + " defect" + (defects.size() == 1 ? ""
					: "s") + " (rows of the list) in " + image.getTitle() + ": " + corrected.getTitle());
			}
		}
		catch (final HotPixelsException e) {
			if (progress != null) progress.finish(null);
			ErrorReport.show(TITLE, e.getMessage());
		}
		catch (final CancelledException e) {
			if (progress != null) progress.finish(TITLE + ": cancelled.");
		}
	}

	/** The defects named by {@code settings}: its defect file, or the "Hot Pixels" table. */
	public static List<Defect> defects(final CorrectSettings settings) {
		final boolean file = !settings.defectFile.trim().isEmpty();
		if (settings.useTable && file) throw new HotPixelsException(
			"Choose either a defect file or the Hot Pixels table, not both.");
		if (settings.useTable) return ResultTables.defectsFrom(ResultsTable.getResultsTable(
			ResultTables.DEFECTS_TITLE));
		if (!file) throw new HotPixelsException(
			"Choose a defect file, or use the Hot Pixels table of Find Hot Pixels.");
		try {
			return DefectLists.read(Paths.get(settings.defectFile.trim()));
		}
		catch (final IOException e) {
			throw new HotPixelsException(settings.defectFile + ": cannot be read (" + e.getMessage() +
				").", e);
		}
	}

	/** A corrected copy of {@code image}; no window is shown. */
	public static ImagePlus correctImage(final CorrectSettings settings, final List<Defect> defects,
		final ImagePlus image, final Progress progress)
	{
		if (image == null) throw new HotPixelsException(
			"No image is open and no folder was given: open an image or choose a folder of images.");
		CorrectTarget.check(image);
		return ImageCorrection.correct(image, defects, settings.cfaPattern(), progress);
	}

	/** Writes corrected copies of the folder's images into the output folder. */
	public static FileCorrectionResult correctFolder(final CorrectSettings settings,
		final List<Defect> defects, final Progress progress)
	{
		if (settings.outputFolder.trim().isEmpty()) throw new HotPixelsException(
			"Choose an output folder for the corrected images of " + settings.inputFolder + ".");
		final String defectsName = settings.useTable ? "The Hot Pixels table" : Paths.get(
			settings.defectFile.trim()).getFileName().toString();
		return new FileCorrection(InputFiles.expand(Collections.singletonList(settings.inputFolder
			.trim()), settings.filePattern).files(), Paths.get(settings.outputFolder.trim())).format(
				Format.parse(settings.outputFormat)).cfa(settings.cfaPattern()).overwrite(
					settings.overwrite).skipBadFiles(settings.skipBadFrames).defectsName(defectsName).run(
						defects, progress);
	}
}
