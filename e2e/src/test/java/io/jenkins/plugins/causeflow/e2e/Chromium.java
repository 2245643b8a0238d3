package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium}) taking one screenshot per call, each with a fresh profile and no
 * background traffic. Jenkins is open to anonymous users in this suite, so no login is needed.
 */
final class Chromium {
    private static final Pattern DEVTOOLS_LISTENING =
            Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

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
                    () -> Files.exists(file) && sizeOf(file) > 0 && !chromiumRunning(chromium));
            chromium.stop(Duration.ofSeconds(5));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not take a screenshot of " + url, e);
        }
    }

    /**
     * Saves the element that the JavaScript expression {@code element} finds on {@code url} (with a small margin) as
     * {@code screenshots/<name>.png}, through the DevTools protocol; fails when the page lacks the element.
     */
    Path screenshotOfElement(String url, String name, int width, String element) {
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
                    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                    "--window-size=" + width + ",1000",
                    "about:blank"), Map.of(), work, work.resolve(name + ".log"));
            try {
                String port = chromium.awaitLog(DEVTOOLS_LISTENING, Duration.ofSeconds(60)).group(1);
                try (DevToolsSession page = DevToolsSession.connect("http://127.0.0.1:" + port)) {
                    page.navigate(url);
                    String box = "(() => { const e = " + element + "; if (!e) return null;"
                            + " const r = e.getBoundingClientRect();"
                            + " return {x: r.left + window.scrollX, y: r.top + window.scrollY,"
                            + " width: r.width, height: r.height}; })()";
                    ChildProcess.await("the element " + element + " on " + url, Duration.ofSeconds(30), () -> {
                        JsonNode found = page.evaluate(box);
                        return found.isObject() && found.path("height").asDouble() > 0
                                ? Optional.of(found) : Optional.empty();
                    });
                    ChildProcess.sleep(Duration.ofMillis(1500)); // scripts and fonts move things once more
                    JsonNode rect = page.evaluate(box);
                    double margin = 12;
                    double x = Math.max(0, rect.path("x").asDouble() - margin);
                    Files.write(file, page.capture(x, rect.path("y").asDouble(),
                            rect.path("width").asDouble() + 2 * margin, rect.path("height").asDouble() + margin));
                }
            } finally {
                chromium.stop(Duration.ofSeconds(5));
            }
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
