package org.hotpixels.bench;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the benchmark measures and at which sizes: the full sizes of issues 5 and 11, or {@code --quick}
 * sizes that finish in well under a minute (a smoke test for CI).
 */
final class BenchSettings {

	boolean quick;
	int threads = 2;
	int repeats = 3;
	/** Repeats of decoding alone and statistics on folders, each a fresh JVM: best of these. */
	int folderRepeats = 2;
	String sections = "abcd";
	Path dir;
	boolean keep;

	/** The open stack of issue 11's table: 40 frames of 2048x2048. */
	int stackWidth = 2048, stackHeight = 2048, stackFrames = 40;
	/** Runs of find and of detection alone per stack (each takes seconds). */
	int findRepeats = 2;
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

	static final String USAGE = String.join("\n", //
		"Usage: bench [--quick] [--only abcd] [--threads N] [--repeats N] [--dir FOLDER] [--keep]", //
		"  --quick      small sizes, under a minute (a smoke test)", //
		"  --only LIST  sections to run: a open stacks, b JPEG folder, c TIFF folder, d memory", //
		"  --threads N  worker threads of every method (default 2)", //
		"  --repeats N  best of N for the in-memory cases (default 3)", //
		"  --dir FOLDER where to write the test series (default: a new temporary folder)", //
		"  --keep       keep the test series instead of deleting them");

	/** Parses the command line; throws IllegalArgumentException with a one-line reason. */
	static BenchSettings parse(final String[] args) {
		final BenchSettings s = new BenchSettings();
		for (int k = 0; k < args.length; k++) {
			final String a = args[k];
			switch (a) {
				case "--quick" :
					s.quick();
					break;
				case "--keep" :
					s.keep = true;
					break;
				case "--only" :
					s.sections = value(args, ++k, a).toLowerCase(java.util.Locale.ROOT);
					if (!s.sections.matches("[abcd]+")) throw new IllegalArgumentException(
						"--only takes letters among a, b, c, d, got '" + s.sections + "'.");
					break;
				case "--threads" :
					s.threads = positive(value(args, ++k, a), a);
					break;
				case "--repeats" :
					s.repeats = positive(value(args, ++k, a), a);
					break;
				case "--dir" :
					s.dir = Paths.get(value(args, ++k, a));
					break;
				default :
					throw new IllegalArgumentException("Unknown option '" + a + "'.");
			}
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

	private static String value(final String[] args, final int k, final String option) {
		if (k >= args.length) throw new IllegalArgumentException(option + " needs a value.");
		return args[k];
	}

	private static int positive(final String value, final String option) {
		try {
			final int n = Integer.parseInt(value);
			if (n > 0) return n;
		}
		catch (final NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a positive whole number, got '" + value +
			"'.");
	}
}
