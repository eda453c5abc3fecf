package org.hotpixels.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.hotpixels.source.PixelType;

/**
 * Section (a), parent side: one child JVM per pixel type runs {@link StackBench}; this prints
 * the times next to the read floor and our statistics pass, and checks the 16-bit targets.
 */
final class StackSection {

	private static final PixelType[] TYPES = { PixelType.GRAY16, PixelType.GRAY8, PixelType.RGB,
		PixelType.GRAY32 };

	private StackSection() {}

	static void run(final BenchSettings s, final PrintStream out, final Targets targets) {
		out.printf(Locale.ROOT, "%n(a) Open stacks in memory, %dx%dx%d, best of %d (child JVM -Xmx%s)%n",
			s.stackWidth, s.stackHeight, s.stackFrames, s.repeats, s.stackHeap);
		final ResultTable table = new ResultTable("stack", "method", "time", "vs floor",
			"vs statistics", "samples/s", "note");
		for (final PixelType type : TYPES) {
			final ChildJvm.Outcome o = ChildJvm.run(s.stackHeap, "stack", type.name(), "" +
				s.stackWidth, "" + s.stackHeight, "" + s.stackFrames, "" + s.repeats, "" + s.threads);
			final String label = type.label() + " stack";
			if (!o.ok()) {
				table.add(label, "failed", "-", "-", "-", "-", o.failure());
				continue;
			}
			final double floor = seconds(o, "floor"), stats = seconds(o, "statistics");
			final double samples = o.number(0, "samples");
			add(table, label, "read floor (sum of all samples)", floor, floor, stats, samples, "");
			add(table, "", "our statistics (PixelStatistics.addAll)", stats, floor, stats, samples, "");
			add(table, "", "our find (statistics + detection)", seconds(o, "find"), floor, stats,
				samples, get(o, "find", "defects") + " defects (" + Scenes.DEFECTS + " planted)");
			add(table, "", "  of which detection + ranking", seconds(o, "detection"), floor, stats,
				Double.NaN, "");
			final String agreement = get(o, "zprojector", "agreement");
			add(table, "", "ImageJ 1: ZProjector SD", seconds(o, "zprojector"), floor, stats, samples,
				agreement.isEmpty() ? "" : "SD agrees with ours to " + agreement);
			if (type == PixelType.GRAY16) {
				targets.atLeast("16-bit stack: statistics >= 3x faster than ZProjector SD", seconds(o,
					"zprojector") / stats, 3, ResultTable.ratio(seconds(o, "zprojector") / stats));
				targets.atMost("16-bit stack: statistics within 1.5x of the read floor", stats / floor,
					1.5, ResultTable.ratio(stats / floor));
				targets.atLeast("16-bit stack: find >= 3x faster than ZProjector SD", seconds(o,
					"zprojector") / seconds(o, "find"), 3, ResultTable.ratio(seconds(o, "zprojector") /
						seconds(o, "find")));
			}
		}
		table.print(out);
	}

	private static void add(final ResultTable table, final String stack, final String method,
		final double t, final double floor, final double stats, final double samples,
		final String note)
	{
		table.add(stack, method, ResultTable.seconds(t), ResultTable.ratio(t / floor), ResultTable
			.ratio(t / stats), ResultTable.rate(samples, t), note);
	}

	private static Map<String, String> row(final ChildJvm.Outcome o, final String method) {
		for (final Map<String, String> r : o.results)
			if (method.equals(r.get("method"))) return r;
		return null;
	}

	private static double seconds(final ChildJvm.Outcome o, final String method) {
		return FolderSections.number(row(o, method), "seconds");
	}

	private static String get(final ChildJvm.Outcome o, final String method, final String key) {
		final Map<String, String> r = row(o, method);
		return r == null || r.get(key) == null ? "" : r.get(key);
	}
}
