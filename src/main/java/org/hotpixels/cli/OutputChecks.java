package org.hotpixels.cli;

import java.nio.file.Path;
import java.util.List;

import org.hotpixels.HotPixelsException;

/** Guards that keep outputs away from inputs. */
final class OutputChecks {

	private OutputChecks() {}

	/**
	 * Refuses an output folder that is, or lies inside, a folder holding input files: results
	 * would mix with (or be read back as) the images.
	 */
	static void notInsideInputs(final Path output, final List<Path> inputs) {
		final Path out = output.toAbsolutePath().normalize();
		for (final Path in : inputs) {
			final Path folder = in.toAbsolutePath().normalize().getParent();
			if (folder != null && out.startsWith(folder)) throw new HotPixelsException(output +
				": output folder is the input folder or inside it; choose a folder elsewhere.");
		}
	}
}
