package io.causeflow.receiver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.Alert;
import io.causeflow.client.CauseFlowClient;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.DeliveryStatus;
import io.causeflow.client.Severity;
import io.causeflow.client.failure.AlertOverrides;
import io.causeflow.client.failure.FailureAlertMapper;
import io.causeflow.client.failure.MappingRules;
import io.causeflow.client.failure.SnapshotFixtures;
import io.causeflow.receiver.ReceiverConfig;
import io.causeflow.receiver.ReceiverServer;
import io.causeflow.receiver.model.Incident;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tests the class {@link Dashboard} in a real headless Chromium against a real receiver on a loopback port: alerts
 * are sent with the client library, exactly as the Jenkins plugin sends them. One browser for the whole class; each
 * test signs in afresh and saves a screenshot under {@code target/screenshots/}.
 */
class DashboardBrowserITest {
    private static final String ACME_KEY = "cflo_test_sk_acme_3a9d0c";
    private static final String ACME_SECRET = "whsec_test_7f3a91";
    private static final String GLOBEX_KEY = "cflo_test_sk_globex_88aa01";
    private static final String GLOBEX_SECRET = "whsec_test_globex_0b7c";
    /** Slow enough that the page is open before the investigation ends: 6 steps take about 4 s. */
    private static final Duration STEP_DELAY = Duration.ofMillis(700);
    private static final AtomicInteger IDS = new AtomicInteger();

