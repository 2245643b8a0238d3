package io.causeflow.client.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writes: write a temp file in the same folder, fsync it, rename it over the target (atomic on
 * POSIX), fsync the folder so the rename itself survives a power cut. A reader sees the old file or the new
 * one, never a mix; a crash leaves at most a {@code *.tmp} file, which {@link Outbox} deletes at start.
 * Without {@code sync} the rename is still atomic for other processes and survives a process crash (the page
 * cache outlives it), but not a power cut or kernel panic.
 */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    static void write(final Path dir, final String name, final byte[] content, final boolean sync) throws IOException {
        Path temp = dir.resolve(name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (sync) {
                    channel.force(true);
                }
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        if (sync) {
            syncDirectory(dir);
        }
    }

    /** Makes renames and deletions in {@code dir} durable (Linux and macOS allow fsync on a directory). */
    static void syncDirectory(final Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // Left behind; the next start removes stray temp files.
        }
    }
}
