package org.hotpixels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.InputFiles;
import org.hotpixels.source.FrameSources;
import org.hotpixels.stats.PixelStatistics;

/**
 * One find as every front end asks for it: what to read (image files, or frames already open),
 * how to find ({@link FindOptions}), and where to save the results (or not at all).
 * {@link HotPixelFinder#run} carries it out: check and lock the outputs, open the input, find,
 * write every file in one commit.
 *
 * <pre>{@code
 * FindResult r = HotPixelFinder.run(FindRequest.files(InputFiles.expand(folders, "*.jpg"))
 *     .output(Paths.get("d80-defects"), false), progress);
 * FindResult r = HotPixelFinder.run(FindRequest.frames(new ImagePlusFrameSource(imp))
 *     .options(options), progress);
 * }</pre>
 */
public final class FindRequest {

	private final List<Path> files;
	private final FrameSource frames;
	private FindOptions options = new FindOptions();
	private Path output;
	private boolean overwrite;
	private Supplier<PixelStatistics> previous = () -> null;
	private Extras extras = new Extras() {};

	private FindRequest(final List<Path> files, final FrameSource frames) {
		this.files = files;
		this.frames = frames;
	}

	/** The image files of {@code inputs} (see {@link InputFiles#expand}), RAW or not. */
	public static FindRequest files(final InputFiles inputs) {
		return new FindRequest(inputs.files(), null);
	}

	/** The images of one folder whose names match {@code pattern} (null or empty: all). */
	public static FindRequest folder(final String folder, final String pattern) {
		return files(InputFiles.expand(Collections.singletonList(folder), pattern));
	}

	/** Frames that are already open, e.g. an ImageJ stack; the run closes the source. */
	public static FindRequest frames(final FrameSource source) {
		return new FindRequest(Collections.<Path> emptyList(), source);
	}

	/** The settings; {@link FindOptions#cfa} null means: the source's own pattern. */
	public FindRequest options(final FindOptions findOptions) {
		this.options = findOptions;
		return this;
	}

	/**
	 * Saves the results ({@code variance.tif}, {@code defects.csv}, ...) in {@code folder}; null
	 * saves nothing. Existing results are replaced only with {@code replace}.
	 */
	public FindRequest output(final Path folder, final boolean replace) {
		this.output = folder;
		this.overwrite = replace;
		return this;
	}

	/**
	 * Adds the frames to statistics of an earlier run, read once the outputs are checked and
	 * locked ({@code earlier} may answer null: start afresh).
	 */
	public FindRequest resume(final Supplier<PixelStatistics> earlier) {
		this.previous = earlier;
		return this;
	}

	/** What a front end adds to the run (see {@link Extras}). */
	public FindRequest extras(final Extras more) {
		this.extras = more;
		return this;
	}

	/**
	 * The steps a front end may add to the one pipeline, each with a default that adds nothing:
	 * the command line saves the statistics and corrected copies in the same commit as the
	 * results, and resumes with the saved statistics' colour filter pattern.
	 */
	public interface Extras {

		/** Other files the run reads (a statistics file to resume): never written. */
		default List<Path> reads() {
			return Collections.emptyList();
		}

		/**
		 * Registers more files to write with the guard, after the results folder and before the
		 * guard locks the folders.
		 */
		default void guard(final OutputGuard guard) {}

		/** Called once every folder is locked, before the first frame is read. */
		default void locked(final OutputGuard guard) {}

		/**
		 * The colour filter pattern to find with, from the one {@code given} in the options and
		 * the one the source {@code decoded} (RAW files); by default the given one, else the
		 * decoded one.
		 */
		default CfaPattern cfa(final CfaPattern given, final CfaPattern decoded) {
			return given != null ? given : decoded;
		}

		/** A mistake found while reading the frames, reworded if the front end has advice. */
		default HotPixelsException whileReading(final HotPixelsException e) {
			return e;
		}

		/** Stages more files into the commit of the results (only when they are saved). */
		default void stage(final FindResult result, final StagedFiles staged, final Progress progress)
			throws IOException
		{}
	}

	/** The image files read (empty for open frames), for the checks of the outputs. */
	List<Path> images() {
		return files;
	}

	/** Opens the input: the one place that decides how files are read ({@link FrameSources#open}). */
	FrameSource open() {
		return frames != null ? frames : FrameSources.open(files);
	}

	FindOptions options() {
		return options;
	}

	Path output() {
		return output;
	}

	boolean overwrite() {
		return overwrite;
	}

	PixelStatistics previous() {
		return previous.get();
	}

	Extras extras() {
		return extras;
	}
}
