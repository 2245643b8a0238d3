package io.causeflow.client.failure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a CI system leaves behind for a build, for callers outside Jenkins (the command line's
 * {@code send --from-junit DIR --log FILE}): JUnit XML reports and the build log. Reading them fills the same
 * snapshot fields the plugin fills from a {@code Run}, with the same caps and the same bounded log excerpt.
 *
 * @param junitReports a directory of JUnit XML reports, or one report
 * @param log          the build log
 */
public record BuildFiles(Optional<Path> junitReports, Optional<Path> log) {
    /**
     * Reads the test summary and the log excerpt into {@code snapshot}.
     *
     * @param snapshot the snapshot being built
     * @return the same builder
     * @throws IOException if a report or the log cannot be read; the message names the file
     */
    public BuildSnapshot.Builder readInto(final BuildSnapshot.Builder snapshot) throws IOException {
        if (junitReports.isPresent()) {
            snapshot.tests(JUnitReports.read(junitReports.get()));
        }
        if (log.isPresent()) {
            Path file = log.get();
            if (!Files.isRegularFile(file)) {
                throw new IOException("No log file at " + file
                        + " (a regular file is needed, not a directory, FIFO or device)");
            }
            snapshot.logExcerpt(LogExcerptReader.withDefaults().read(new FileLogSource(file),
                    LogExcerpt.Origin.BUILD_LOG_TAIL));
        }
        return snapshot;
    }
}
