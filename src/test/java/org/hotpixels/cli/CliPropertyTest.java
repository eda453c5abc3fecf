package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.hotpixels.BadFiles;
import org.hotpixels.FileSnapshot;
import org.hotpixels.TestSeries;
import org.hotpixels.results.FindOutputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests of issue 14, plain JUnit with fixed seeds (a failure names its seed and
 * iteration, so it replays): random option values and random corrupt files never give a stack
 * trace, a hang, a second message, a changed input or a partial result.
 * <p>
 * The invariants of every run: it ends within its time limit; the exit code is 0, 1 or 2 (130
 * never: nothing cancels); the output holds no stack trace, no Java exception name and no
 * "internal error"; a failed run prints exactly one line starting with "hotpixels: " and leaves no
 * result file and no temporary file in its output folder; no input file changes; a successful find
 * or merge leaves all four result files.
 */
class CliPropertyTest {

	/** Runs per property; each is a fresh in-process run on a 200x150 series of a few frames. */
	private static final int RUNS = Integer.getInteger("hotpixels.propertyRuns", 60);
	private static final long SEED = Long.getLong("hotpixels.propertySeed", 14);

	@TempDir
	Path tmp;
	Path in;
	Path state;
	Path defects;

	@BeforeEach
	void series() throws IOException {
		in = tmp.resolve("in");
		TestSeries.writeFolder(in, 4);
		state = tmp.resolve("s.hps");
		CliRun.of("find", in.toString(), "-o", tmp.resolve("first").toString(), "--save-state", state
			.toString()).assertSuccess();
		defects = tmp.resolve("first").resolve(FindOutputs.DEFECTS);
	}

	private static final String[] NUMBERS = { "-1", "0", "-0", "0.0", "1e-320", "1e309", "NaN",
		"-Infinity", "Infinity", "+5", "6", "4.5", "1e6", "1000001", "2147483647", "2147483648",
		"-2147483649", "9223372036854775808", "0x10", "1_000", "", " ", "--", "\u0663", "1,5", "6 ",
		"1024", "1025", "32768" };
	private static final String[] WORDS = { "RGGB", "bggr", "GRBG", "GbRg", "RGBW", "", "same", "tif",
		"png", "gif", "*.tif", "*.{tif,TIF}", "[a", "{a,", "**", "\\", "frame_00?.tif", "*.png" };

	private String pick(final Random r, final String[] values) {
		return r.nextInt(8) == 0 ? Long.toString(r.nextLong()) : r.nextInt(8) == 0 ? Double.toString(r
			.nextGaussian() * Math.pow(10, r.nextInt(12) - 4)) : values[r.nextInt(values.length)];
	}

	private String path(final Random r, final int i) {
		switch (r.nextInt(10)) {
			case 0 :
				return in.toString();
			case 1 :
				return in.resolve("frame_000.tif").toString();
			case 2 :
				return "/dev/null";
			case 3 :
				return tmp.resolve(new String(new char[300]).replace('\0', 'n')).toString();
			case 4 :
				return state.toString();
			case 5 :
				return tmp.resolve("first").toString();
			case 6 :
				return "";
			default :
				return tmp.resolve("p" + i + (r.nextBoolean() ? ".hps" : ".hps.gz")).toString();
		}
	}

	@Test
	void randomOptionValues() throws IOException {
		final Random r = new Random(SEED);
		for (int i = 0; i < RUNS; i++) {
			final List<String> args = new ArrayList<>();
			final String command = new String[]{ "find", "merge", "correct" }[r.nextInt(3)];
			args.add(command);
			args.add(command.equals("merge") ? state.toString() : in.toString());
			final String o = r.nextInt(12) == 0 ? path(r, i) : tmp.resolve("o" + i).toString();
			final Path out = tmp.resolve(o);
			args.add("-o");
			args.add(o);
			if (command.equals("correct")) {
				args.add("--defects");
				args.add(r.nextInt(6) == 0 ? path(r, i) : defects.toString());
			}
			final int options = r.nextInt(5);
			for (int k = 0; k < options; k++) {
				final String option = pickOption(r, command);
				args.add(option);
				if (option.equals("--overwrite") || option.equals("--skip-bad-frames")) continue;
				args.add(option.equals("--save-state") || option.equals("--resume") || option.equals(
					"--correct") ? path(r, i) : option.equals("--sigma") || option.equals("--threads") ||
						option.equals("--top") ? pick(r, NUMBERS) : pick(r, WORDS));
			}
			check("seed " + SEED + " run " + i + ": " + args, args, out);
		}
	}

