package org.hotpixels.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.hotpixels.progress.CancelledException;

/**
 * Several output files that appear together or not at all: each is written completely under a
 * temporary name beside its target (as {@link AtomicOutput} does), and only {@link #commit()}
 * makes them visible. Closing without committing, after a failure or a cancellation, deletes the
 * temporary files, so a half-finished run leaves no file under a final name and no temporary file.
 * <p>
 * The commit first checks every target again (see {@link #beforeCommit}), then writes a journal
 * ({@value #JOURNAL}, listing every temporary file and its target) into the journal folder, renames
 * the files into place and deletes the journal. If the process is killed between two renames, the
 * journal is left; {@link #recover(Path)} (run by the next {@link OutputGuard} that locks that
 * folder) completes those renames, so no mix of old and new files persists.
 *
 * <pre>{@code
 * try (StagedFiles files = new StagedFiles()) {
 *   files.write(dir.resolve("variance.tif"), out -> TiffWriter.write(map, out));
 *   files.writeText(dir.resolve("defects.csv"), w -> DefectCsv.write(w, defects));
 *   files.commit();
 * }
 * }</pre>
 */
public final class StagedFiles implements AutoCloseable, FileSink {

	/** The commit journal's name, in the journal folder. */
	public static final String JOURNAL = ".hotpixels-commit";

	private final List<Path> temporaries = new ArrayList<>();
	private final List<Path> targets = new ArrayList<>();
	private final Path journalFolder;
	private final IOConsumer<Path> beforeCommit;
	private boolean committed;
	private BooleanSupplier cancelled = () -> false;

	/** Files that replace older versions; the journal goes beside the first file. */
	public StagedFiles() {
		this(null, target -> {});
	}

	/**
	 * @param journalFolder where the commit journal is written (null: the first target's folder)
	 * @param beforeCommit called for every target just before the commit renames anything (an
	 *          {@link OutputGuard} refusing an existing file); an exception there commits nothing
	 */
	public StagedFiles(final Path journalFolder, final IOConsumer<Path> beforeCommit) {
		this.journalFolder = journalFolder;
		this.beforeCommit = beforeCommit;
	}

	/**
	 * Makes writing stop with a {@link CancelledException} (deleting the temporary file) as soon as
	 * {@code stop} is true, also within one long file such as a compressed statistics file.
	 */
	public StagedFiles cancelledBy(final BooleanSupplier stop) {
		this.cancelled = stop;
		return this;
	}

	/** Writes the content of {@code target} through a buffered stream, under a temporary name. */
	@Override
	public void write(final Path target, final IOConsumer<OutputStream> body) throws IOException {
		if (committed) throw new IllegalStateException("Already committed");
		if (cancelled.getAsBoolean()) throw new CancelledException();
		for (final Path t : targets)
			if (t.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize()))
				throw new IOException(target + " is written twice");
		final BooleanSupplier stop = cancelled;
		temporaries.add(AtomicOutput.writeTemporary(target, out -> body.accept(new FilterOutputStream(
			out) {

			@Override
			public void write(final byte[] b, final int off, final int len) throws IOException {
				if (stop.getAsBoolean()) throw new CancelledException();
				out.write(b, off, len);
			}
		})));
		targets.add(target);
	}

	/** Writes the content of {@code target} as UTF-8 text, under a temporary name. */
	public void writeText(final Path target, final IOConsumer<Writer> body) throws IOException {
		write(target, out -> {
			final Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			body.accept(writer);
			writer.flush();
		});
	}

	/** The targets written so far, in order. */
	public List<Path> targets() {
		return new ArrayList<>(targets);
	}

	/** Moves every file written into place, replacing older versions. */
	public void commit() throws IOException {
		if (committed) throw new IllegalStateException("Already committed");
		for (final Path t : targets)
			beforeCommit.accept(t);
		committed = true;
		if (targets.isEmpty()) return;
		AtomicOutput.COMMITS.lock();
		try {
			final Path journal = targets.size() == 1 ? null : (journalFolder != null ? journalFolder
				: targets.get(0).toAbsolutePath().getParent()).resolve(JOURNAL);
			if (journal != null) AtomicOutput.write(journal, out -> {
				final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				for (int i = 0; i < targets.size(); i++)
					w.write(temporaries.get(i).toAbsolutePath() + "\t" + targets.get(i).toAbsolutePath() +
						"\n");
				w.flush();
			});
			try {
				renameAll();
			}
			finally { // done, or rolled back: nothing left to complete
				if (journal != null) Files.deleteIfExists(journal);
			}
		}
		finally {
			AtomicOutput.COMMITS.unlock();
		}
	}

	/**
	 * Renames every staged file over its target. An older version is first hard-linked to a
	 * hidden backup name (where the file system can), so that a rename failing half-way (a name
	 * too long, a folder removed) restores every target as it was; the backups are deleted after.
	 */
	private void renameAll() throws IOException {
		final List<Path> replaced = new ArrayList<>(), backups = new ArrayList<>(), done =
			new ArrayList<>();
		try {
			while (!temporaries.isEmpty()) {
				final Path target = targets.get(0);
				if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
					final Path backup = target.toAbsolutePath().resolveSibling(AtomicOutput.temporaryName(
						target.getFileName().toString(), Long.toHexString(System.nanoTime() & 0xffffffffffL)));
					try {
						Files.createLink(backup, target);
						replaced.add(target);
						backups.add(backup);
					}
					catch (final IOException | UnsupportedOperationException e) {
						// no backup on this file system: that file cannot be restored
					}
				}
				AtomicOutput.moveIntoPlace(temporaries.get(0), target);
				done.add(target);
				temporaries.remove(0);
				targets.remove(0);
			}
		}
		catch (final IOException | RuntimeException e) {
			for (final Path t : done)
				if (!replaced.contains(t)) Files.deleteIfExists(t);
			for (int i = 0; i < backups.size(); i++) {
				AtomicOutput.moveIntoPlace(backups.get(i), replaced.get(i));
				Files.deleteIfExists(backups.get(i)); // left if it was still the target's own link
			}
			throw e;
		}
		for (final Path b : backups)
			Files.deleteIfExists(b);
	}

	/** Deletes the temporary files of a group that was not committed. */
	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (final Path tmp : temporaries)
			try {
				AtomicOutput.deleteTemporary(tmp);
			}
			catch (final IOException e) {
				failure = e;
			}
		temporaries.clear();
		targets.clear();
		if (failure != null) throw failure;
	}

	/**
	 * Completes the commit of a run that was killed while renaming its files into {@code folder}:
	 * renames every file its journal lists that is still under its temporary name, then deletes the
	 * journal. Returns the number of files renamed (0 without a journal). Call only while holding
	 * the folder's lock.
	 */
	public static int recover(final Path folder) throws IOException {
		final Path journal = folder.resolve(JOURNAL);
		if (!Files.isRegularFile(journal)) return 0;
		int renamed = 0;
		for (final String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
			final int tab = line.indexOf('\t');
			if (tab < 0) continue;
			final Path tmp = Paths.get(line.substring(0, tab)), target = Paths.get(line.substring(tab +
				1));
			if (Files.isRegularFile(tmp) && AtomicOutput.isTemporaryName(tmp.getFileName().toString())) {
				AtomicOutput.moveIntoPlace(tmp, target);
				renamed++;
			}
		}
		Files.delete(journal);
		return renamed;
	}
}
