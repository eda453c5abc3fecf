package org.hotpixels.bench;

import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What the benchmark measures and at which sizes: the full sizes of issues 5 and 11, or {@code --quick}
 * sizes that finish in well under a minute (a smoke test for CI).
 */
@Command(name = "bench")
final class BenchSettings {

	@Option(names = "--quick", description = "small sizes, under a minute (a smoke test)")
	boolean quick;
	@Option(names = "--threads", paramLabel = "N",
		description = "worker threads of every method (default 2)")
	int threads = 2;
	@Option(names = "--repeats", paramLabel = "N",
		description = "best of N for the in-memory cases (default 3)")
	int repeats = 3;
	/** Repeats of decoding alone and statistics on folders, each a fresh JVM: best of these. */
	int folderRepeats = 2;
	@Option(names = "--only", paramLabel = "LIST",
		description = "sections to run: a open stacks, b JPEG folder, c TIFF folder, d memory")
	String sections = "abcd";
	@Option(names = "--dir", paramLabel = "FOLDER",
		description = "where to write the test series (default: a new temporary folder)")
	Path dir;
	@Option(names = "--keep", description = "keep the test series instead of deleting them")
	boolean keep;

	/** The open stack of issue 11's table: 40 frames of 2048x2048. */
	int stackWidth = 2048, stackHeight = 2048, stackFrames = 40;
	/** Runs of find and of detection alone per stack (each takes seconds). */
	int findRepeats = 3;
	String stackHeap = "6g";
	int jpegWidth = 3872, jpegHeight = 2592, jpegFrames = 60;
	int tiffWidth = 2048, tiffHeight = 2048, tiffFrames = 40;
	int memoryWidth = 1024, memoryHeight = 1024, fewFrames = 50, manyFrames = 500;
	/** Heap of our runs: what the {@code hotpixels} launcher gives the CLI. */
	String ourHeap = "1g";
	/** Heap of the memory comparison of few and many frames. */
	String memoryHeap = "256m";
	/** Heap of ImageJ's FolderOpener + ZProjector: it holds the whole series. */
	String imagejHeap = "8g";
	/** Candidate heaps, in MB, for the smallest -Xmx that runs find on the JPEG folder. */
	int[] heapCandidates = { 448, 512, 576, 640, 768 };

	/** The options, as {@code hotpixels bench --help} lists them. */
	static String usage() {
		return new CommandLine(new BenchSettings()).getUsageMessage();
	}

	/** Parses the command line (picocli); throws IllegalArgumentException with a one-line reason. */
	static BenchSettings parse(final String[] args) {
		final BenchSettings s = new BenchSettings();
		final CommandLine.ParseResult parsed;
		try {
			parsed = new CommandLine(s).parseArgs(args);
		}
		catch (final ParameterException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		s.sections = s.sections.toLowerCase(Locale.ROOT);
		if (!s.sections.matches("[abcd]+")) throw new IllegalArgumentException(
			"--only takes letters among a, b, c, d, got '" + s.sections + "'.");
		if (s.threads < 1) throw new IllegalArgumentException(
			"--threads needs a positive whole number, got '" + s.threads + "'.");
		if (s.repeats < 1) throw new IllegalArgumentException(
			"--repeats needs a positive whole number, got '" + s.repeats + "'.");
		if (s.quick) {
			final int repeats = s.repeats;
			s.quick();
			if (parsed.hasMatchedOption("--repeats")) s.repeats = repeats; // given beats quick's
		}
		return s;
	}

	private void quick() {
		quick = true;
		repeats = 2;
		findRepeats = 1;
		folderRepeats = 1;
		stackWidth = 256;
		stackHeight = 256;
		stackFrames = 16;
		stackHeap = "256m";
		jpegWidth = 480;
		jpegHeight = 320;
		jpegFrames = 8;
		tiffWidth = 256;
		tiffHeight = 256;
		tiffFrames = 8;
		memoryWidth = 128;
		memoryHeight = 128;
		fewFrames = 8;
		manyFrames = 80;
		ourHeap = "256m";
		memoryHeap = "128m";
		imagejHeap = "256m";
		heapCandidates = new int[]{ 64 };
	}

	boolean runs(final char section) {
		return sections.indexOf(section) >= 0;
	}
}
