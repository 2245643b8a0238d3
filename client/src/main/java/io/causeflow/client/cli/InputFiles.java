package io.causeflow.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the small files the command line is given (secrets, rules, an alert), bounded while reading: only
 * regular files (a FIFO would block forever, {@code /dev/zero} never ends), and never more than the cap plus one
 * byte. Every refusal is a {@link UsageException} (exit 64) naming the option, the file and the reason.
 */
final class InputFiles {
    /** A secret (API key, webhook secret, stream token) is tens of bytes; 4 KiB leaves room for any format. */
    static final int MAX_SECRET_BYTES = 4 * 1024;
    /** Severity rules are a handful of lines. */
    static final int MAX_RULES_BYTES = 1024 * 1024;
    /** An alert file: four times the 256 KiB body limit, room for what the alert model truncates. */
    static final int MAX_ALERT_BYTES = 1024 * 1024;

    private InputFiles() {
    }

    /**
     * @param file the file
     * @param maxBytes the largest size accepted
     * @param option the option that named it, for the message
     * @return the file's bytes
     * @throws UsageException when it is missing, not a regular file, too large or unreadable
     */
    static byte[] read(final Path file, final int maxBytes, final String option) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + " " + file + (Files.exists(file)
                    ? ": not a regular file (directories, FIFOs and devices are refused)"
                    : ": no such file"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new UsageException(option + " " + file + ": larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
        catch (NoSuchFileException e) {
            throw new UsageException(option + " " + file + ": no such file");
        }
        catch (IOException e) {
            throw new UsageException(option + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@link #read} as UTF-8 text (malformed bytes become U+FFFD). */
    static String readString(final Path file, final int maxBytes, final String option) throws UsageException {
        return new String(read(file, maxBytes, option), StandardCharsets.UTF_8);
    }
}
