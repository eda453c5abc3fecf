package org.hotpixels.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hotpixels.progress.HotPixelsException;

/**
 * The one check for every path a run writes, made before the first frame is read. Each path is
 * resolved through symbolic links and compared with every input file and input folder; a device,
 * pipe, socket or folder is never written; an existing file only with {@code overwrite}; and
 * every folder written into is locked ({@value #LOCK}, an operating-system file lock) until the
 * guard is closed, so a second run writing there fails at once instead of mixing its files with
 * ours. Taking a lock also completes a commit that a killed run left half-done
 * ({@link StagedFiles#recover}) and deletes temporary files such a run left behind.
 *
 * <pre>{@code
 * try (OutputGuard guard = new OutputGuard(overwrite)) {
 *   guard.images(files.files());
 *   guard.folder(output);
 *   guard.file(output.resolve("defects.csv"), OutputGuard.RESULTS);
 *   guard.lock();
 *   ... read the frames ...
 *   try (StagedFiles staged = guard.staged(output)) { ...; staged.commit(); }
 * }
 * }</pre>
 */
public final class OutputGuard implements AutoCloseable {

	/** Name of the lock file in every folder written into; deleted when the run ends. */
	public static final String LOCK = ".hotpixels.lock";
	/** Advice for an existing result file. */
	public static final String RESULTS = "choose another output folder, or allow overwriting";
	/** Advice for an existing named file (a statistics file). */
	public static final String NAMED = "choose another name, or allow overwriting with --overwrite";

	/** Longest file name (in UTF-8 bytes) that common file systems allow. */
	public static final int MAX_NAME = 255;

	private final boolean overwrite;
	private final Set<Path> inputFiles = new HashSet<>();
	private final Set<Path> inputFolders = new TreeSet<>();
	private final Map<Path, String> advice = new HashMap<>();
	private final Set<Path> replaceable = new HashSet<>();
	private final Set<Path> folders = new TreeSet<>();
	private final List<Held> held = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();

	/** A guard; {@code overwrite} allows replacing existing files. */
	public OutputGuard(final boolean overwrite) {
		this.overwrite = overwrite;
	}

	/** Image inputs: neither they nor their folders (nor folders inside those) are written. */
	public OutputGuard images(final Collection<Path> files) {
		for (final Path f : files) {
			final Path r = real(f);
			inputFiles.add(r);
			if (r.getParent() != null) inputFolders.add(r.getParent());
		}
		return this;
	}

	/** Other files the run reads (statistics, defect lists, masks): never written. */
	public OutputGuard reads(final Path... files) {
		for (final Path f : files)
			if (f != null) inputFiles.add(real(f));
		return this;
	}

	/** As {@link #reads(Path...)}. */
	public OutputGuard reads(final Collection<Path> files) {
		return reads(files.toArray(new Path[0]));
	}

	/**
	 * A folder for results: not an input folder nor inside one, not a file. {@link #lock()}
	 * creates it if missing, checks that it is writable and locks it.
	 */
	public void folder(final Path dir) {
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new HotPixelsException(dir +
			": exists and is not a folder.");
		final Path r = real(dir);
		for (final Path in : inputFolders)
			if (r.startsWith(in)) throw new HotPixelsException(dir +
				": output folder is the input folder or inside it; choose a folder elsewhere.");
		if (inputFiles.contains(r)) throw new HotPixelsException(dir + ": is one of the input files.");
		folders.add(dir.toAbsolutePath().normalize());
	}

	/**
	 * A file to write: checked by {@link #check} now and again just before the commit; its folder
	 * is created and locked by {@link #lock()}.
	 *
	 * @param existing the advice when the file exists, e.g. {@link #RESULTS}
	 */
	public void file(final Path target, final String existing) {
		final Path r = real(target);
		if (advice.containsKey(r)) throw new HotPixelsException(target +
			": would be written twice by this run (e.g. as a result and as the statistics file); " +
			"choose another name.");
		advice.put(r, existing);
		check(target);
		final Path folder = target.toAbsolutePath().normalize().getParent();
		if (folder != null) folders.add(folder);
	}

	/** Lets {@code target} be replaced without {@code overwrite} (a statistics file being resumed). */
	public void mayReplace(final Path target) {
		replaceable.add(real(target));
	}

