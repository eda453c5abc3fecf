package org.hotpixels.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.hotpixels.detect.RankedPixel;

/**
 * The lowest-variance ranking as CSV ({@code lowest.csv}): a header line, then one ranked place a
 * line, lowest variance first. Unknown values are empty fields.
 *
 * <pre>
 * rank,x,y,channel,variance,mean,min,max,neighbour_variance,variance_ratio
 * 1,265,307,1,0.25,128,127,129,180.5,0.00138504
 * </pre>
 * {@link DefectCsv#read} reads it back as defects (it ignores {@code rank} and
 * {@code variance_ratio}).
 */
public final class LowestVarianceCsv {

	private LowestVarianceCsv() {}

	/** Writes the ranking as CSV (columns as in the "Lowest Variance" table). */
	public static void write(final Writer w, final List<RankedPixel> lowest) throws IOException {
		w.write("rank,x,y,channel,variance,mean,min,max,neighbour_variance,variance_ratio\n");
		for (final RankedPixel p : lowest)
			w.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%s,%s,%s,%s,%s,%s%n", p.rank(), p.x(), p.y(),
				p.channel(), num(p.variance()), num(p.mean()), num(p.min()), num(p.max()), num(p
					.neighbourVariance()), num(p.varianceRatio())));
	}

	private static String num(final double v) {
		if (Double.isNaN(v)) return "";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return String.format(Locale.ROOT, "%.6g", v);
	}
}