    private static ReceiverServer server;
    private static Chromium chromium;
    private static ChromeDriver browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        server = ReceiverServer.create(ReceiverConfig.builder()
                .tenant("acme", ACME_KEY, ACME_SECRET, "cfst_test_acme_51e2b7")
                .tenant("globex", GLOBEX_KEY, GLOBEX_SECRET, "cfst_test_globex_c4d5e6")
                .simulatorStepDelay(STEP_DELAY)
                .build()).start();
        chromium = Chromium.start(1280, 900);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBrowserState() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/dashboard/sign-in"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void shouldSignInWithTheTenantsApiKeyAndShowTheTenant() throws IOException {
        signIn(ACME_KEY);

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/dashboard"));
        wait(Duration.ofSeconds(5)).until(d -> "acme".equals(text("tenant")));
        wait(Duration.ofSeconds(5)).until(d -> "Live".equals(text("live")));
        org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed(Dashboard.SESSION_COOKIE);
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getValue()).doesNotContain(ACME_KEY);
        chromium.screenshot("sign-in-done");
    }

    @Test
    void shouldRefuseAWrongApiKey() throws IOException {
        browser.get(url("/dashboard/sign-in"));
        browser.findElement(By.id("apiKey")).sendKeys("cflo_wrong_key", Keys.ENTER);

        WebElement error = wait(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("sign-in-error")));
        assertThat(error.getText()).contains("does not belong to any tenant");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/dashboard/sign-in")).doesNotContain("wrong");
        assertThat(browser.manage().getCookieNamed(Dashboard.SESSION_COOKIE)).isNull();
        chromium.screenshot("sign-in-refused");

        browser.get(url("/dashboard"));
        assertThat(browser.getCurrentUrl()).as("the list sends an unsigned browser to sign in")
                .isEqualTo(url("/dashboard/sign-in"));
    }

    @Test
    void shouldShowANewAlertInTheListWithinTwoSecondsWithoutReload() throws IOException {
        signIn(ACME_KEY);
        wait(Duration.ofSeconds(5)).until(d -> "Live".equals(text("live")));
        markPage();

        String incidentId = send("acme", jenkinsFailure());

        WebElement row = wait(Duration.ofSeconds(2))
                .until(d -> d.findElement(By.cssSelector("tr[data-incident-id='" + incidentId + "']")));
        assertThat(pageMarked()).as("the page was not reloaded").isTrue();
        assertThat(row.getAttribute("textContent")).contains("FAILURE: team/app/main #42", "high", "jenkins");
        List<WebElement> rows = browser.findElements(By.cssSelector("#incident-rows tr"));
        assertThat(rows.get(0).getAttribute("data-incident-id")).as("newest first").isEqualTo(incidentId);
        chromium.screenshot("incident-list");
    }

    @Test
    void shouldFillTheTimelineLiveAndHighlightRootCauseAndRemediation() throws IOException {
        signIn(ACME_KEY);
        String incidentId = send("acme", jenkinsFailure());

        browser.get(url("/dashboard/incidents/" + incidentId));
        wait(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#timeline li")).isEmpty());
        assertThat(browser.findElement(By.id("root-cause-panel")).isDisplayed())
                .as("the investigation is still running when the page opens").isFalse();
        markPage();

        wait(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("remediation-panel")).isDisplayed());
        assertThat(pageMarked()).as("filled by the live feed, not by a reload").isTrue();
        Incident stored = server.incident(incidentId).orElseThrow();
        assertThat(text("root-cause")).isEqualTo(stored.rootCause().orElseThrow());
        assertThat(browser.findElement(By.id("root-cause-panel")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#actions li"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline li")).stream()
                .map(item -> item.getAttribute("data-event")).toList())
                .as("every stored event, in order, once")
                .isEqualTo(server.events("acme").stream().filter(e -> e.incidentId().equals(incidentId))
                        .map(e -> e.name()).toList());
        // The alert as received, with the build metadata the plugin sends.
        assertThat(text("title")).isEqualTo("FAILURE: team/app/main #42, stage Test, branch linux (+1 more)");
        assertThat(text("build-facts")).contains("team/app/main", "#42", "FAILURE", "k8s-agent-7f9c");
        assertThat(text("failed-stages")).contains("Test", "linux", "windows", "script returned exit code 1");
        assertThat(text("failed-tests")).contains("com.example.orders.OrderServiceTest.shouldRejectNegativeQuantity",
                "quantity must be positive: -1");
        assertThat(text("log-errors")).contains("Caused by: java.lang.ArithmeticException: / by zero");
        assertThat(text("tags")).contains("ci", "jenkins");
        assertThat(text("description")).contains("Build: https://ci.example.com/job/team/job/app/job/main/42/");
        chromium.fullPageScreenshot("incident-page");
    }

    @Test
    void shouldResolveFromTheIncidentPageAndUpdateTheListLive() throws Exception {
        signIn(ACME_KEY);
        String resolvedHere = send("acme",
                plainAlert("Disk almost full on build agent k8s-agent-7f9c", Severity.HIGH));
        String resolvedElsewhere = send("acme", plainAlert("Nightly deploy job timed out", Severity.MEDIUM));
        wait(Duration.ofSeconds(5)).until(d -> !d.findElements(
                By.cssSelector("tr[data-incident-id='" + resolvedHere + "']")).isEmpty());

        // Keyboard only: focus stays on the row link while live updates arrive, Enter opens the incident, and the
        // Resolve button answers Enter.
        WebElement rowLink = browser.findElement(By.cssSelector("tr[data-incident-id='" + resolvedHere + "'] a"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", rowLink);
        String newcomer = send("acme", plainAlert("Flaky integration test quarantined", Severity.LOW));
        wait(Duration.ofSeconds(5)).until(d -> !d.findElements(
                By.cssSelector("tr[data-incident-id='" + newcomer + "']")).isEmpty());
        assertThat(browser.switchTo().activeElement()).as("the focused link survived the update").isEqualTo(rowLink);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/dashboard/incidents/" + resolvedHere));
        WebElement resolve = wait(Duration.ofSeconds(5)).until(d -> {
            WebElement button = d.findElement(By.id("resolve"));
            return button.isEnabled() ? button : null;
        });
        resolve.sendKeys(Keys.ENTER);
        wait(Duration.ofSeconds(5)).until(d -> "resolved".equals(text("status")));
        assertThat(server.incident(resolvedHere).orElseThrow().status().wireName()).isEqualTo("resolved");
        wait(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#timeline li")).stream()
                .anyMatch(item -> item.getText().contains("→ resolved")));
        chromium.screenshot("incident-resolved");

        browser.get(url("/dashboard"));
        new Select(wait(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("status-filter"))))
                .selectByValue("active");
        // The filtered list shows the still active incident, and the resolved one is gone (timing out here fails).
        wait(Duration.ofSeconds(5)).until(d -> "active".equals(
                ((JavascriptExecutor) d).executeScript("return new URL(location.href).searchParams.get('status')"))
                && !d.findElements(By.cssSelector("tr[data-incident-id='" + resolvedElsewhere + "']")).isEmpty()
                && d.findElements(By.cssSelector("tr[data-incident-id='" + resolvedHere + "']")).isEmpty());
        wait(Duration.ofSeconds(5)).until(d -> "Live".equals(text("live")));
        markPage();

        // Resolved through the JSON API by someone else: the open list follows without a reload.
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(url("/v1/incidents/" + resolvedElsewhere
                + "/resolve"))).header("X-API-Key", ACME_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        wait(Duration.ofSeconds(5)).until(d -> d.findElements(
                By.cssSelector("tr[data-incident-id='" + resolvedElsewhere + "']")).isEmpty());
        assertThat(pageMarked()).isTrue();
        chromium.screenshot("incident-list-active-after-resolve");

        new Select(browser.findElement(By.id("status-filter"))).selectByValue("all");
        wait(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#incident-rows tr[data-status='resolved']"))
                .stream().map(row -> row.getAttribute("data-incident-id")).toList()
                .containsAll(List.of(resolvedHere, resolvedElsewhere)));
        chromium.screenshot("incident-list-all");
    }

    @Test
    void shouldRenderAnXssAlertLiterallyAndRunNoScript() throws IOException {
        String title = "<script>window.__xss='title'</script><img src=x onerror=\"window.__xss='img'\">";
        String description = "Look: <img src=x onerror=\"window.__xss='description'\"> and </pre><script>"
                + "window.__xss='pre'</script>";
        Alert alert = Alert.builder().title(title).description(description).severity(Severity.CRITICAL)
                .sourceAlertId("xss-" + IDS.incrementAndGet())
                .tag("ci", "<b onmouseover=\"window.__xss='tag'\">jenkins</b>")
                .metadata(Map.of("job", Map.of("fullName", "<img src=x onerror=\"window.__xss='job'\">",
                                "url", "javascript:window.__xss='href'"),
                        "build", Map.of("number", 7, "result", "FAILURE", "url", "javascript:alert(1)"),
                        "logExcerpt", Map.of("source", "step-log", "errorLines",
                                List.of("<script>window.__xss='log'</script>"), "tailLines", List.of())))
                .build();
        signIn(ACME_KEY);
        String incidentId = send("acme", alert);

        WebElement link = wait(Duration.ofSeconds(5))
                .until(d -> d.findElement(By.cssSelector("tr[data-incident-id='" + incidentId + "'] a")));
        assertThat(link.getText()).isEqualTo(title);
        assertThat(browser.findElements(By.cssSelector("#incident-rows img, #incident-rows script"))).isEmpty();
        chromium.screenshot("xss-list");

        // The row may be redrawn by the live feed at any moment; find the link afresh when clicking.
        wait(Duration.ofSeconds(5)).until(d -> {
            d.findElement(By.cssSelector("tr[data-incident-id='" + incidentId + "'] a")).click();
            return true;
        });
        wait(Duration.ofSeconds(5)).until(d -> title.equals(text("title")));
        assertThat(text("description")).isEqualTo(description);
        assertThat(text("log-errors")).isEqualTo("<script>window.__xss='log'</script>");
        assertThat(text("build-facts")).contains("<img src=x onerror=\"window.__xss='job'\">");
        assertThat(browser.findElements(By.cssSelector("#build-facts a")))
                .as("javascript: URLs never become links").isEmpty();
        assertThat(browser.findElements(By.cssSelector("main img, main script, main b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
        chromium.screenshot("xss-incident");
    }

    @Test
    void shouldNotLetOneTenantReachAnotherTenantsIncident() throws IOException {
        String globexIncident = send("globex", plainAlert("Globex secret project build failed", Severity.CRITICAL));
        signIn(ACME_KEY);
        wait(Duration.ofSeconds(5)).until(d -> "Live".equals(text("live")));
        assertThat(browser.findElements(By.cssSelector("tr[data-incident-id='" + globexIncident + "']"))).isEmpty();

        browser.get(url("/dashboard/incidents/" + globexIncident));
        assertThat(wait(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("not-found"))).getText())
                .isEqualTo("Incident not found");
        assertThat(browser.getPageSource()).doesNotContain("Globex secret project");
        Object api = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "Promise.all(['/dashboard/api/incidents/" + globexIncident + "',"
                        + " '/dashboard/api/events?incident=" + globexIncident + "'].map(u => fetch(u)"
                        + ".then(r => r.status))).then(done);");
        assertThat(api).isEqualTo(List.of(404L, 404L));
        Object resolve = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/dashboard/api/session').then(r => r.json()).then(s => fetch('/dashboard/api/incidents/"
                        + globexIncident + "/resolve', {method: 'POST', headers: {'X-CSRF-Token': s.csrfToken}}))"
                        + ".then(r => done(r.status));");
        assertThat(resolve).isEqualTo(404L);
        assertThat(server.incident(globexIncident).orElseThrow().status().wireName()).isNotEqualTo("resolved");
        chromium.screenshot("other-tenant-not-found");
    }

    @Test
    void shouldFitAPhoneScreen() throws IOException {
        String incidentId = send("acme", jenkinsFailure());
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn(ACME_KEY);
        wait(Duration.ofSeconds(5)).until(d -> !d.findElements(
                By.cssSelector("tr[data-incident-id='" + incidentId + "']")).isEmpty());
        assertThat(horizontalOverflow()).as("no sideways scrolling on the list").isFalse();
        assertThat(((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
                + "'#incident-rows tr')].every(row => row.scrollWidth <= row.clientWidth + 1)"))
                .as("every card fits its content").isEqualTo(true);
        chromium.screenshot("phone-list");

        browser.get(url("/dashboard/incidents/" + incidentId));
        wait(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("root-cause-panel")).isDisplayed());
        assertThat(horizontalOverflow()).as("no sideways scrolling on the incident page").isFalse();
        chromium.screenshot("phone-incident");
    }

    // ---------------------------------------------------------------- helpers

    private static void signIn(String apiKey) {
        browser.get(url("/dashboard/sign-in"));
        browser.findElement(By.id("apiKey")).sendKeys(apiKey);
        browser.findElement(By.id("sign-in")).click();
        wait(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(url("/dashboard")));
    }

    /** A build failure exactly as the plugin maps it (the client's Pipeline fixture), with a fresh dedup key. */
    private static Alert jenkinsFailure() {
        Alert alert = FailureAlertMapper.map(SnapshotFixtures.pipelineParallelFailure(), MappingRules.defaults(),
                AlertOverrides.none());
        return alert.toBuilder().sourceAlertId("browser-" + IDS.incrementAndGet()).build();
    }

    private static Alert plainAlert(String title, Severity severity) {
        return Alert.builder().title(title).description("Sent by " + DashboardBrowserITest.class.getSimpleName())
                .severity(severity).sourceAlertId("browser-" + IDS.incrementAndGet()).build();
    }

    private static String send(String tenant, Alert alert) {
        CauseFlowClient client = CauseFlowClient.builder().baseUrl(server.baseUri()).tenantId(tenant)
                .apiKey("acme".equals(tenant) ? ACME_KEY : GLOBEX_KEY)
                .webhookSecret("acme".equals(tenant) ? ACME_SECRET : GLOBEX_SECRET).build();
        DeliveryOutcome outcome = client.send(alert);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(DeliveryStatus.ACCEPTED);
        return outcome.incidentId().orElseThrow();
    }

    private static String url(String path) {
        return server.baseUri() + path;
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getAttribute("textContent");
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** A marker that survives only as long as the page is not reloaded. */
    private static void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true;");
    }

    private static boolean pageMarked() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.__notReloaded === true"));
    }

    private static boolean horizontalOverflow() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"));
    }
}
