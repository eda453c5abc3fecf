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
		out.printf(Locale.ROOT,
			"%n(a) Open stacks in memory, %dx%dx%d, best of %d (child JVM -Xmx%s)%n", s.stackWidth,
			s.stackHeight, s.stackFrames, s.repeats, s.stackHeap);
		final ResultTable table = new ResultTable("stack", "method", "time", "vs floor",
			"vs statistics", "samples/s", "note");
		final ChildJvm.Outcome all = s.quick ? measure(s, TYPES) : null;
		for (final PixelType type : TYPES) {
			final ChildJvm.Outcome o = all != null ? all : measure(s, type);
			final String label = type.label() + " stack";
			if (!o.ok() || row(o, type, "floor") == null) {
				table.add(label, "failed", "-", "-", "-", "-", o.failure());
				continue;
			}
			final double floor = seconds(o, type, "floor"), stats = seconds(o, type, "statistics");
			final double find = seconds(o, type, "find"), zp = seconds(o, type, "zprojector");
			final double samples = FolderSections.number(row(o, type, "floor"), "samples");
			add(table, label, "read floor (sum of all samples)", floor, floor, stats, samples, "");
			add(table, "", "sums of values and squares only", seconds(o, type, "variance floor"), floor,
				stats, samples, "the least a variance needs");
			add(table, "", "our statistics, batches of " + get(o, type, "statistics", "batch") +
				" (find's)", stats, floor, stats, samples, get(o, type, "statistics", "check"));
			add(table, "", "our statistics, all " + get(o, type, "one batch", "batch") +
				" frames in one batch", seconds(o, type, "one batch"), floor, stats, samples, "");
			add(table, "", "our find (statistics + detection)", find, floor, stats, samples, get(o, type,
				"find", "defects") + " defects (" + get(o, type, "find", "planted") + " planted)");
			add(table, "", "  of which detection + ranking", seconds(o, type, "detection"), floor, stats,
				Double.NaN, "");
			final String agreement = get(o, type, "zprojector", "agreement");
			add(table, "", "ImageJ 1: ZProjector SD", zp, floor, stats, samples, agreement.isEmpty() ? ""
				: "SD agrees with ours to " + agreement);
			final String name = type.label() + " stack: ";
			// what the least work a variance needs would give: where even it misses a target, no
			// exact statistics pass can meet it on this machine
			final double sums = seconds(o, type, "variance floor");
			if (type != PixelType.GRAY32) targets.atLeast(name + "statistics >= 3x faster than " +
				"ZProjector SD", zp / stats, 3, ResultTable.ratio(zp / stats), bySumsAlone(zp / sums, 3,
					true));
			final double floorBound = type == PixelType.GRAY32 ? 3 : 1.5;
			targets.atMost(name + "statistics within " + (type == PixelType.GRAY32 ? "3x" : "1.5x") +
				" of the read floor", stats / floor, floorBound, ResultTable.ratio(stats / floor),
				bySumsAlone(sums / floor, floorBound, false));
			if (type == PixelType.GRAY16) targets.atMost("open 16-bit stack: find takes at most 1.0x " +
				"ZProjector SD's time", find / zp, 1, ResultTable.ratio(find / zp));
		}
		table.print(out);
	}

	/**
	 * The note beside a target: the ratio the sums of values and squares alone reach, and whether
	 * even they meet the bound ({@code atLeast}: the ratio must be at least the bound).
	 */
	private static String bySumsAlone(final double ratio, final double bound, final boolean atLeast) {
		if (Double.isNaN(ratio)) return "";
		final boolean meets = atLeast ? ratio >= bound : ratio <= bound;
		return "the sums alone: " + ResultTable.ratio(ratio) + (meets ? "" : ", out of reach");
	}

	private static void add(final ResultTable table, final String stack, final String method,
		final double t, final double floor, final double stats, final double samples, final String note)
	{
		table.add(stack, method, ResultTable.seconds(t), ResultTable.ratio(t / floor), ResultTable
			.ratio(t / stats), ResultTable.rate(samples, t), note);
	}

	/** One child per pixel type, so that no stack inherits another's heap; or all in one. */
	private static ChildJvm.Outcome measure(final BenchSettings s, final PixelType... types) {
		final StringBuilder names = new StringBuilder();
		for (final PixelType t : types)
			names.append(names.length() == 0 ? "" : ",").append(t.name());
		return ChildJvm.run(s.stackHeap, "stack", names.toString(), "" + s.stackWidth, "" +
			s.stackHeight, "" + s.stackFrames, "" + s.repeats, "" + s.findRepeats, "" + s.threads);
	}

	private static Map<String, String> row(final ChildJvm.Outcome o, final PixelType type,
		final String method)
	{
		final String stack = label(type, o);
		for (final Map<String, String> r : o.results)
			if (method.equals(r.get("method")) && stack.equals(r.get("stack"))) return r;
		return null;
	}

	/** The stack label the child used for {@code type}. */
	private static String label(final PixelType type, final ChildJvm.Outcome o) {
		for (final Map<String, String> r : o.results) {
			final String stack = r.get("stack");
			if (stack != null && stack.startsWith(type.label() + " ")) return stack;
		}
		return "";
	}

	private static double seconds(final ChildJvm.Outcome o, final PixelType type,
		final String method)
	{
		return FolderSections.number(row(o, type, method), "seconds");
	}

	private static String get(final ChildJvm.Outcome o, final PixelType type, final String method,
		final String key)
	{
		final Map<String, String> r = row(o, type, method);
		return r == null || r.get(key) == null ? "" : r.get(key);
	}
}
