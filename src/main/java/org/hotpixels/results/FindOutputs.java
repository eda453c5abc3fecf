package org.hotpixels.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotpixels.FindResult;
import org.hotpixels.HotPixelsException;
import org.hotpixels.detect.LowVariancePixel;
import org.hotpixels.io.AtomicOutput;
import org.hotpixels.io.DcrawBadPixels;
import org.hotpixels.io.DefectCsv;
import org.hotpixels.io.RawTherapeeBadPixels;
import org.hotpixels.io.TiffWriter;

/**
 * Writes the files of a find run into a folder: {@code variance.tif}, {@code mean.tif}
 * (32-bit, one slice per channel), {@code defects.csv} and {@code lowest.csv}. Each file is
 * written under a temporary name and renamed when complete, so a failed or cancelled run never
 * leaves a truncated file under a final name.
 */
public final class FindOutputs {

	public static final String VARIANCE = "variance.tif";
	public static final String MEAN = "mean.tif";
	public static final String DEFECTS = "defects.csv";
	public static final String LOWEST = "lowest.csv";
	/** For raw mosaics: the defects as dcraw's {@code -P} dead pixel list. */
	public static final String DCRAW = "dcraw-badpixels.txt";
	/** For raw mosaics: RawTherapee's bad pixel list, named {@code <Make Model>.badpixels}. */
	public static final String RAWTHERAPEE_SUFFIX = ".badpixels";

	private FindOutputs() {}

	/** The files a run writes into {@code folder}. */
	public static List<Path> files(final Path folder) {
		final List<Path> out = new ArrayList<>();
		for (final String name : new String[] { VARIANCE, MEAN, DEFECTS, LOWEST })
			out.add(folder.resolve(name));
		return out;
	}

	/**
	 * Refuses to replace existing results unless {@code overwrite}, and creates the folder.
	 * Call before the long work starts, so a mistake is reported at once.
	 */
	public static void prepare(final Path folder, final boolean overwrite) {
		if (Files.exists(folder) && !Files.isDirectory(folder)) throw new HotPixelsException(folder +
			": exists and is not a folder.");
		if (!overwrite) for (final Path f : files(folder))
			if (Files.exists(f)) throw new HotPixelsException(f +
				": already exists (choose another output folder, or allow overwriting).");
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot create the output folder (" + e
				.getMessage() + ").", e);
		}
		if (!Files.isWritable(folder)) throw new HotPixelsException(folder +
			": output folder is not writable.");
	}

	/** Writes all four files. */
	public static void write(final FindResult result, final Path folder) {
		write(result, folder, null);
	}

	/**
	 * Writes all four files; for a raw mosaic ({@link FindResult#cfa()} set) also the defect lists
	 * of dcraw ({@value #DCRAW}) and RawTherapee ({@code <camera>.badpixels}), so raw converters
	 * repair the pixels while developing.
	 */
	public static void write(final FindResult result, final Path folder, final String camera) {
		final Path current = folder;
		try {
			if (result.cfa() != null) {
				DcrawBadPixels.write(current.resolve(DCRAW), result.defects());
				RawTherapeeBadPixels.write(current.resolve((camera == null || camera.trim().isEmpty()
					? "camera" : camera.trim()) + RAWTHERAPEE_SUFFIX), result.defects());
			}
			AtomicOutput.write(current.resolve(VARIANCE), out -> TiffWriter.write(ResultImages
				.varianceMap(result.statistics(), result.defects()), out));
			AtomicOutput.write(current.resolve(MEAN), out -> TiffWriter.write(ResultImages.meanMap(
				result.statistics()), out));
			AtomicOutput.writeText(current.resolve(DEFECTS), w -> DefectCsv.write(w, result
				.defects(), result.cfa()));
			AtomicOutput.writeText(current.resolve(LOWEST), w -> writeLowest(w, result.lowest()));
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot write the results (" + e.getMessage() +
				").", e);
		}
	}

	/** The lowest-variance ranking as CSV (columns as in {@link ResultTables#lowest}). */
	public static void writeLowest(final Writer w, final List<LowVariancePixel> lowest)
		throws IOException
	{
		w.write("rank,x,y,channel,variance,mean,min,max,neighbour_variance,variance_ratio\n");
		for (final LowVariancePixel p : lowest)
			w.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%s,%s,%s,%s,%s,%s%n", p.rank(), p.x(), p
				.y(), p.channel(), num(p.variance()), num(p.mean()), num(p.min()), num(p.max()), num(p
					.neighbourVariance()), num(p.varianceRatio())));
	}

	private static String num(final double v) {
		if (Double.isNaN(v)) return "";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return String.format(Locale.ROOT, "%.6g", v);
	}
}
