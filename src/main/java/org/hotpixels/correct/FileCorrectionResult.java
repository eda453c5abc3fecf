package org.hotpixels.correct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link FileCorrection} did: the files it wrote (each complete, under its final name),
 * the inputs it skipped and why, warnings about the output format, and whether it was
 * cancelled before the end.
 */
public final class FileCorrectionResult {

	private final Path folder;
	private final int inputCount;
	final List<Path> written = new ArrayList<>();
	final List<String> skipped = new ArrayList<>();
	final List<String> warnings = new ArrayList<>();
	boolean cancelled;
	int frames;
	int pixelsPerFrame;
	/** Channels of the frames: a pixel of a colour image is counted once per channel repaired. */
	int channels = 1;
	int unrepaired;
	int defectsOutside;

	FileCorrectionResult(final Path folder, final int inputCount) {
		this.folder = folder;
		this.inputCount = inputCount;
	}

	/** The corrected files, in input order. */
	public List<Path> written() {
		return Collections.unmodifiableList(written);
	}

	/** One line per input left out (unreadable, or of another size), naming it. */
	public List<String> skipped() {
		return Collections.unmodifiableList(skipped);
	}

	/** Warnings about the output, e.g. that JPEG re-encoding is lossy. */
	public List<String> warnings() {
		return Collections.unmodifiableList(warnings);
	}

	/** True if the run stopped early; every file in {@link #written()} is still complete. */
	public boolean cancelled() {
		return cancelled;
	}

	/** Number of input files. */
	public int inputCount() {
		return inputCount;
	}

	/** Frames (pages) corrected. */
	public int frameCount() {
		return frames;
	}

	/** Defective pixels repaired in each frame, counted once per channel. */
	public int pixelsPerFrame() {
		return pixelsPerFrame;
	}

	/** Defective pixels without any valid neighbour, left as they were. */
	public int unrepairedPerFrame() {
		return unrepaired;
	}

	/** Defects left out because they lie outside the images (only when asked to skip them). */
	public int defectsOutside() {
		return defectsOutside;
	}

	/** One or two sentences for a log or a console. */
	public String summary() {
		if (cancelled) return "Cancelled after writing " + written.size() + " of " + inputCount +
			" corrected files to " + folder + "; each written file is complete.";
		return "Repaired " + pixelsPerFrame + (channels > 1 ? " pixel value" + (pixelsPerFrame == 1 ? ""
			: "s") + " (a defective pixel counts once per colour channel)" : " defective pixel" +
				(pixelsPerFrame == 1 ? "" : "s")) + " in each of " + frames + " frame" + (frames == 1 ? ""
					: "s") + "; wrote " + written.size() + " file" + (written.size() == 1 ? "" : "s") +
			" to " + folder + (skipped.isEmpty() ? "" : " and skipped " + skipped.size()) + "." +
			(unrepaired == 0 ? "" : " " + unrepaired +
				" pixels had no valid neighbour and were left as they were.");
	}
}
