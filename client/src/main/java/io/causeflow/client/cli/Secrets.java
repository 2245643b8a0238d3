package io.causeflow.client.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a secret from a file option or an environment variable; never from an argument value. */
final class Secrets {
    private Secrets() {
    }

    static String read(final CliContext context, @CheckForNull final Path file, final String envName,
            final String fileOption, final String what) throws UsageException {
        if (file != null) {
            String value;
            try {
                value = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            }
            catch (IOException e) {
                throw new UsageException("cannot read " + what + " from " + fileOption + " " + file + " ("
                        + e.getClass().getSimpleName() + ")");
            }
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
