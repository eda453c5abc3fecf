package org.hotpixels.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ij.io.FileInfo;
import ij.io.TiffDecoder;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.io.DefectLists;
import org.hotpixels.io.DefectLists.Format;
import org.hotpixels.io.IOErrors;
import org.hotpixels.io.SirilCosmeticList;
import org.hotpixels.results.FindOutputs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotpixels export}: one defect list written in another tool's format (Siril, dcraw,
 * RawTherapee, a mask image or our CSV), e.g. {@code export out/defects.csv -o hot.lst}.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = {
	"Writes a defect list (defects.csv from find, or any list correct reads) in " +
		"another format: the output's extension chooses it (.csv, .lst for Siril, .badpixels " +
		"for RawTherapee, .txt for dcraw -P, .tif/.png for a mask), or --format does.",
	"Whole columns and rows need the image size: --size, else the size of variance.tif beside " +
		"the list." }, footer = { "", "Examples:",
			"  hotpixels export darks-out/defects.csv -o darks.lst",
			"  hotpixels export darks-out/defects.csv -o 'NIKON D80.badpixels'",
			"  hotpixels export hot.lst -o mask.tif --size 4000x3000", "" })
final class ExportCommand implements Callable<Integer> {

	@Parameters(arity = "1", paramLabel = "LIST",
		description = "The defect list to read (any format correct reads).")
	Path input;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE",
		description = "The list to write.")
	Path output;

	@Option(names = "--format", paramLabel = "FORMAT",
		description = "csv, siril, dcraw, rawtherapee or mask (default: from the output's name).")
	String format;

	@Option(names = "--size", paramLabel = "WxH",
		description = "Image size, for whole columns and rows and for masks (default: that of " +
			"variance.tif beside the list).")
	String size;

	@Option(names = "--overwrite", description = "Replace the output file if it exists.")
	boolean overwrite;

	@Override
	public Integer call() {
		final Format f = format == null ? DefectLists.formatOfWritten(output) : parse(format);
		if (output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize()))
			throw new HotPixelsException(output + ": is the list being read; choose another name.");
		if (Files.isDirectory(output)) throw new HotPixelsException(output +
			": is a folder; give the name of the list to write.");
		if (!overwrite && Files.exists(output)) throw new HotPixelsException(output +
			": already exists (choose another name, or --overwrite).");
		final List<Defect> defects = CorrectCommand.read(input);
		final int[] shape = shape(defects, f);
		try {
			if (shape == null) SirilCosmeticList.write(output, defects);
			else DefectLists.write(output, defects, shape[0], shape[1], shape[2], f);
		}
		catch (final IOException e) {
			throw new HotPixelsException(output + ": cannot be written (" + IOErrors.reason(e) + ").", e);
		}
		System.out.println("Wrote " + defects.size() + " defect" + (defects.size() == 1 ? "" : "s") +
			" to " + output + " (" + f.name().toLowerCase(Locale.ROOT) + (shape == null ? ""
				: ", image " + shape[0] + "x" + shape[1]) + ").");
		return 0;
	}

	private static Format parse(final String name) {
		for (final Format f : Format.values())
			if (f.name().equalsIgnoreCase(name.trim())) return f;
		throw new HotPixelsException("--format is '" + name +
			"', not csv, siril, dcraw, rawtherapee or mask.");
	}

	/**
	 * Width, height and channels of the image the list belongs to, or null when unknown and not
	 * needed (a Siril list then writes only what it can without the size).
	 */
	private int[] shape(final List<Defect> defects, final Format f) {
		int channels = 1;
		boolean toEdge = false;
		for (final Defect d : defects) {
			channels = Math.max(channels, d.channel() + 1);
			toEdge |= d.xMax() == DefectLists.IMAGE_EDGE || d.yMax() == DefectLists.IMAGE_EDGE;
		}
		if (size != null) {
			final String[] wh = size.toLowerCase(Locale.ROOT).split("x");
			try {
				if (wh.length == 2) {
					final int w = Integer.parseInt(wh[0].trim()), h = Integer.parseInt(wh[1].trim());
					if (w > 0 && h > 0) return new int[]{ w, h, channels };
				}
			}
			catch (final NumberFormatException e) {
				// reported below
			}
			throw new HotPixelsException("--size is '" + size + "', not WIDTHxHEIGHT such as 4000x3000.");
		}
		final Path parent = input.toAbsolutePath().getParent();
		final Path variance = parent == null ? null : parent.resolve(FindOutputs.VARIANCE);
		if (variance != null && Files.isRegularFile(variance)) {
			final FileInfo info = tiffInfo(variance);
			if (info != null) return new int[]{ info.width, info.height, Math.max(channels,
				info.nImages) };
		}
		if (f == Format.MASK || toEdge && f != Format.SIRIL) throw new HotPixelsException(input +
			": the image size is unknown (no " + FindOutputs.VARIANCE + " beside it); give --size " +
			"WIDTHxHEIGHT" + (f == Format.MASK ? " for a mask." : " for its whole columns or rows."));
		if (f == Format.SIRIL) return null;
		return new int[]{ DefectLists.IMAGE_EDGE, DefectLists.IMAGE_EDGE, channels };
	}

	private static FileInfo tiffInfo(final Path tif) {
		try {
			final Path dir = tif.getParent();
			final FileInfo[] info = new TiffDecoder(dir + java.io.File.separator, tif.getFileName()
				.toString()).getTiffInfo();
			return info == null || info.length == 0 ? null : info[0];
		}
		catch (final IOException e) {
			return null;
		}
	}
}
