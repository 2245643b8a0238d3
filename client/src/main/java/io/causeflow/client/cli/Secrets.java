package io.causeflow.client.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.nio.file.Path;

/** Reads a secret from a file option or an environment variable; never from an argument value. */
final class Secrets {
    private Secrets() {
    }

    static String read(final CliContext context, @CheckForNull final Path file, final String envName,
            final String fileOption, final String what) throws UsageException {
        if (file != null) {
            // Bounded: a secret file is tiny, and a FIFO or /dev/zero given by mistake must not hang or fill memory.
            String value = InputFiles.readString(file, InputFiles.MAX_SECRET_BYTES, fileOption).strip();
            if (value.isEmpty()) {
                throw new UsageException(fileOption + " " + file + " is empty");
            }
            return value;
        }
        String value = context.env(envName);
        if (value == null) {
            throw new UsageException("no " + what + ": set " + envName + " or pass " + fileOption
                    + " (secrets are never taken from argument values)");
        }
        return value.strip();
    }
}
