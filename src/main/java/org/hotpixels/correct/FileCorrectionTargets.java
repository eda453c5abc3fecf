package org.hotpixels.correct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.ImageFileWriter;
import org.hotpixels.io.ImageFileWriter.Format;

/**
 * The output file of every input, checked before anything is written: the output folder is
 * not the folder of an input file nor inside one (symbolic links resolved), no two inputs get
 * the same output name, and no output exists already unless overwriting is allowed.
 */
final class FileCorrectionTargets {

	private FileCorrectionTargets() {}

	/** The output paths, in input order; throws {@link HotPixelsException} for any conflict. */
	static List<Path> plan(final List<Path> inputs, final Path folder, final Format format,
		final boolean overwrite)
	{
		if (Files.exists(folder) && !Files.isDirectory(folder)) throw new HotPixelsException(folder +
			": exists and is not a folder.");
		final Path out = OutputGuard.real(folder);
		for (final Path in : inputs) {
			final Path parent = OutputGuard.real(in).getParent();
			if (parent != null && out.startsWith(parent)) throw new HotPixelsException(folder +
				": output folder is the folder of the input " + in.getFileName() +
				" or inside it; choose a folder elsewhere, so the originals stay untouched.");
		}
		final List<Path> targets = new ArrayList<>(inputs.size());
		final Map<String, Path> byName = new HashMap<>();
		for (final Path in : inputs) {
			final String name = ImageFileWriter.targetName(in, format);
			final Path other = byName.put(name.toLowerCase(Locale.ROOT), in);
			if (other != null) throw new HotPixelsException(other + " and " + in +
				" would both be written as " + name + "; correct them into separate folders.");
			targets.add(folder.resolve(name));
		}
		checkExisting(targets, overwrite);
		return targets;
	}

	private static void checkExisting(final List<Path> targets, final boolean overwrite) {
		Path first = null;
		int existing = 0;
		for (final Path t : targets) {
			if (Files.isDirectory(t)) throw new HotPixelsException(t +
				": is a folder, so the corrected image cannot be written there.");
			if (Files.exists(t) && existing++ == 0) first = t;
		}
		if (existing == 0 || overwrite) return;
		throw new HotPixelsException(first + ": already exists" + (existing > 1 ? ", as do " +
			(existing - 1) + " more of the output files" : "") +
			" (choose another output folder, or allow overwriting).");
	}
}
