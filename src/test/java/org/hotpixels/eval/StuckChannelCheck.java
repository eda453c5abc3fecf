package org.hotpixels.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.Defect;
import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.io.StatisticsFile;
import org.hotpixels.progress.Progress;
import org.hotpixels.stats.PixelStatistics;

/**
 * Detection only, on the statistics that {@link StuckChannelDiagnostic} cached (a state file per
 * JPEG photo series): recall, precision and false positives against the series' planted defects
 * (none for a clean series), the one-channel stuck pixels found or missed, and the time of
 * detection. Each argument is a cached file's name without {@code .hps}, such as
 * {@code extra-s100-n60-q92} (55 defects planted), {@code core-s15-n30-q90} (the 49 without the
 * one-channel extras) or {@code clean-s39-n60-q92}.
 */
final class StuckChannelCheck {

	public static void main(final String[] args) throws Exception {
		final Path dir = Paths.get("target/stuck-diag");
		final FindOptions options = new FindOptions();
		for (final String a : args) {
			final String[] p = a.split("-[snq]");
			final long seed = Long.parseLong(p[1]);
			final Path file = dir.resolve(a + ".hps");
			if (!Files.exists(file)) {
				System.out.println(a + ": no " + file);
				continue;
			}
			final PixelStatistics stats = StatisticsFile.read(file);
			final List<PlantedDefect> planted = p[0].equals("clean") ? Collections.emptyList()
				: PhotoDefects.create(stats.width(), stats.height(), seed, p[0].equals("extra"));
			// detection time: the fastest of 5 runs after one to warm up, and the process's CPU time
			HotPixelFinder.detect(stats, options, Progress.NONE, Collections.emptyList());
			final com.sun.management.OperatingSystemMXBean os =
				(com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
					.getOperatingSystemMXBean();
			final long cpu = os.getProcessCpuTime();
			double ms = Double.POSITIVE_INFINITY;
			FindResult r = null;
			for (int k = 0; k < 5; k++) {
				final long t = System.nanoTime();
				r = HotPixelFinder.detect(stats, options, Progress.NONE, Collections.emptyList());
				ms = Math.min(ms, (System.nanoTime() - t) / 1e6);
			}
			final double cpuMs = (os.getProcessCpuTime() - cpu) / 5e6;
			final Evaluation e = Evaluation.forFormat(planted, r.defects(), OutputFormat.JPEG);
			System.out.println(String.format(Locale.ROOT,
				"%s: %d frames q%s: recall %d/%d, precision %.3f, FP %d, kinds %d/%d, detect %.0f ms (CPU %.0f ms)",
				a, stats.frameCount(), p[3], e.truePositives(), planted.size(), e.precision(), e
					.falsePositives(), e.kindAgreements(), e.truePositives(), ms, cpuMs));
			for (final PlantedDefect d : e.missed())
				System.out.println("  missed " + d);
			for (final Defect d : e.unmatchedDetections())
				System.out.println("  false  " + d + String.format(Locale.ROOT, " score %.1f", d.score()));
			for (final Defect d : r.defects())
				for (final PlantedDefect x : planted)
					if (x.channel() >= 0 && x.label().contains("stuck") && Math.abs(x.x() - d.x()) <= 2 &&
						Math.abs(x.y() - d.y()) <= 2) System.out.println("  found  " + x.label() + " ch" + x
							.channel() + " as " + d + String.format(Locale.ROOT, " score %.1f", d.score()));
		}
		System.exit(0);
	}
}
