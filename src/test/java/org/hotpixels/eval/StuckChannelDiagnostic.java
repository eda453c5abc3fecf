package org.hotpixels.eval;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.eval.Encodings.Encoding;
import org.hotpixels.find.FindOptions;
import org.hotpixels.io.StatisticsFile;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.stats.PixelStatistics;

/**
 * Prints, for the planted defects of a JPEG photo series and for a clean series' population,
 * candidate quantities of a stuck-pixel test: per channel, a per-pixel map's residual against the
 * median of its 5x5 neighbours in units of its 32x32 block's robust spread. Used to choose the
 * test for stuck values confined to one channel of 4:2:0 JPEG; statistics are cached as state
 * files.
 *
 * <pre>{@code
 * java -cp ... org.hotpixels.eval.StuckChannelDiagnostic [quality frames seed cleanSeed [core]]
 * java -cp ... org.hotpixels.eval.StuckChannelDiagnostic window|directions FILE x y channel...
 * java -cp ... org.hotpixels.eval.StuckChannelDiagnostic tails FILE...
 * }</pre>
 */
final class StuckChannelDiagnostic {

	static int W = RealEvaluation.WIDTH, H = RealEvaluation.HEIGHT;
	static final int BLOCK = 32;

	public static void main(final String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("directions")) {
			directions(args);
			return;
		}
		if (args.length > 0 && args[0].equals("tails")) {
			tails(args);
			return;
		}
		if (args.length > 0 && args[0].equals("window")) {
			window(args);
			return;
		}
		final int quality = args.length > 0 ? Integer.parseInt(args[0]) : 92;
		final int frames = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		final long seed = args.length > 2 ? Long.parseLong(args[2]) : 40 + frames;
		final long cleanSeed = args.length > 3 ? Long.parseLong(args[3]) : 39;
		final Path dir = Paths.get("target/stuck-diag");
		Files.createDirectories(dir);
		final List<BufferedImage> photos = RealPhotos.load(RealPhotos.available());
		final boolean core = args.length > 4 && args[4].equals("core");
		final SyntheticSeries planted = PhotoCropSeries.of(photos, W, H, frames, seed, PhotoDefects
			.create(W, H, seed, !core));
		final PixelStatistics ps = stats(planted, core ? "core" : "extra", quality, dir);
		final Map<String, float[][]> q = quantities(ps);
		System.out.println("# planted, q" + quality + ", " + frames + " frames, seed " + seed);
		for (final PlantedDefect d : planted.planted()) {
			if (d.channel() < 0 && !d.label().contains("stuck")) continue;
			final StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
				"%-28s %4d %4d ch%2d v%5.0f", d.label(), d.x(), d.y(), d.channel(), d.value()));
			for (final Map.Entry<String, float[][]> e : q.entrySet()) {
				s.append(" | ").append(e.getKey());
				for (int c = 0; c < 3; c++)
					s.append(String.format(Locale.ROOT, " %6.1f", e.getValue()[c][d.y() * W + d.x()]));
			}
			System.out.println(s);
		}
		if (cleanSeed < 0) return;
		final SyntheticSeries clean = PhotoCropSeries.of(photos, W, H, frames, cleanSeed, Collections
			.emptyList());
		final Map<String, float[][]> cq = quantities(stats(clean, "clean", quality, dir));
		final float[][] lv = cq.get("logVar"), cr = cq.get("cross");
		for (int c = 0; c < 3; c++) {
			float worst = Float.NEGATIVE_INFINITY;
			int at = 0, four = 0;
			for (int i = 0; i < W * H; i++) {
				final float both = Math.min(-lv[c][i], -cr[c][i]);
				if (both >= 4) four++;
				if (both > worst) {
					worst = both;
					at = i;
				}
			}
			System.out.println(String.format(Locale.ROOT,
				"clean joint ch%d: %d pixels with both <= -4; strongest both %.1f at (%d,%d)", c, four,
				worst, at % W, at / W));
		}
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < W * H; i++)
				if (lv[c][i] <= -4 && cr[c][i] <= -3) {
					final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "clean %4d %4d ch%d",
						i % W, i / W, c));
					for (final Map.Entry<String, float[][]> e : cq.entrySet())
						s.append(" | ").append(e.getKey()).append(String.format(Locale.ROOT, " %6.1f", e
							.getValue()[c][i]));
					System.out.println(s);
				}
		System.out.println("# clean, seed " + cleanSeed +
			": per quantity and channel, count <= -4, -5, -6, -8, and the lowest");
		for (final Map.Entry<String, float[][]> e : cq.entrySet()) {
			final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-12s", e.getKey()));
			for (int c = 0; c < 3; c++) {
				final float[] z = e.getValue()[c];
				int a = 0, b = 0, cc = 0, dd = 0;
				float min = Float.POSITIVE_INFINITY;
				int at = -1;
				for (int i = 0; i < z.length; i++) {
					if (z[i] <= -4) a++;
					if (z[i] <= -5) b++;
					if (z[i] <= -6) cc++;
					if (z[i] <= -8) dd++;
					if (z[i] < min) {
						min = z[i];
						at = i;
					}
				}
				s.append(String.format(Locale.ROOT, " | ch%d %5d %4d %3d %3d min %6.1f at (%d,%d)", c, a, b,
					cc, dd, min, at % W, at / W));
			}
			System.out.println(s);
		}
	}

	/** tails FILE...: joint (own and cross) scores by sign, counts at 4..8 per channel. */
	private static void tails(final String[] args) throws Exception {
		for (int a = 1; a < args.length; a++) {
			final Map<String, float[][]> q = quantities(StatisticsFile.read(Paths.get(args[a])));
			final float[][] lv = q.get("logVar"), cr = q.get("cross");
			final StringBuilder s = new StringBuilder(args[a]);
			for (int c = 0; c < 3; c++) {
				final int[] neg = new int[5], pos = new int[5];
				for (int i = 0; i < W * H; i++) {
					final float low = Math.max(lv[c][i], cr[c][i]), high = Math.min(lv[c][i], cr[c][i]);
					for (int k = 0; k < 5; k++) {
						if (low <= -(4 + k)) neg[k]++;
						if (high >= 4 + k) pos[k]++;
					}
				}
				s.append(" | ch").append(c).append(" neg ").append(Arrays.toString(neg)).append(" pos ")
					.append(Arrays.toString(pos));
			}
			System.out.println(s);
		}
	}

	/** directions FILE x y c ...: for own log variance and cross contrast, the departure from the
	 * two pixels 2 away in each of 4 directions as a part of the residual against the 5x5 median. */
	private static void directions(final String[] args) throws Exception {
		final PixelStatistics ps = StatisticsFile.read(Paths.get(args[1]));
		W = ps.width();
		H = ps.height();
		final int n = W * H;
		final float[][] logVar = new float[3][n];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < n; i++)
				logVar[c][i] = (float) Math.log(ps.variance(ps.index(i % W, i / W, c)) + 1.0 / 12);
		for (int k = 2; k + 2 < args.length; k += 3) {
			final int x = Integer.parseInt(args[k]), y = Integer.parseInt(args[k + 1]), c = Integer
				.parseInt(args[k + 2]);
			final float[] cross = new float[n];
			for (int i = 0; i < n; i++)
				cross[i] = logVar[c][i] - 0.5f * (logVar[(c + 1) % 3][i] + logVar[(c + 2) % 3][i]);
			final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "(%d,%d) ch%d", x, y,
				c));
			for (final float[] map : new float[][]{ logVar[c], cross }) {
				final float[] buf = new float[25];
				int m = 0;
				for (int v = Math.max(0, y - 2); v <= Math.min(H - 1, y + 2); v++)
					for (int u = Math.max(0, x - 2); u <= Math.min(W - 1, x + 2); u++)
						if (u != x || v != y) buf[m++] = map[v * W + u];
				final float centre = map[y * W + x], r = centre - median(buf, m);
				float strongest = Float.NEGATIVE_INFINITY;
				for (int v = Math.max(0, y - 1); v <= Math.min(H - 1, y + 1); v++)
					for (int u = Math.max(0, x - 1); u <= Math.min(W - 1, x + 1); u++)
						if (u != x || v != y) strongest = Math.max(strongest, (map[v * W + u] - (centre - r)) /
							r);
				s.append(String.format(Locale.ROOT, " | r %6.3f nb %4.2f:", r, strongest));
				for (final int[] d : new int[][]{ { 1, 0 }, { 0, 1 }, { 1, 1 }, { 1, -1 } })
					for (final int dist : new int[]{ 1, 2 }) {
						final int ax = x + dist * d[0], ay = y + dist * d[1], bx = x - dist * d[0], by = y -
							dist * d[1];
						final boolean aIn = ax >= 0 && ay >= 0 && ax < W && ay < H, bIn = bx >= 0 && by >= 0 &&
							bx < W && by < H;
						final float a = aIn ? map[ay * W + ax] : map[by * W + bx], b = bIn ? map[by * W + bx]
							: a;
						s.append(String.format(Locale.ROOT, " %4.2f", (centre - 0.5f * (a + b)) / r));
					}
			}
			System.out.println(s);
		}
	}

	/** window FILE x y channel...: 7x7 windows of the raw residuals (x100) around (x, y). */
	private static void window(final String[] args) throws Exception {
		final PixelStatistics ps = StatisticsFile.read(Paths.get(args[1]));
		W = ps.width();
		H = ps.height();
		final Map<String, float[][]> q = quantities(ps);
		for (int k = 2; k + 2 < args.length; k += 3) {
			final int x = Integer.parseInt(args[k]), y = Integer.parseInt(args[k + 1]), c = Integer
				.parseInt(args[k + 2]);
			System.out.println("# (" + x + "," + y + ") channel " + c);
			for (final String name : new String[]{ "raw100", "crossRaw100", "logVar", "cross" }) {
				System.out.println(name);
				for (int v = y - 3; v <= y + 3; v++) {
					final StringBuilder s = new StringBuilder();
					for (int u = x - 3; u <= x + 3; u++)
						s.append(u < 0 || v < 0 || u >= W || v >= H ? "      ." : String.format(Locale.ROOT,
							" %6.1f", q.get(name)[c][v * W + u]));
					System.out.println(s);
				}
			}
		}
	}

	/**
	 * The statistics of the series written as JPEG at {@code quality}, cached in {@code dir} as
	 * {@code <set>-s<seed>-n<frames>-q<quality>.hps}; {@code set} names the planted defects:
	 * {@code clean}, {@code core} (49) or {@code extra} (55).
	 */
	static PixelStatistics stats(final SyntheticSeries series, final String set, final int quality,
		final Path dir) throws Exception
	{
		final Path file = dir.resolve(set + "-s" + series.seed() + "-n" + series.size() + "-q" +
			quality + ".hps");
		if (Files.exists(file)) return StatisticsFile.read(file);
		final Path folder = dir.resolve("frames-" + series.seed());
		final List<List<Path>> files = Encodings.write(series, folder, Arrays.asList(Encoding.jpeg(
			quality)), 2);
		final PixelStatistics s = HotPixelFinder.find(new FileSeriesSource(files.get(0)),
			new FindOptions(), Progress.NONE).statistics();
		Encodings.delete(folder);
		StatisticsFile.write(s, file);
		return s;
	}

	/** Standardised residual maps of the candidate quantities, per channel. */
	static Map<String, float[][]> quantities(final PixelStatistics s) {
		final int n = W * H;
		final float[][] logVar = new float[3][n], logRes = new float[3][n];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < n; i++) {
				final int k = s.index(i % W, i / W, c);
				logVar[c][i] = (float) Math.log(s.variance(k) + 1.0 / 12);
				logRes[c][i] = (float) Math.log(s.residualVariance(k) + 1.0 / 12);
			}
		final Map<String, float[][]> out = new LinkedHashMap<>();
		final float[][] cross = new float[3][n], ratio = new float[3][n], ratioCross = new float[3][n],
			negRes = new float[3][n];
		for (int c = 0; c < 3; c++) {
			final int a = (c + 1) % 3, b = (c + 2) % 3;
			for (int i = 0; i < n; i++) {
				cross[c][i] = logVar[c][i] - 0.5f * (logVar[a][i] + logVar[b][i]);
				ratio[c][i] = logVar[c][i] - logRes[c][i];
				negRes[c][i] = -logRes[c][i];
			}
		}
		for (int c = 0; c < 3; c++) {
			final int a = (c + 1) % 3, b = (c + 2) % 3;
			for (int i = 0; i < n; i++)
				ratioCross[c][i] = ratio[c][i] - 0.5f * (ratio[a][i] + ratio[b][i]);
		}
		out.put("logVar", standardise(logVar));
		out.put("raw100", raw(logVar));
		out.put("crossRaw100", raw(cross));
		out.put("cross", standardise(cross));
		out.put("-logRes", standardise(negRes));
		out.put("ratio", standardise(ratio));
		out.put("ratioX", standardise(ratioCross));
		return out;
	}

	private static float[][] standardise(final float[][] maps) {
		final float[][] z = new float[maps.length][];
		for (int c = 0; c < maps.length; c++)
			z[c] = standardise(maps[c]);
		return z;
	}

	private static float[][] raw(final float[][] maps) {
		final float[][] z = new float[maps.length][];
		for (int c = 0; c < maps.length; c++) {
			z[c] = residual(maps[c]);
			for (int i = 0; i < z[c].length; i++)
				z[c][i] *= 100;
		}
		return z;
	}

	static float[] residual(final float[] map) {
		final int n = W * H;
		final float[] r = new float[n];
		final float[] buf = new float[25];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				int k = 0;
				for (int v = Math.max(0, y - 2); v <= Math.min(H - 1, y + 2); v++)
					for (int u = Math.max(0, x - 2); u <= Math.min(W - 1, x + 2); u++)
						if (u != x || v != y) buf[k++] = map[v * W + u];
				r[y * W + x] = map[y * W + x] - median(buf, k);
			}
		return r;
	}

	/** Residual against the 5x5 median over its block's robust spread (at least half the typical). */
	static float[] standardise(final float[] map) {
		final int n = W * H;
		final float[] r = residual(map);
		final int bx = W / BLOCK, by = H / BLOCK;
		final float[] scale = new float[bx * by];
		final float[] b = new float[BLOCK * BLOCK];
		for (int j = 0; j < by; j++)
			for (int i = 0; i < bx; i++) {
				int k = 0;
				for (int y = j * BLOCK; y < (j + 1) * BLOCK; y++)
					for (int x = i * BLOCK; x < (i + 1) * BLOCK; x++)
						b[k++] = Math.abs(r[y * W + x]);
				scale[j * bx + i] = 1.4826f * median(b, k);
			}
		final float typical = median(scale.clone(), scale.length);
		final float[] z = new float[n];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				z[y * W + x] = r[y * W + x] / Math.max(0.5f * typical, scale[Math.min(by - 1, y / BLOCK) *
					bx + Math.min(bx - 1, x / BLOCK)]);
		return z;
	}

	static float median(final float[] v, final int n) {
		final float[] c = Arrays.copyOf(v, n);
		Arrays.sort(c);
		return n % 2 == 1 ? c[n / 2] : 0.5f * (c[n / 2 - 1] + c[n / 2]);
	}

}
