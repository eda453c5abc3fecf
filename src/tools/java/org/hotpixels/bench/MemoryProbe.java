package org.hotpixels.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Peak memory of this JVM: the resident high-water mark and current resident size as the kernel
 * counts them ({@code VmHWM}, {@code VmRSS} in {@code /proc/self/status}; Linux only), and the
 * peak of the used Java heap, sampled every few milliseconds on a daemon thread. Meant for a
 * fresh JVM per measured case, so that one case's peak is not another's.
 *
 * <pre>{@code
 * MemoryProbe probe = MemoryProbe.start();
 * ... work ...
 * long heap = probe.stop(); long hwm = MemoryProbe.status("VmHWM");
 * }</pre>
 */
final class MemoryProbe {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
	private final Thread sampler;
	private volatile boolean running = true;
	private volatile long peakHeap;

	private MemoryProbe() {
		sampler = new Thread(this::sample, "hotpixels-memory-probe");
		sampler.setDaemon(true);
	}

	static MemoryProbe start() {
		final MemoryProbe probe = new MemoryProbe();
		probe.sampler.start();
		return probe;
	}

	private void sample() {
		while (running) {
			peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
			try {
				Thread.sleep(5);
			}
			catch (final InterruptedException e) {
				return;
			}
		}
	}

	/** Stops sampling and returns the peak used heap in bytes. */
	long stop() {
		running = false;
		sampler.interrupt();
		try {
			sampler.join(1000);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
	}

	/** A size field of {@code /proc/self/status} in bytes ("VmHWM", "VmRSS"), or -1 if unknown. */
	static long status(final String field) {
		try {
			for (final String line : Files.readAllLines(Paths.get("/proc/self/status"),
				StandardCharsets.ISO_8859_1))
				if (line.startsWith(field + ":")) {
					final String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
					return Long.parseLong(parts[0]) * 1024;
				}
		}
		catch (final IOException | RuntimeException e) {
			// not Linux: unknown
		}
		return -1;
	}
}
