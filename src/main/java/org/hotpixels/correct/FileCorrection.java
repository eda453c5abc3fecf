package org.hotpixels.correct;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import ij.ImagePlus;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.io.FileSink;
import org.hotpixels.io.FitsWriter;
import org.hotpixels.io.ImageFileWriter;
import org.hotpixels.io.KeptMetadata;
import org.hotpixels.io.ImageFileWriter.FileType;
import org.hotpixels.io.ImageFileWriter.Format;
import org.hotpixels.io.TiffMetadata;
import org.hotpixels.io.jpeg.JpegBlockRepair;
import org.hotpixels.io.jpeg.JpegException;
import org.hotpixels.io.jpeg.JpegLikeOriginal;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSources;
import org.hotpixels.source.InputFiles;
import org.hotpixels.source.PageReader;
import org.hotpixels.source.PixelType;

/**
 * Corrects image files with one defect list and writes the corrected copies, under the same
 * file names, into another folder; the originals are only read. Every target is checked before
 * the first file is written (see {@link #check()}); each file is written under a temporary name
 * and renamed when complete; cancelling stops between files. One {@link DefectCorrector},
 * built for the first frame, serves all files: a file of another size is an error naming it, or
 * is skipped when asked. Camera RAW files are corrected as sensor mosaics (with same-colour
 * neighbours, the pattern the decoder reports unless one is given) and written as 16-bit TIFF.
 *
 * <pre>{@code
 * FileCorrection job = new FileCorrection(files, Paths.get("corrected")).format(Format.SAME);
 * job.check(); // before any long work: refuses the input folder and existing files
 * FileCorrectionResult result = job.run(DefectLists.read(Paths.get("defects.csv")), progress);
 * System.out.println(result.summary());
 * }</pre>
 */
public final class FileCorrection {

	private final List<Path> inputs;
	private final Path folder;
	private Format format = Format.SAME;
	private CfaPattern cfa;
	private boolean overwrite;
	private boolean skipBadFiles;
	private boolean skipOutsideDefects;
	private String defectsName = "The defect list";

	/** A job for {@code inputs} (image files) writing into {@code outputFolder}. */
	public FileCorrection(final List<Path> inputs, final Path outputFolder) {
		if (inputs.isEmpty()) throw new HotPixelsException("No image files to correct.");
		this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
		this.folder = outputFolder;
	}

	/** The output format (default {@link Format#SAME}). */
	public FileCorrection format(final Format f) {
		this.format = f;
		return this;
	}

	/** The colour filter pattern of raw mosaics, or null (default). */
	public FileCorrection cfa(final CfaPattern pattern) {
		this.cfa = pattern;
		return this;
	}

	/** Whether existing output files may be replaced (default false). */
	public FileCorrection overwrite(final boolean allow) {
		this.overwrite = allow;
		return this;
	}

	/** Skip unreadable files and files of another size, with a note, instead of stopping. */
	public FileCorrection skipBadFiles(final boolean skip) {
		this.skipBadFiles = skip;
		return this;
	}

	/** Skip defects outside the images, counting them, instead of stopping. */
	public FileCorrection skipOutsideDefects(final boolean skip) {
		this.skipOutsideDefects = skip;
		return this;
	}

	/** Names the defect list in messages, e.g. its file name. */
	public FileCorrection defectsName(final String name) {
		this.defectsName = name;
		return this;
	}

	/**
	 * Checks the output folder and every target name without writing anything, and returns the
	 * targets in input order. Throws {@link HotPixelsException} for the output folder inside an
	 * input folder, two inputs with one output name, or an existing output (unless overwriting).
	 */
	public List<Path> check() {
		return FileCorrectionTargets.plan(inputs, folder, format, overwrite);
	}

	/** The input files, in order. */
	public List<Path> inputs() {
		return inputs;
	}

	/** The output folder. */
	public Path folder() {
		return folder;
	}

	/** Corrects every input; see the class description. */
	public FileCorrectionResult run(final List<Defect> defects, final Progress progress) {
		return run(defects, progress, FileSink.ATOMIC);
	}

