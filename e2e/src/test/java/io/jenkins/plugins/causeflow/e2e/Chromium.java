package io.jenkins.plugins.causeflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium (Debian's {@code chromium}) taking one screenshot per call, each with a fresh profile and no
 * background traffic. Jenkins is open to anonymous users in this suite, so no login is needed.
 */
final class Chromium {
    private final Path binary;
    private final Path work;
    private final Path screenshots;
    private int runs;

    Chromium(Path binary, Path work, Path screenshots) {
        this.binary = binary;
        this.work = work;
        this.screenshots = screenshots;
    }

    /**
     * Saves {@code url} as {@code screenshots/<name>.png}, {@code width × height} pixels, and returns the file.
     * A URL fragment scrolls the page to that element.
     */
    Path screenshot(String url, String name, int width, int height) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.deleteIfExists(file);
            Path profile = Files.createDirectories(work.resolve("profile-" + (++runs)));
            ChildProcess chromium = ChildProcess.start("chromium", List.of(binary.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    // time for Jenkins' scripts (form layout, lazy sections) before the shot
                    "--virtual-time-budget=8000",
                    "--window-size=" + width + "," + height,
                    "--screenshot=" + file,
                    url), Map.of(), work, work.resolve(name + ".log"));
            ChildProcess.awaitTrue("Chromium's screenshot " + file, Duration.ofSeconds(90),
                    ignored -> Files.exists(file) && sizeOf(file) > 0 && !chromiumRunning(chromium));
            chromium.stop(Duration.ofSeconds(5));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not take a screenshot of " + url, e);
        }
    }

    private static boolean chromiumRunning(ChildProcess chromium) {
        return ProcessHandle.of(chromium.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
