package org.hotpixels.cli;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.ImageFileWriter.Format;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check option values while picocli parses the command line, so a value out of
 * range is a usage error (exit code 2, one sentence) before any file is read:
 *
 * <pre>{@code
 * @Option(names = "--sigma", converter = OptionValues.Sigma.class) double sigma;
 * }</pre>
 */
final class OptionValues {

	/** Most worker threads accepted: far more than any machine's processors, far fewer than Java can start. */
	static final int MAX_THREADS = 1024;
	/** Longest lowest-variance ranking accepted. */
	static final int MAX_TOP = 1_000_000;
	/** Largest detection threshold accepted, in robust standard deviations. */
	static final double MAX_SIGMA = 1e6;

	private OptionValues() {}

	/** {@code --sigma}: a finite number above 0. */
	static final class Sigma implements ITypeConverter<Double> {

		@Override
		public Double convert(final String value) {
			final double v = number(value);
			if (!(v > 0) || v > MAX_SIGMA) throw new TypeConversionException("'" + value +
				"' is not a number above 0 and at most " + (long) MAX_SIGMA + " (e.g. 6).");
			return v;
		}
	}

	/** {@code --threads}: 1 to {@value OptionValues#MAX_THREADS}. */
	static final class Threads implements ITypeConverter<Integer> {

		@Override
		public Integer convert(final String value) {
			return whole(value, 1, MAX_THREADS);
		}
	}

	/** {@code --top}: 0 to {@value OptionValues#MAX_TOP}. */
	static final class Top implements ITypeConverter<Integer> {

		@Override
		public Integer convert(final String value) {
			return whole(value, 0, MAX_TOP);
		}
	}

	/** {@code --frames} of the demo: 2 to 100,000. */
	static final class Frames implements ITypeConverter<Integer> {

		@Override
		public Integer convert(final String value) {
			return whole(value, 2, 100_000);
		}
	}

	/** {@code --pattern}: a glob with valid syntax ({@code *.tif}, {@code *.{jpg,JPG}}). */
	static final class Glob implements ITypeConverter<String> {

		@Override
		public String convert(final String value) {
			try {
				FileSystems.getDefault().getPathMatcher("glob:" + value.trim());
			}
			catch (final IllegalArgumentException e) {
				throw new TypeConversionException("'" + value + "' is not a valid pattern (" + firstLine(e
					.getMessage()) + ").");
			}
			return value;
		}
	}

	/** A file or folder name: not empty or blank (an empty name would mean the working folder). */
	static final class NamedPath implements ITypeConverter<Path> {

		@Override
		public Path convert(final String value) {
			if (value.trim().isEmpty()) throw new TypeConversionException(
				"an empty name; give a file or folder name.");
			try {
				return Paths.get(value);
			}
			catch (final InvalidPathException e) {
				throw new TypeConversionException("'" + value + "' is not a valid file name (" + e
					.getReason() + ").");
			}
		}
	}

	/** {@code --format} of correct: same, tif or png. */
	static final class OutputFormat implements ITypeConverter<Format> {

		@Override
		public Format convert(final String value) {
			try {
				return Format.parse(value);
			}
			catch (final HotPixelsException e) {
				throw new TypeConversionException("'" + value + "' is not one of same, tif or png.");
			}
		}
	}

	private static double number(final String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new TypeConversionException("'" + value + "' is not a number.");
		}
	}

	private static int whole(final String value, final int min, final int max) {
		long v;
		try {
			v = Long.parseLong(value.trim());
		}
		catch (final NumberFormatException e) {
			v = Long.MIN_VALUE;
		}
		if (v < min || v > max) throw new TypeConversionException("'" + value +
			"' is not a whole number from " + min + " to " + String.format(Locale.ROOT, "%,d", max) +
			".");
		return (int) v;
	}

	private static String firstLine(final String s) {
		if (s == null) return "bad syntax";
		final int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}
