package org.hotpixels.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * One whole process, timed as a user would time it (from start to exit, start-up included), with
 * its peak resident memory: the kernel's high-water mark {@code VmHWM} of the process, read from
 * {@code /proc} every few milliseconds while it runs. A launcher script that {@code exec}s the
 * JVM keeps its process id, so its peak is the JVM's.
 *
 * <pre>{@code
 * ProcessRun r = ProcessRun.run(Arrays.asList("./hotpixels", "find", "in", "-o", "out"), tmp);
 * }</pre>
 */
final class ProcessRun {

	/** Wall-clock seconds from start to exit. */
	double seconds;
	/** Peak resident memory in bytes, NaN if unknown (not Linux). */
	double peakRss = Double.NaN;
	int exitCode;
	/** The process's output (standard output and error together). */
	String output = "";

	boolean ok() {
		return exitCode == 0;
	}

	/** The last line of the output, for a failure note. */
	String lastLine() {
		final String[] lines = output.trim().split("\n");
		return lines[lines.length - 1].trim();
	}

	/** Runs {@code command}, its output going to a file in {@code scratch}. */
	static ProcessRun run(final List<String> command, final Path scratch) {
		final ProcessRun r = new ProcessRun();
		final File log = scratch.resolve("process-" + System.nanoTime() + ".log").toFile();
		final long start = System.nanoTime();
		try {
			final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log)
				.start();
			final Path status = Paths.get("/proc", Long.toString(pid(p)), "status");
			long peak = -1;
			while (p.isAlive()) {
				peak = Math.max(peak, highWaterMark(status));
				Thread.sleep(5);
			}
			r.seconds = (System.nanoTime() - start) / 1e9;
			r.exitCode = p.waitFor();
			if (peak > 0) r.peakRss = peak;
			r.output = new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			r.exitCode = -1;
			r.output = "cannot start " + command.get(0) + ": " + e.getMessage();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			r.exitCode = -1;
			r.output = "interrupted";
		}
		finally {
			log.delete();
		}
		return r;
	}

	/** {@code Process.pid()} of Java 9 and later (the sources are compiled for Java 8); -1 if none. */
	private static long pid(final Process p) {
		try {
			return (Long) Process.class.getMethod("pid").invoke(p);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return -1;
		}
	}

	/** VmHWM of a running process in bytes, -1 when it cannot be read (it just ended). */
	private static long highWaterMark(final Path status) {
		try {
			for (final String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1))
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.substring(6).trim().split(
					"\\s+")[0]) * 1024;
		}
		catch (final IOException | RuntimeException e) {
			// ended between the check and the read
		}
		return -1;
	}
}
