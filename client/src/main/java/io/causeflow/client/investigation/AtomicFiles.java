package io.causeflow.client.investigation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Small state files: written whole via a synced temporary file and a rename, read with a size bound. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Replaces the file's content so that a reader (or a crash) sees the old or the new content, never a mix.
     *
     * @param file the target
     * @param content the new content
     * @throws IOException when the directory or file cannot be written
     */
    static void write(final Path file, final byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a whole file, refusing one larger than the bound before reading past it.
     *
     * @param file the file
     * @param maxBytes the largest size accepted
     * @return the content, empty when the file does not exist
     * @throws IOException when unreadable or larger than {@code maxBytes} (the message names the file and bound)
     */
    static Optional<byte[]> read(final Path file, final int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new IOException(file + " is larger than " + maxBytes + " bytes; not read");
            }
            return Optional.of(content);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
