package io.causeflow.client.failure;

import java.io.IOException;
import java.io.InputStream;

/**
 * A log as plain bytes that can be read from an offset, so an excerpt reads only the end of it. The plugin adapts
 * Jenkins' {@code AnnotatedLargeText} ({@code length()} and {@code writeLogTo(start, out)}) or a step's
 * {@code LogAction}; {@link FileLogSource} serves the command line and tests.
 */
public interface LogSource {
    /**
     * Returns the current length of the log in bytes.
     *
     * @return the length
     * @throws IOException if the log cannot be read
     */
    long length() throws IOException;

    /**
     * Opens the log from a byte offset to its end. The reader closes the stream and stops reading once it has its
     * window, so an implementation may stream lazily.
     *
     * @param offset the first byte to read, between 0 and {@link #length()}
     * @return the bytes from {@code offset}
     * @throws IOException if the log cannot be read
     */
    InputStream openFrom(long offset) throws IOException;
}
