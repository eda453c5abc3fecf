package org.hotpixels.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.hotpixels.bench.Benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code hotpixels bench}: the speed and memory benchmark of the README's Performance section. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
	"Measures speed and memory beside ImageJ 1's ZProjector and FolderOpener, the " +
		"2011 Python program (when python3 has numpy and Pillow) and the read floor, on data it " +
		"generates, in-process and as whole processes; prints the load average and issue 11's " +
		"targets (about 10 minutes; --quick: every row at small sizes, under a minute).",
	"Options: --quick, --only abcd (sections), --threads N, --repeats N, --dir FOLDER, --keep." })
final class BenchCommand implements Callable<Integer> {

	@Unmatched
	List<String> args = new ArrayList<>();

	@Override
	public Integer call() {
		return Benchmark.run(args.toArray(new String[0]), System.out);
	}
}
