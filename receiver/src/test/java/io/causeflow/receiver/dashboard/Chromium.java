package io.causeflow.receiver.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian ({@code chromium} + {@code chromium-driver}, which {@code .ci/run} installs), one per
 * test class. The driver and the browser are given by path, so Selenium never looks anything up on the network; a
 * fresh profile directory per browser keeps runs independent.
 */
final class Chromium implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String BROWSER = "/usr/bin/chromium";

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static Chromium start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("causeflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // Running as root in CI needs --no-sandbox; the rest keep the browser from calling home.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Chromium(profile, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Like {@link #screenshot}, but with the window stretched to the page's full height (at most 4000 px). */
    Path fullPageScreenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        // A little extra: the window is slightly taller than the page area it shows.
        Object height = driver.executeScript("return document.documentElement.scrollHeight + 120");
        int pageHeight = Math.min(4000, ((Number) height).intValue());
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.max(before.getHeight(), pageHeight)));
        try {
            return screenshot(name);
        }
        finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        }
        finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