	/**
	 * Corrects every input, writing through {@code sink}: {@link FileSink#ATOMIC} writes each file
	 * as it is done; a {@link org.hotpixels.io.StagedFiles} keeps them for one commit of all.
	 */
	public FileCorrectionResult run(final List<Defect> defects, final Progress progress,
		final FileSink sink)
	{
		final List<Path> targets = check();
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot create the output folder (" + e.getMessage() +
				").", e);
		}
		final FileCorrectionResult result = new FileCorrectionResult(folder, inputs.size());
		warnAboutFormats(result);
		final Pass pass = new Pass(defects, FrameSources.pages(inputs), result);
		final int n = inputs.size();
		try {
			for (int i = 0; i < n; i++) {
				if (progress.isCancelled()) throw new CancelledException();
				final Path file = inputs.get(i);
				progress.progress(i, n, file.getFileName().toString());
				final List<Frame> corrected;
				try {
					corrected = pass.correct(file);
				}
				catch (final SkippableException e) {
					if (!skipBadFiles) throw new HotPixelsException(e.getMessage(), e.getCause());
					result.skipped.add(e.getMessage());
					continue;
				}
				write(file, corrected, targets.get(i), defects, result, sink);
				result.written.add(targets.get(i));
			}
			progress.progress(n, n, "Corrected " + result.written.size() + " files");
		}
		catch (final CancelledException e) {
			result.cancelled = true;
		}
		return result;
	}

	private void write(final Path input, final List<Frame> frames, final Path target,
		final List<Defect> defects, final FileCorrectionResult result, final FileSink sink)
	{
		final FileType type = ImageFileWriter.fileType(input, format);
		if (type == FileType.JPEG && frames.size() == 1 && repairedInPlace(input, frames.get(0), target,
			defects, result, sink)) return;
		int planes = 0;
		for (final Frame f : frames)
			planes += f.planeCount();
		final String ext = InputFiles.extension(input);
		ImageFileWriter.checkCanHold(type, frames.get(0).type(), planes, type == ImageFileWriter
			.fileType(input, Format.SAME), input.getFileName().toString());
		if (type == FileType.FITS) try {
			sink.write(target, out -> FitsWriter.write(input, frames, out));
			return;
		}
		catch (final IOException e) {
			throw new HotPixelsException(target + ": cannot write the corrected image (" + e
				.getMessage() + ").", e);
		}
		ImagePlus image = ImageFileWriter.toImagePlus(target.getFileName().toString(), frames);
		if (type == FileType.TIFF && (ext.equals("tif") || ext.equals("tiff"))) image = TiffMetadata
			.read(input).applyTo(image, frames.get(0).planeCount());
		try {
			ImageFileWriter.write(image, target, type, KeptMetadata.read(input).keepIn(sink, type));
		}
		catch (final IOException e) {
			throw new HotPixelsException(target + ": cannot write the corrected image (" + e
				.getMessage() + ").", e);
		}
	}

	/**
	 * Repairs a JPEG file at the level of its DCT blocks (see {@link JpegBlockRepair}) and writes
	 * it; a file that cannot be done so is re-encoded like the original ({@link JpegLikeOriginal}:
	 * its tables, subsampling and segments), with a note. False, with a note, when neither works
	 * (the caller then re-encodes it its own way).
	 */
	private boolean repairedInPlace(final Path input, final Frame corrected, final Path target,
		final List<Defect> defects, final FileCorrectionResult result, final FileSink sink)
	{
		byte[] bytes;
		try {
			final byte[] original = Files.readAllBytes(input);
			try {
				bytes = JpegBlockRepair.repair(original, new JpegDefects(defects, skipOutsideDefects))
					.bytes();
			}
			catch (final JpegException e) {
				try {
					bytes = JpegLikeOriginal.encode(original, picture(corrected));
					result.warnings.add(input.getFileName() + ": " + e.getMessage() +
						" cannot be repaired block by block; re-encoded whole, with the original's " +
						"quantisation tables, subsampling and metadata.");
				}
				catch (final IOException | RuntimeException again) {
					result.warnings.add(input.getFileName() + ": " + e.getMessage() +
						" cannot be repaired block by block; re-encoded (quality " + Math.round(
							ImageFileWriter.JPEG_QUALITY * 100) + ", 4:4:4) instead.");
					return false;
				}
			}
		}
		catch (final IOException e) {
			throw new HotPixelsException(input + ": cannot be read (" + e.getMessage() + ").", e);
		}
		final byte[] out = bytes;
		try {
			sink.write(target, stream -> stream.write(out));
		}
		catch (final IOException e) {
			throw new HotPixelsException(target + ": cannot write the corrected image (" + e
				.getMessage() + ").", e);
		}
		return true;
	}

	/** An 8-bit grey or RGB frame as a picture for ImageIO (no copy of RGB pixels). */
	private static BufferedImage picture(final Frame f) {
		final int w = f.width(), h = f.height();
		final BufferedImage img;
		if (f.type() == PixelType.RGB) {
			img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
			img.getRaster().setDataElements(0, 0, w, h, f.plane(0));
		}
		else if (f.type() == PixelType.GRAY8 && f.planeCount() == 1) {
			img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
			img.getRaster().setDataElements(0, 0, w, h, f.plane(0));
		}
		else throw new IllegalArgumentException("not an 8-bit picture");
		return img;
	}

	private void warnAboutFormats(final FileCorrectionResult result) {
		final TreeSet<String> asTiff = new TreeSet<>();
		boolean jpeg = false, raw = false;
		for (final Path in : inputs) {
			final FileType type = ImageFileWriter.fileType(in, format);
			jpeg |= type == FileType.JPEG;
			if (FrameSources.isRaw(in)) raw |= type == FileType.TIFF;
			else if (format == Format.SAME && type == FileType.TIFF && !InputFiles.extension(in)
				.startsWith("tif")) asTiff.add(InputFiles.extension(in));
		}
		if (jpeg) result.warnings.add("JPEG is lossy: in the corrected JPEG files the 8x8 blocks " +
			"that hold a defect are re-encoded with the file's own tables (every other block, EXIF " +
			"and the size stay as they were), which changes those blocks' pixels slightly; format " +
			"tif keeps the repair exact.");
		if (raw) result.warnings.add("Camera RAW files are written as 16-bit TIFF sensor mosaics " +
			"(same name, .tif): the corrected, undemosaiced sensor data, not developed photos.");
		if (!asTiff.isEmpty()) result.warnings.add("Files of type " + String.join(", ", asTiff) +
			" cannot be written in their own format and are written as TIFF (.tif).");
	}

	/** An input that may be skipped: unreadable, or of another size than the first. */
	static final class SkippableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SkippableException(final String message, final Throwable cause) {
			super(message, cause);
		}
	}

	/** The state of one run: the corrector, built for the first frame read. */
	private final class Pass {

		private final List<Defect> defects;
		private final PageReader reader;
		private final FileCorrectionResult result;
		private DefectCorrector corrector;
		private Frame first;

		Pass(final List<Defect> defects, final PageReader reader, final FileCorrectionResult result) {
			this.defects = defects;
			this.reader = reader;
			this.result = result;
		}

		List<Frame> correct(final Path file) {
			final int pages;
			try {
				pages = reader.pageCount(file);
			}
			catch (final HotPixelsException e) {
				throw new SkippableException(e.getMessage(), e);
			}
			final List<Frame> out = new ArrayList<>(pages);
			for (int p = 0; p < pages; p++) {
				final Frame frame;
				try {
					frame = reader.read(file, p);
				}
				catch (final HotPixelsException e) {
					throw new SkippableException(e.getMessage(), e);
				}
				if (corrector == null) start(file, frame);
				else if (frame.width() != first.width() || frame.height() != first.height() || frame
					.channels() != first.channels()) throw new SkippableException(file.getFileName() +
						" is " + frame.shapeLabel() + ", but " + first.name() + " (the first image) is " + first
							.shapeLabel() + ".", null);
				out.add(corrector.correct(frame));
			}
			result.frames += pages;
			return out;
		}

		private void start(final Path file, final Frame frame) {
			final CfaPattern pattern = cfa != null || !reader.isRaw(file) ? cfa : reader.rawPattern();
			try {
				corrector = DefectCorrector.forFrame(defects, frame, pattern, skipOutsideDefects);
			}
			catch (final HotPixelsException e) {
				final String m = e.getMessage();
				throw new HotPixelsException(defectsName + " does not fit " + file.getFileName() + ": " +
					Character.toLowerCase(m.charAt(0)) + m.substring(1), e);
			}
			first = frame;
			result.pixelsPerFrame = corrector.pixelCount();
			result.channels = corrector.channels();
			result.unrepaired = corrector.unrepairedCount();
			result.defectsOutside = corrector.skippedCount();
		}
	}
}
