package org.hotpixels.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets of issue 11, checked against the measured ratios: each line says what was asked,
 * what was measured, and whether it holds. Targets whose case did not run are left out.
 */
final class Targets {

	private final ResultTable table = new ResultTable("target (issue 11)", "measured", "holds",
		"note");
	private final List<Boolean> outcomes = new ArrayList<>();

	/** Records a target "value must be at least {@code bound}". */
	void atLeast(final String target, final double value, final double bound, final String shown) {
		atLeast(target, value, bound, shown, "");
	}

	/** The same, with a note beside it (what limits the value). */
	void atLeast(final String target, final double value, final double bound, final String shown,
		final String note)
	{
		add(target, shown, Double.isNaN(value) ? null : value >= bound, note);
	}

	/** Records a target "value must be at most {@code bound}". */
	void atMost(final String target, final double value, final double bound, final String shown) {
		atMost(target, value, bound, shown, "");
	}

	/** The same, with a note beside it (what limits the value). */
	void atMost(final String target, final double value, final double bound, final String shown,
		final String note)
	{
		add(target, shown, Double.isNaN(value) ? null : value <= bound, note);
	}

	private void add(final String target, final String shown, final Boolean holds,
		final String note)
	{
		if (holds == null) {
			table.add(target, "not measured", "?", note);
			return;
		}
		table.add(target, shown, holds ? "yes" : "NO", note);
		outcomes.add(holds);
	}

	boolean isEmpty() {
		return outcomes.isEmpty();
	}

	void print(final PrintStream out, final boolean quick) {
		if (quick) {
			out.println("  (--quick: sizes too small for the targets, which the full run checks;");
			out.println("  this run only shows that every case works.)");
			return;
		}
		table.print(out);
		final long held = outcomes.stream().filter(b -> b).count();
		out.println("  " + held + " of " + outcomes.size() + " measured targets hold.");
	}
}