	private static String pickOption(final Random r, final String command) {
		final String[] find = { "--sigma", "--threads", "--top", "--pattern", "--cfa", "--overwrite",
			"--skip-bad-frames", "--save-state", "--resume", "--correct" };
		final String[] merge = { "--sigma", "--threads", "--top", "--cfa", "--overwrite",
			"--save-state" };
		final String[] correct = { "--format", "--cfa", "--pattern", "--overwrite",
			"--skip-bad-frames" };
		final String[] names = command.equals("find") ? find : command.equals("merge") ? merge
			: correct;
		return names[r.nextInt(names.length)];
	}

	/** Runs the command line and checks every invariant of the class description. */
	private void check(final String what, final List<String> args, final Path out)
		throws IOException
	{
		final FileSnapshot inputs = FileSnapshot.of(in), saved = FileSnapshot.of(state);
		final boolean fresh = !Files.exists(out);
		final CliRun[] run = new CliRun[1];
		assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
			run[0] = CliRun.of(args.toArray(new String[0]));
		}, what);
		final CliRun r = run[0];
		final String all = r.out + r.err;
		assertTrue(r.code == 0 || r.code == 1 || r.code == 2, what + "\n" + r);
		assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains(
			"internal error"), what + "\n" + r);
		if (r.code != 0) {
			final long lines = Arrays.stream(r.err.split("\n")).filter(l -> l.startsWith("hotpixels: "))
				.count();
			assertEquals(1, lines, what + "\n" + r);
			if (fresh) try {
				CliRun.assertNoOutputs(out);
			}
			catch (final AssertionError e) {
				throw new AssertionError(what + ": " + e.getMessage() + "\n" + r, e);
			}
		}
		else if (!args.get(0).equals("correct")) for (final Path f : FindOutputs.files(out))
			assertTrue(Files.isRegularFile(f), what + ": " + f + " missing\n" + r);
		// merge reads no image: its results may go into the image folder
		if (!args.get(0).equals("merge")) inputs.assertUnchanged();
		if (!args.contains("--overwrite")) saved.assertUnchanged();
		if (Files.isDirectory(out)) try (Stream<Path> s = Files.list(out)) {
			assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-") || p.getFileName()
				.toString().equals(".hotpixels.lock")), what + ": temporary file left\n" + r);
		}
	}

	/** One random damage: flipped bytes, a cut, a bad page pointer, junk, or noise. */
	private static byte[] damage(final byte[] good, final Random r) {
		final byte[] b = good.clone();
		switch (r.nextInt(7)) {
			case 0 : // flip a few bytes anywhere
				for (int k = 1 + r.nextInt(8); k > 0; k--)
					b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
				return b;
			case 1 : // flip bytes in the header
				for (int k = 1 + r.nextInt(4); k > 0; k--)
					b[r.nextInt(Math.min(b.length, 200))] = (byte) r.nextInt(256);
				return b;
			case 2 : // cut
				return Arrays.copyOf(b, r.nextInt(b.length));
			case 3 : // a TIFF page pointer (or any 4 header bytes) set to itself, 0, or far away
				if (b.length > 16) {
					final ByteBuffer buf = ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN
						: ByteOrder.BIG_ENDIAN);
					final int[] choices = { 8, 0, Integer.MAX_VALUE, -1, r.nextInt(b.length) };
					buf.putInt(4, choices[r.nextInt(choices.length)]);
				}
				return b;
			case 4 : // junk appended
				final byte[] longer = Arrays.copyOf(b, b.length + 1 + r.nextInt(5000));
				for (int k = b.length; k < longer.length; k++)
					longer[k] = (byte) r.nextInt(256);
				return longer;
			case 5 : // a random window of noise
				final int at = r.nextInt(b.length), n = Math.min(b.length - at, 1 + r.nextInt(500));
				for (int k = 0; k < n; k++)
					b[at + k] = (byte) r.nextInt(256);
				return b;
			default : // all noise
				final byte[] noise = new byte[1 + r.nextInt(b.length)];
				r.nextBytes(noise);
				return noise;
		}
	}

	@Test
	void randomCorruptFiles() throws IOException {
		final Path jpeg = tmp.resolve("jpeg"), png = tmp.resolve("png");
		BadFiles.jpegSeries(jpeg, 4);
		Files.createDirectories(png);
		for (int f = 0; f < 4; f++) {
			final BufferedImage img = new BufferedImage(TestSeries.W, TestSeries.H,
				BufferedImage.TYPE_BYTE_GRAY);
			img.getRaster().setDataElements(0, 0, TestSeries.W, TestSeries.H, TestSeries.frame(f, 1));
			ImageIO.write(img, "png", png.resolve(String.format("frame_%03d.png", f)).toFile());
		}
		final Path gz = tmp.resolve("s.hps.gz");
		CliRun.of("find", in.toString(), "-o", tmp.resolve("second").toString(), "--save-state", gz
			.toString()).assertSuccess();
		final Random r = new Random(SEED + 1);
		final Path[] folders = { in, jpeg, png };
		for (int i = 0; i < RUNS; i++) {
			final Path work = tmp.resolve("c" + i), out = tmp.resolve("co" + i);
			final int kind = r.nextInt(6);
			final List<String> args = new ArrayList<>();
			if (kind < 3) { // an image series with one damaged frame: find, maybe skipping it
				final Path source = folders[kind];
				copyFolder(source, work);
				final String name;
				try (Stream<Path> s = Files.list(work)) {
					final Object[] files = s.sorted().toArray();
					name = ((Path) files[r.nextInt(files.length)]).getFileName().toString();
				}
				Files.write(work.resolve(name), damage(Files.readAllBytes(source.resolve(name)), r));
				args.addAll(Arrays.asList("find", work.toString(), "-o", out.toString()));
				if (r.nextBoolean()) args.add("--skip-bad-frames");
				if (r.nextInt(3) == 0) args.addAll(Arrays.asList("--correct", tmp.resolve("fix" + i)
					.toString()));
			}
			else if (kind == 3) { // a damaged statistics file
				Files.createDirectories(work);
				final Path source = r.nextBoolean() ? state : gz;
				final Path bad = work.resolve(source.getFileName());
				Files.write(bad, damage(Files.readAllBytes(source), r));
				args.addAll(r.nextBoolean() ? Arrays.asList("merge", bad.toString(), state.toString(), "-o",
					out.toString()) : Arrays.asList("find", in.toString(), "--resume", bad.toString(), "-o",
						out.toString()));
			}
			else if (kind == 4) { // a damaged defect list or mask for correct
				Files.createDirectories(work);
				final boolean mask = r.nextBoolean();
				final Path bad = work.resolve(mask ? "mask.tif" : "defects.csv");
				Files.write(bad, damage(Files.readAllBytes(mask ? in.resolve("frame_000.tif") : defects),
					r));
				args.addAll(Arrays.asList("correct", in.toString(), "--defects", bad.toString(), "-o", out
					.toString()));
			}
			else { // a damaged image to correct
				copyFolder(in, work);
				Files.write(work.resolve("frame_002.tif"), damage(Files.readAllBytes(in.resolve(
					"frame_002.tif")), r));
				args.addAll(Arrays.asList("correct", work.toString(), "--defects", defects.toString(), "-o",
					out.toString()));
				if (r.nextBoolean()) args.add("--skip-bad-frames");
			}
			final FileSnapshot damaged = FileSnapshot.of(work);
			check("seed " + (SEED + 1) + " run " + i + ": " + args, args, out);
			damaged.assertUnchanged();
		}
	}

	private static void copyFolder(final Path from, final Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> s = Files.list(from)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				Files.copy(p, to.resolve(p.getFileName()));
		}
	}

	static String text(final Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}
}
