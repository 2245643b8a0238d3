package io.causeflow.client.failure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link LogSource} over a file: seeks to the offset, so reading the end of a huge file costs only the end.
 *
 * @param file the log file
 */
public record FileLogSource(Path file) implements LogSource {
    @Override
    public long length() throws IOException {
        return Files.size(file);
    }

    @Override
    public InputStream openFrom(final long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
