package org.hotpixels.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Short reasons for I/O failures, for one-line messages: Java's own messages of file system
 * errors are often just the path ("/out/.variance.tmp-1f3a.tif"), which says nothing.
 */
public final class IOErrors {

	private IOErrors() {}

	/** "permission denied", "No space left on device", "no such file or folder", ... */
	public static String reason(final Throwable e) {
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof NoSuchFileException) return "no such file or folder";
		if (e instanceof FileAlreadyExistsException) return "a file of that name already exists";
		if (e instanceof NotDirectoryException) return "not a folder";
		if (e instanceof ReadOnlyFileSystemException) return "read-only file system";
		if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null)
			return ((FileSystemException) e).getReason();
		final String m = e.getMessage();
		if (m == null || m.trim().isEmpty()) return e.getClass().getSimpleName();
		return m.replace('\n', ' ');
	}

	/** {@code reason} of an {@link IOException} or anything else thrown while writing. */
	public static String reason(final IOException e) {
		return reason((Throwable) e);
	}
}
