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
import java.util.concurrent.ThreadLocalRandom;
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
			if (!done) Files.deleteIfExists(tmp);
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
			if (!done) Files.deleteIfExists(tmp);
		}
	}

	/** Writes {@code target} as UTF-8 text through a buffered writer (closed for you). */
	public static void writeText(final Path target, final IOConsumer<Writer> body)
		throws IOException
	{
		write(target, out -> {
			final Writer writer = new BufferedWriter(new OutputStreamWriter(out,
				StandardCharsets.UTF_8));
			body.accept(writer);
			writer.flush();
		});
	}

	/**
	 * Lets {@code body} write the temporary file by its path, for libraries that only write to a
	 * named file (ImageJ's {@code FileSaver}); then moves it over {@code target}. The temporary
	 * file keeps the target's extension.
	 */
	public static void writeFile(final Path target, final IOConsumer<Path> body)
		throws IOException
	{
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
			if (!done) Files.deleteIfExists(tmp);
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
		final String name = absolute.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		final String base = dot > 0 ? name.substring(0, dot) : name;
		final String ext = dot > 0 ? name.substring(dot) : "";
		for (int attempt = 0;; attempt++) {
			final String random = Long.toHexString(ThreadLocalRandom.current().nextLong() &
				0xffffffffffL);
			try {
				return Files.createFile(dir.resolve("." + base + ".tmp-" + random + ext));
			}
			catch (final FileAlreadyExistsException e) {
				if (attempt > 100) throw e;
			}
		}
	}

	static void moveIntoPlace(final Path tmp, final Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