	/**
	 * Refuses writing {@code target}: an input, a folder, a device or other special file, or
	 * (without overwrite) an existing file.
	 */
	public void check(final Path target) {
		final Path name = target.getFileName();
		final int bytes = name == null ? 0 : name.toString().getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_NAME) throw new HotPixelsException(target + ": the name is too long (" + bytes +
			" bytes; file systems allow " + MAX_NAME + ").");
		final Path r = real(target);
		if (inputFiles.contains(r) && !replaceable.contains(r)) throw new HotPixelsException(target +
			": is one of the input files; choose another name.");
		for (final Path in : inputFolders)
			if (r.startsWith(in)) throw new HotPixelsException(target + ": lies in the folder of " +
				"the input images (" + in + "); choose a place elsewhere.");
		if (!Files.exists(r)) return;
		if (Files.isDirectory(r)) throw new HotPixelsException(target +
			": is a folder, so the file cannot be written there.");
		if (!Files.isRegularFile(r)) throw new HotPixelsException(target +
			": is not a regular file (a device, pipe or socket); refusing to write to it.");
		if (!overwrite && !replaceable.contains(r)) throw new HotPixelsException(target +
			": already exists (" + advice.getOrDefault(r, RESULTS) + ").");
	}

	/**
	 * Creates every folder registered (checking it is writable), locks it, completes a commit a
	 * killed run left half-done there and deletes its temporary files. Call after every check,
	 * before the first frame is read. A folder another run holds is a {@link HotPixelsException}.
	 */
	public void lock() {
		final Map<Path, Path> real = new TreeMap<>();
		for (final Path folder : folders) {
			createWritableFolder(folder);
			real.putIfAbsent(real(folder), folder);
		}
		for (final Map.Entry<Path, Path> folder : real.entrySet())
			if (held.stream().noneMatch(h -> h.folder.equals(folder.getKey()))) held.add(Held.take(folder
				.getKey(), folder.getValue(), notes));
	}

	/** Notes for the user from {@link #lock()}, e.g. a completed earlier commit. */
	public List<String> notes() {
		return notes;
	}

	/**
	 * Files staged for one commit that checks every target again, with its journal in
	 * {@code journalFolder} (a folder this guard locks).
	 */
	public StagedFiles staged(final Path journalFolder) {
		return new StagedFiles(journalFolder, target -> check(target));
	}

	/** Releases the locks (deleting the lock files). */
	@Override
	public void close() {
		for (final Held h : held)
			h.release();
		held.clear();
	}

	/**
	 * Creates {@code folder} (and its parents) if missing and checks, by creating and deleting a
	 * hidden file in it, that files can be written there.
	 */
	public static void createWritableFolder(final Path folder) {
		for (Path p = folder.toAbsolutePath().getParent(); p != null; p = p.getParent())
			if (Files.exists(p) && !Files.isDirectory(p)) throw new HotPixelsException(folder +
				": cannot create the output folder, " + p + " is a file.");
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot create the output folder (" + IOErrors.reason(
				e) + ").", e);
		}
		try {
			Files.delete(Files.createTempFile(folder, ".hotpixels-write-test", ".tmp"));
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": output folder is not writable (" + IOErrors.reason(
				e) + ").", e);
		}
	}

	/** The absolute path with symbolic links of its existing part resolved. */
	public static Path real(final Path path) {
		Path p = path.toAbsolutePath().normalize();
		Path rest = null;
		while (p != null && !Files.exists(p)) {
			rest = rest == null ? p.getFileName() : p.getFileName().resolve(rest);
			p = p.getParent();
		}
		if (p == null) return path.toAbsolutePath().normalize();
		try {
			final Path r = p.toRealPath();
			return rest == null ? r : r.resolve(rest).normalize();
		}
		catch (final IOException e) {
			return path.toAbsolutePath().normalize();
		}
	}

	/** A lock held on one folder. */
	private static final class Held {

		final Path folder;
		final Path file;
		final FileChannel channel;
		final FileLock lock;

		private Held(final Path folder, final Path file, final FileChannel channel,
			final FileLock lock)
		{
			this.folder = folder;
			this.file = file;
			this.channel = channel;
			this.lock = lock;
		}

		static Held take(final Path folder, final Path named, final List<String> notes) {
			final Path file = folder.resolve(LOCK);
			FileChannel channel = null;
			try {
				FileLock lock = null;
				for (int attempt = 0; attempt < 3 && lock == null; attempt++) {
					channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
						StandardOpenOption.WRITE);
					final Object opened = key(file);
					try {
						lock = channel.tryLock();
					}
					catch (final OverlappingFileLockException e) {
						lock = null; // held by another run in this Java
					}
					if (lock == null) break;
					// a lock on a file another run deleted meanwhile is no lock: the path must still
					// name the file locked (compared by its key: reading the path would open and
					// close another descriptor, and closing any descriptor drops a POSIX lock)
					if (opened == null || !opened.equals(key(file))) {
						lock.release();
						channel.close();
						lock = null;
					}
				}
				if (lock == null) {
					if (channel != null) channel.close();
					throw new HotPixelsException(named + ": another hotpixels run is writing to this " +
						"folder; wait until it has ended, or choose another folder.");
				}
				channel.truncate(0);
				channel.write(ByteBuffer.wrap((processId() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
				final Held held = new Held(folder, file, channel, lock);
				try {
					final int recovered = StagedFiles.recover(folder);
					if (recovered > 0) notes.add("Completed the results an interrupted earlier run left " +
						"half-renamed in " + folder + " (" + recovered + " files).");
					deleteLeftovers(folder);
				}
				catch (final IOException | RuntimeException e) {
					held.release();
					throw new HotPixelsException(folder + ": cannot tidy the files an interrupted run " +
						"left (" + IOErrors.reason(e) + ").", e);
				}
				return held;
			}
			catch (final IOException e) {
				try {
					if (channel != null) channel.close();
				}
				catch (final IOException ignored) {
					// reported below
				}
				throw new HotPixelsException(named + ": cannot lock the folder (" + IOErrors.reason(e) +
					").", e);
			}
		}

		/** The file's identity (device and inode), or null. */
		private static Object key(final Path file) {
			try {
				return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
					.fileKey();
			}
			catch (final IOException e) {
				return null;
			}
		}

		/** Deletes temporary files of runs that were killed (this process's are still in use). */
		private static void deleteLeftovers(final Path folder) throws IOException {
			try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, ".*")) {
				for (final Path p : s) {
					final String name = p.getFileName().toString();
					if (AtomicOutput.isTemporaryName(name) && !AtomicOutput.isLive(p) && Files.isRegularFile(
						p)) Files.deleteIfExists(p);
				}
			}
		}

		void release() {
			try {
				Files.deleteIfExists(file);
			}
			catch (final IOException e) {
				// the lock file stays; the next run reuses it
			}
			try {
				lock.release();
				channel.close();
			}
			catch (final IOException e) {
				// closing releases it anyway
			}
		}
	}

	/** This process's id (from "pid@host"), for the lock file's content. */
	private static String processId() {
		final String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
		final int at = name.indexOf('@');
		return at > 0 ? name.substring(0, at) : name;
	}
}
