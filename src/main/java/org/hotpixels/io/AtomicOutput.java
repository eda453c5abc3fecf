package org.hotpixels.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that it appears under its final name only when complete: the content goes to
 * a hidden temporary file in the same folder ({@code .name.tmp-1f3a9c.ext}), is flushed to disk,
 * and is then renamed over the target (an atomic move where the file system supports it). An
 * interrupted or failed write leaves the target as it was (absent or the old version) and deletes
 * the temporary file when it can.
 *
 * <pre>{@code
 * AtomicOutput.write(Paths.get("out/defects.csv"), out -> out.write(bytes));
 * AtomicOutput.writeText(target, writer -> writer.write("x,y\n"));
 * AtomicOutput.writeFile(target, tmp -> new FileSaver(imp).saveAsTiff(tmp.toString()));
 * }</pre>
 */
public final class AtomicOutput {

	private AtomicOutput() {}

	/**
	 * For tests that simulate a failing disk: when set, wraps the stream of every file written
	 * through this class. Null in normal use.
	 */
	static volatile UnaryOperator<OutputStream> testStreamFilter;

	/** Writes {@code target} through a stream (buffered; closed for you). */
	public static void write(final Path target, final IOConsumer<OutputStream> body)
		throws IOException
	{
		final Path tmp = writeTemporary(target, body);
		boolean done = false;
		try {
			moveIntoPlace(tmp, target);
			done = true;
		}
		finally {
			if (!done) deleteTemporary(tmp);
		}
	}

	/**
	 * Writes the content of {@code target} to a new temporary file beside it, flushed to disk, and
	 * returns that file; deletes it if {@code body} fails.
	 */
	static Path writeTemporary(final Path target, final IOConsumer<OutputStream> body)
		throws IOException
	{
		final Path tmp = createTemporary(target);
		boolean done = false;
		try {
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				final UnaryOperator<OutputStream> filter = testStreamFilter;
				final OutputStream file = Channels.newOutputStream(channel);
				final OutputStream out = new BufferedOutputStream(filter == null ? file : filter.apply(
					file), 1 << 16);
				body.accept(out);
				out.flush();
				channel.force(true);
			}
			done = true;
			return tmp;
		}
		finally {
			if (!done) deleteTemporary(tmp);
		}
	}

	/** Writes {@code target} as UTF-8 text through a buffered writer (closed for you). */
	public static void writeText(final Path target, final IOConsumer<Writer> body)
		throws IOException
	{
		write(target, out -> {
			final Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			body.accept(writer);
			writer.flush();
		});
	}

	/**
	 * Lets {@code body} write the temporary file by its path, for libraries that only write to a
	 * named file (ImageJ's {@code FileSaver}); then moves it over {@code target}. The temporary
	 * file keeps the target's extension.
	 */
	public static void writeFile(final Path target, final IOConsumer<Path> body) throws IOException {
		final Path tmp = createTemporary(target);
		boolean done = false;
		try {
			body.accept(tmp);
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			moveIntoPlace(tmp, target);
			done = true;
		}
		finally {
			if (!done) deleteTemporary(tmp);
		}
	}

	/**
	 * A new empty file next to {@code target}. Created with {@code CREATE_NEW} and the default
	 * permissions (not {@code Files.createTempFile}'s owner-only ones), so the final file gets
	 * the same permissions as any other new file.
	 */
	static Path createTemporary(final Path target) throws IOException {
		final Path absolute = target.toAbsolutePath();
		final Path dir = absolute.getParent();
		for (int attempt = 0;; attempt++) {
			final String random = Long.toHexString(ThreadLocalRandom.current().nextLong() &
				0xffffffffffL);
			try {
				final Path tmp = Files.createFile(dir.resolve(temporaryName(absolute.getFileName()
					.toString(), random)));
				LIVE.add(tmp);
				return tmp;
			}
			catch (final FileAlreadyExistsException e) {
				if (attempt > 100) throw e;
			}
		}
	}

	/**
	 * The hidden temporary name of {@code name}: {@code .variance.tmp-1f3a9c.tif}. The name part
	 * is cut to {@value #KEPT_NAME} characters and the extension dropped when longer than
	 * {@value #KEPT_EXTENSION}, so a target name near the file system's limit (255 bytes) still
	 * gets a temporary name within it.
	 */
	static String temporaryName(final String name, final String random) {
		final int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String ext = dot > 0 ? name.substring(dot) : "";
		if (ext.length() > KEPT_EXTENSION) ext = "";
		if (base.length() > KEPT_NAME) base = base.substring(0, KEPT_NAME);
		return "." + base + TMP_MARK + random + ext;
	}

	/** True for a name {@link #temporaryName} makes (a leftover of a killed run). */
	public static boolean isTemporaryName(final String name) {
		return TEMPORARY.matcher(name).matches();
	}

	private static final int KEPT_NAME = 40, KEPT_EXTENSION = 12;
	private static final String TMP_MARK = ".tmp-";
	private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile(
		"\\..{0," + KEPT_NAME + "}\\.tmp-[0-9a-f]{1,10}(\\.[^.]{0," + (KEPT_EXTENSION - 1) + "})?");

	/** Temporary files written and not yet moved into place or deleted, of every thread. */
	private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
	/**
	 * Held while files are moved into place, so a Ctrl-C handler ({@link #abandon}) never deletes
	 * the temporary files of a commit that is under way.
	 */
	static final ReentrantLock COMMITS = new ReentrantLock();

	/** True if {@code tmp} is a temporary file of this process, being written or staged. */
	static boolean isLive(final Path tmp) {
		// by name: the folder may be reached through another path, and names carry 40 random bits
		for (final Path l : LIVE)
			if (l.getFileName().equals(tmp.getFileName())) return true;
		return false;
	}

	/** Deletes a temporary file (and forgets it). */
	static void deleteTemporary(final Path tmp) throws IOException {
		try {
			Files.deleteIfExists(tmp);
		}
		finally {
			LIVE.remove(tmp);
		}
	}

	/**
	 * For a process that is being stopped (Ctrl-C): waits up to {@code waitMillis} for a commit
	 * under way to end, then deletes every temporary file still open or staged and keeps any
	 * further commit from starting. Returns false if a commit was still under way (nothing was
	 * deleted then). Only for the end of a process: commits stay blocked afterwards.
	 */
	public static boolean abandon(final long waitMillis) {
		try {
			if (!COMMITS.tryLock(waitMillis, TimeUnit.MILLISECONDS)) return false;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		for (final Path tmp : LIVE.toArray(new Path[0]))
			try {
				deleteTemporary(tmp);
			}
			catch (final IOException e) {
				// best effort while the process ends
			}
		return true;
	}

	static void moveIntoPlace(final Path tmp, final Path target) throws IOException {
		COMMITS.lock();
		try {
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			LIVE.remove(tmp);
		}
		finally {
			COMMITS.unlock();
		}
	}
}
