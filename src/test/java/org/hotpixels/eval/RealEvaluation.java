package org.hotpixels.eval;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
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

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.eval.Encodings.Encoding;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.source.FrameSource;

/**
 * Evaluates {@link HotPixelFinder#find} at its default settings on series cut from real
 * photographs (JPEG at several qualities, and lossless) and on hard dark frames, against the
 * planted defects, and writes the tables as Markdown. Run by {@code eval/real-photos.sh}.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:CLASSPATH org.hotpixels.eval.RealEvaluation \
 *     --out target/real-eval/results.md [--quick] [--only photos|darks] [--sigma 6]
 * }</pre>
 */
public final class RealEvaluation {

	static final int WIDTH = 1024, HEIGHT = 768;

	private final Path out, work;
	private final boolean quick;
	private final FindOptions options = new FindOptions();
	private final List<Outcome> photoRows = new ArrayList<>(), darkRows = new ArrayList<>();
	private final StringBuilder details = new StringBuilder();

	private RealEvaluation(final Path out, final boolean quick, final double sigma) {
		this.out = out;
		this.work = out.toAbsolutePath().getParent().resolve("frames");
		this.quick = quick;
		options.sigma = sigma;
	}

	public static void main(final String[] args) throws Exception {
		Path out = Paths.get("target/real-eval/results.md");
		boolean quick = false;
		String only = "all";
		double sigma = new FindOptions().sigma;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--out")) out = Paths.get(args[++i]);
			else if (args[i].equals("--quick")) quick = true;
			else if (args[i].equals("--only")) only = args[++i];
			else if (args[i].equals("--sigma")) sigma = Double.parseDouble(args[++i]);
			else throw new IllegalArgumentException("Unknown argument " + args[i]);
		}
		final long start = System.nanoTime();
		final RealEvaluation e = new RealEvaluation(out, quick, sigma);
		if (only.startsWith("current")) e.current(only);
		else {
			if (!only.equals("darks")) e.photos();
			if (!only.equals("photos")) e.darks();
		}
		e.write((System.nanoTime() - start) / 1e9);
		System.exit(0);
	}

	/**
	 * The series of the detection issue: JPEG q92 4:2:0 photographs with defects confined to one
	 * channel at 30, 60 and 100 frames and the same as lossless; a static textured scene of 100
	 * 16-bit frames; 40 dark frames (16-bit and float) with hot pixels at 4-6, 6-25 and more
	 * sigma of the master dark, column and row segments and dead pixels at the bias.
	 */
	private void current(final String only) throws Exception {
		if (!only.endsWith(":photos")) currentDarks();
		if (only.endsWith(":darks")) return;
		final List<Path> files = RealPhotos.available();
		if (files.isEmpty()) throw new IllegalStateException("No photographs: install " + String.join(
			" ", RealPhotos.PACKAGES));
		final List<BufferedImage> photos = RealPhotos.load(files);
		for (final int n : new int[]{ 30, 60, 100 }) {
			final long seed = 40 + n;
			final SyntheticSeries s = PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(n), seed,
				PhotoDefects.create(WIDTH, HEIGHT, seed, true));
			if (n == 60) photoSeries(s, "photos", Arrays.asList(Encoding.jpeg(92)));
			else jpegOnly(s, "photos", Encoding.jpeg(92));
		}
		jpegOnly(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(60), 39, Collections.emptyList()),
			"clean photos", Encoding.jpeg(92));
	}

	private void staticScenes(final List<BufferedImage> photos) {
		for (final long seed : new long[]{ 51, 52 }) {
			final StaticSceneSeries s = new StaticSceneSeries(photos.get((int) (seed % photos.size())),
				640, 480, frames(100), seed, true);
			darkRows.add(find(s, "static scene " + seed, s.asSource(), OutputFormat.TIFF,
				"16-bit lossless"));
		}
	}

	private void currentDarks() throws Exception {
		staticScenes(RealPhotos.load(RealPhotos.available()));
		final int size = quick ? 512 : 1024;
		for (final DarkSensor sensor : Arrays.asList(DarkSensor.warm(), DarkSensor.cooled())) {
			final long seed = sensor.darkCurrent < 1 ? 61 : 62;
			final HardDarkSeries s = new HardDarkSeries(sensor, size, size, 40, seed, MasterDarkDefects
				.create(sensor, size, size, 40, seed));
			darkRows.add(find(s, "darks: " + sensor.name, s.asSource(), OutputFormat.TIFF,
				"16-bit lossless"));
			if (sensor.darkCurrent > 1) {
				final DemoSeries f = FloatSeries.of(s);
				darkRows.add(find(f, "darks: " + sensor.name, f.asSource(), OutputFormat.TIFF,
					"32-bit float"));
				final HardDarkSeries clean = new HardDarkSeries(sensor, size, size, 40, seed + 100,
					Collections.emptyList());
				darkRows.add(find(clean, "clean darks: " + sensor.name, clean.asSource(), OutputFormat.TIFF,
					"16-bit lossless"));
			}
		}
	}

	private void jpegOnly(final DemoSeries series, final String data, final Encoding encoding)
		throws Exception
	{
		final Path folder = work.resolve("photos-" + series.seed());
		final List<List<Path>> files = Encodings.write(series, folder, Arrays.asList(encoding), Math
			.max(1, options.threads));
		photoRows.add(find(series, data, new FileSeriesSource(files.get(0)), OutputFormat.JPEG, encoding
			.label()));
		Encodings.delete(folder);
	}

	private int frames(final int n) {
		return quick ? Math.max(10, n / 10) : n;
	}

	private void photos() throws Exception {
		final List<Path> files = RealPhotos.available();
		if (files.isEmpty()) throw new IllegalStateException("No photographs: install " + String.join(
			" ", RealPhotos.PACKAGES));
		log("Loading " + files.size() + " photographs");
		final List<BufferedImage> photos = RealPhotos.load(files);
		final List<PlantedDefect> none = Collections.emptyList();
		photoSeries(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(30), 15, PhotoDefects.create(WIDTH,
			HEIGHT, 15)), "photos", Arrays.asList(Encoding.jpeg(90)));
		photoSeries(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(100), 11, PhotoDefects.create(
			WIDTH, HEIGHT, 11)), "photos", Arrays.asList(Encoding.jpeg(85), Encoding.jpeg(90), Encoding
				.jpeg(95)));
		photoSeries(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(300), 12, PhotoDefects.create(
			WIDTH, HEIGHT, 12)), "photos", Arrays.asList(Encoding.jpeg(90)));
		photoSeries(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(30), 16, none), "clean photos",
			Arrays.asList(Encoding.jpeg(90)));
		photoSeries(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(100), 13, none), "clean photos",
			Arrays.asList(Encoding.jpeg(90)));
		photoSeries(PhotoCropSeries.of(photos, WIDTH, HEIGHT, frames(300), 14, none), "clean photos",
			Arrays.asList(Encoding.jpeg(90)));
	}

	/**
	 * Finds on the lossless frames (in memory: bit-identical to PNG files, which the project's
	 * reader tests check) and on JPEG files written in each encoding.
	 */
	private void photoSeries(final DemoSeries series, final String data,
		final List<Encoding> encodings) throws Exception
	{
		photoRows.add(find(series, data, series.asSource(), OutputFormat.PNG,
			"lossless (PNG-equivalent)"));
		final Path folder = work.resolve("photos-" + series.seed());
		log("Writing " + series.size() + " frames of seed " + series.seed() + " as " + encodings
			.size() + " JPEG encodings");
		final List<List<Path>> files = Encodings.write(series, folder, encodings, Math.max(1,
			options.threads));
		for (int k = 0; k < encodings.size(); k++)
			photoRows.add(find(series, data, new FileSeriesSource(files.get(k)), OutputFormat.JPEG,
				encodings.get(k).label()));
		Encodings.delete(folder);
	}

	private void darks() {
		for (final DarkSensor sensor : Arrays.asList(DarkSensor.warm(), DarkSensor.cooled()))
			for (final int n : new int[]{ 10, 100 }) {
				final long seed = 20 + n + (sensor.darkCurrent < 1 ? 1000 : 0);
				final HardDarkSeries s = new HardDarkSeries(sensor, WIDTH, HEIGHT, n, seed, DarkDefects
					.create(sensor, WIDTH, HEIGHT, seed));
				darkRows.add(find(s, "darks: " + sensor.name, s.asSource(), OutputFormat.TIFF,
					"16-bit lossless"));
				final HardDarkSeries clean = new HardDarkSeries(sensor, WIDTH, HEIGHT, n, seed + 1,
					Collections.emptyList());
				darkRows.add(find(clean, "clean darks: " + sensor.name, clean.asSource(), OutputFormat.TIFF,
					"16-bit lossless"));
			}
	}

	private Outcome find(final DemoSeries series, final String data, final FrameSource source,
		final OutputFormat format, final String formatLabel)
	{
		final long t = System.nanoTime();
		final FindResult r = HotPixelFinder.find(source, options, Progress.NONE);
		final double seconds = (System.nanoTime() - t) / 1e9;
		final Evaluation e = Evaluation.forFormat(series.planted(), r.defects(), format);
		final Outcome o = new Outcome(data, series.size(), formatLabel, e, seconds);
		log(o.row(false).trim());
		final String extra = LineAndChannelCheck.describe(series.planted(), r.defects(), format
			.isLossy() ? 2 : 1);
		final Map<String, Integer> fpKinds = new java.util.TreeMap<>();
		for (final org.hotpixels.detect.Defect d : e.unmatchedDetections())
			fpKinds.merge(d.kind() == null ? "?" : d.kind().label(), 1, Integer::sum);
		if (!fpKinds.isEmpty()) log("- false positives by kind: " + fpKinds);
		details.append(o.details(40)).append(extra);
		return o;
	}

	private void write(final double seconds) throws Exception {
		final StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "# Evaluation results (sigma %.1f%s), %.0f s%n%n",
			options.sigma, quick ? ", quick" : "", seconds));
		if (!photoRows.isEmpty()) s.append("## Real photographs, ").append(WIDTH).append('x').append(
			HEIGHT).append("\n\n").append(Outcome.header(false)).append(rows(photoRows, false)).append(
				'\n').append(labelTable(photoRows)).append('\n');
		if (!darkRows.isEmpty()) s.append("## Dark frames and fixed scenes\n\n").append(Outcome.header(
			true)).append(rows(darkRows, true)).append('\n').append(labelTable(darkRows)).append('\n');
		s.append("## Details\n\n").append(details);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.write(out, s.toString().getBytes(StandardCharsets.UTF_8));
		log("Wrote " + out);
	}

	private static String rows(final List<Outcome> outcomes, final boolean controlled) {
		final StringBuilder s = new StringBuilder();
		for (final Outcome o : outcomes)
			s.append(o.row(controlled));
		return s.toString();
	}

	/** Found/planted per label (rows) for every series with planted defects (columns). */
	private static String labelTable(final List<Outcome> outcomes) {
		final List<Outcome> cols = new ArrayList<>();
		final Map<String, Boolean> labels = new LinkedHashMap<>();
		for (final Outcome o : outcomes)
			if (!o.evaluation.countsByLabel().isEmpty()) {
				cols.add(o);
				for (final String l : o.evaluation.countsByLabel().keySet())
					labels.put(l, true);
			}
		if (cols.isEmpty()) return "";
		final StringBuilder s = new StringBuilder("| label |");
		for (final Outcome o : cols)
			s.append(' ').append(o.frames).append(" fr, ").append(o.format).append(o.data.contains(
				"cooled") ? ", cooled" : o.data.contains("warm") ? ", warm" : "").append(" |");
		s.append("\n|---|");
		for (int i = 0; i < cols.size(); i++)
			s.append("---:|");
		s.append('\n');
		for (final String l : sortedLabels(labels.keySet())) {
			s.append("| ").append(l).append(" |");
			for (final Outcome o : cols) {
				final int[] c = o.evaluation.countsByLabel().get(l);
				s.append(' ').append(c == null ? "–" : c[0] + "/" + c[1]).append(" |");
			}
			s.append('\n');
		}
		return s.toString();
	}

	/** Labels in first-seen order, except population bins sorted by their lower edge. */
	private static List<String> sortedLabels(final java.util.Collection<String> labels) {
		final List<String> plain = new ArrayList<>(), population = new ArrayList<>();
		for (final String l : labels)
			(l.startsWith("population") ? population : plain).add(l);
		population.sort((a, b) -> Double.compare(binStart(a), binStart(b)));
		plain.addAll(population);
		return plain;
	}

	private static double binStart(final String label) {
		if (label.contains("<")) return 0;
		final String digits = label.replaceAll("[^0-9]+", " ").trim().split(" ")[0];
		return Double.parseDouble(digits);
	}

	private static void log(final String message) {
		System.out.println(message);
	}
}
