package org.hotpixels.io;

import java.io.IOException;

/** Like {@link java.util.function.Consumer}, but may throw {@link IOException}. */
@FunctionalInterface
public interface IOConsumer<T> {

	void accept(T value) throws IOException;
}
