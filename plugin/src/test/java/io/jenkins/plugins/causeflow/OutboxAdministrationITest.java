package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.sun.net.httpserver.HttpServer;
import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.util.Secret;
import io.causeflow.client.SignatureFormat;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.causeflow.client.outbox.QueuedAlert;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.outbox.OutboxLink;
import io.jenkins.plugins.causeflow.outbox.OutboxMonitor;
import io.jenkins.plugins.causeflow.outbox.PluginOutbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import jenkins.management.Badge;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What administrators see of the outbox: the administrative monitor, the Manage Jenkins page with "Retry now" and
 * "Discard", its REST API, and that nobody else gets any of it. One Jenkins for the class; every test starts from an
 * empty outbox and the right credentials.
 */
@WithJenkins
class OutboxAdministrationITest {
    private static final String PAGE = "manage/causeflow-outbox/";
    private static final String EVIL_SOURCE_ALERT_ID = "evil-<script>alert(1)</script>-${7*7}";
    private static final String EVIL_BUILD_ID = "ghost<script>alert(2)</script>${7*7}#1";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static JenkinsRule j;
    /** A build that exists, so its queued alerts resolve their credentials and stay pending while CauseFlow is down. */
    private static FreeStyleBuild existingBuild;

    @BeforeAll
    static void startJenkins(final JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            TestSetup.configure(receiver);
        }
        existingBuild = j.buildAndAssertSuccess(j.createFreeStyleProject("app"));
    }

    @BeforeEach
    void emptyTheOutbox() throws Exception {
        Outbox outbox = outbox();
        for (OutboxEntry entry : outbox.pending()) {
            outbox.discard(entry.id());
        }
        for (OutboxEntry entry : outbox.dead()) {
            outbox.discard(entry.id());
        }
        setApiKey(LoopbackReceiver.API_KEY);
    }

    @Test
    void shouldActivateTheMonitorForDeadOrLongWaitingAlertsOnly() throws Exception {
        OutboxMonitor monitor = ExtensionList.lookupSingleton(OutboxMonitor.class);
        OutboxLink link = ExtensionList.lookupSingleton(OutboxLink.class);
        assertThat(monitor.isActivated()).as("empty outbox").isFalse();
        assertThat(link.getBadge()).as("no badge on the page's icon").isNull();

        String down = downEndpoint();
        OutboxEntry fresh = outbox().enqueue(alert("fresh", existingBuild.getExternalizableId(), down));
        await("the sender tried the fresh alert", () -> attempts(fresh.id()) > 0);
        assertThat(monitor.isActivated()).as("one alert waiting for seconds").isFalse();

        OutboxEntry dead = outbox().enqueue(alert("dead", "ghost#1", down));
        await("the alert of a missing build is given up", () -> outbox().dead().size() == 1);
        assertThat(monitor.isActivated()).as("one dead alert").isTrue();
        assertThat(monitor.getMessage()).isEqualTo("1 alert was given up and will not be retried automatically.");
        assertThat(link.getBadge()).extracting(Badge::getText, Badge::getSeverity).containsExactly("1", "danger");
        HtmlPage manage = web("admin").goTo("manage/");
        DomElement message = manage.querySelector(".causeflow-outbox-monitor");
        assertThat(message).as("the monitor on Manage Jenkins").isNotNull();
        assertThat(message.asNormalizedText()).contains("1 alert was given up");
        assertThat(((DomElement) message.querySelector("a")).getAttribute("href")).endsWith("/" + PAGE);
        assertThat(manage.getWebResponse().getContentAsString()).as("the page's link on Manage Jenkins")
                .contains("causeflow-outbox");

        outbox().discard(dead.id());
        assertThat(monitor.isActivated()).as("dead alert discarded").isFalse();
        assertThat(link.getBadge()).isNull();

        queueTwoHoursAgo(alert("old", existingBuild.getExternalizableId(), down));
        assertThat(monitor.isActivated()).as("an alert waiting for two hours").isTrue();
        assertThat(monitor.getMessage())
                .isEqualTo("2 alerts have been waiting for delivery to CauseFlow, the oldest for 2 hr 0 min.");
        assertThat(link.getBadge()).extracting(Badge::getText, Badge::getSeverity).containsExactly("2", "warning");
    }

    @Test
    void shouldListEntriesWithEscapedTextAndExportThemWithoutSecrets() throws Exception {
        String down = downEndpoint();
        OutboxEntry pending = outbox().enqueue(alert("ci:app#1", existingBuild.getExternalizableId(), down));
        outbox().enqueue(alert(EVIL_SOURCE_ALERT_ID, EVIL_BUILD_ID, down));
        await("pending tried once, evil one given up",
                () -> attempts(pending.id()) > 0 && outbox().dead().size() == 1);

        HtmlPage page = web("admin").goTo(PAGE);
        String html = page.getWebResponse().getContentAsString();
        DomElement pendingTable = page.getElementById("causeflow-outbox-pending");
        DomElement deadTable = page.getElementById("causeflow-outbox-dead");

        assertThat(pendingTable.asNormalizedText()).contains("app", "#1", "ci:app#1", "cannot connect to");
        assertThat(pendingTable.querySelectorAll("a")).extracting(a -> ((HtmlAnchor) a).getHrefAttribute())
                .containsExactly(j.contextPath + "/job/app/", j.contextPath + "/job/app/1/");
        assertThat(deadTable.querySelectorAll("a")).as("the job of the dead entry does not exist: no link").isEmpty();
        assertThat(deadTable.asNormalizedText()).as("untrusted text shown literally")
                .contains(EVIL_SOURCE_ALERT_ID, "ghost<script>alert(2)</script>${7*7}", "no longer exists");
        assertThat(html).as("untrusted text escaped").doesNotContain("<script>alert(1)", "<script>alert(2)")
                .contains("evil-&lt;script>alert(1)&lt;/script>-${7*7}");
        assertThat(page.querySelectorAll("script")).noneMatch(s -> s.getTextContent().contains("alert("));
        assertNoSecret(html);

        String json = web("admin").goTo(PAGE + "api/json", "application/json").getWebResponse()
                .getContentAsString();
        JSONObject api = JSONObject.fromObject(json);
        assertThat(api.getInt("pendingCount")).isEqualTo(1);
        assertThat(api.getInt("deadCount")).isEqualTo(1);
        JSONObject exportedPending = api.getJSONArray("pending").getJSONObject(0);
        assertThat(exportedPending.getString("id")).isEqualTo(pending.id());
        assertThat(exportedPending.getString("state")).isEqualTo("PENDING");
        assertThat(exportedPending.getString("job")).isEqualTo("app");
        assertThat(exportedPending.getInt("buildNumber")).isEqualTo(1);
        assertThat(exportedPending.getString("buildUrl")).endsWith("/job/app/1/");
        assertThat(exportedPending.getString("sourceAlertId")).isEqualTo("ci:app#1");
        assertThat(exportedPending.getInt("attempts")).isPositive();
        assertThat(exportedPending.getLong("nextAttemptAt")).isPositive();
        assertThat(exportedPending.getString("lastError")).contains("cannot connect to");
        JSONObject exportedDead = api.getJSONArray("dead").getJSONObject(0);
        assertThat(exportedDead.getString("sourceAlertId")).isEqualTo(EVIL_SOURCE_ALERT_ID);
        assertThat(exportedDead.getString("deadReason")).contains(EVIL_BUILD_ID, "no longer exists");
        assertThat(exportedDead.has("jobUrl")).as("no URL for a job that does not exist").isFalse();
        assertNoSecret(json);
        assertThat(json).as("not even the credential IDs are exported")
                .doesNotContain(TestSetup.API_KEY_ID, TestSetup.WEBHOOK_SECRET_ID);
    }

    @Test
    void shouldRetryADeadAlertFromThePageOnceTheCauseIsFixedAndDeliverIt() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            CauseFlowGlobalConfiguration.get().setEndpointUrl(receiver.baseUrl());
            setApiKey("cflo_wrong_key"); // CauseFlow answers 401: final, the alert goes to dead/
            FreeStyleBuild build = failingBuildWithTheNotifier("retry-dead");
            await("the refused alert is given up", () -> outbox().dead().size() == 1);
            assertThat(build.getAction(CauseFlowAction.class).getStatus()).isEqualTo("DEAD");

            setApiKey(LoopbackReceiver.API_KEY);
            HtmlPage page = web("admin").goTo(PAGE);
            assertThat(page.getElementById("causeflow-outbox-dead").asNormalizedText()).contains("401");
            clickButtonOf(page, "#causeflow-outbox-dead form[name=retry]");

            await("the retried alert is delivered", () -> "ACCEPTED".equals(
                    build.getAction(CauseFlowAction.class).getStatus()));
            assertThat(receiver.incidentCount()).isEqualTo(1);
            assertThat(outbox().pending()).isEmpty();
            assertThat(outbox().dead()).isEmpty();
            assertThat(build.getAction(CauseFlowAction.class).getRecords())
                    .as("the dead record is replaced by the delivery").hasSize(1);
        }
    }

    @Test
    void shouldRetryAllToDeliverAPendingAlertAtOnceInsteadOfAfterItsBackoff() throws Exception {
        HttpServer unavailable = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        unavailable.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "3600");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        unavailable.start();
        int port = unavailable.getAddress().getPort();
        FreeStyleBuild build;
        try {
            CauseFlowGlobalConfiguration.get().setEndpointUrl("http://127.0.0.1:" + port);
            build = failingBuildWithTheNotifier("retry-pending");
            await("the sender was told to come back in an hour", () -> outbox().pending().size() == 1
                    && outbox().pending().get(0).attempts() == 1);
            assertThat(outbox().pending().get(0).nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        }
        finally {
            unavailable.stop(0);
        }

        try (LoopbackReceiver back = LoopbackReceiver.startOn(port)) {
            clickButtonOf(web("admin").goTo(PAGE), "form[name=retryAll]");

            await("the pending alert is delivered long before its hour", () -> "ACCEPTED".equals(
                    build.getAction(CauseFlowAction.class).getStatus()));
            assertThat(back.incidentCount()).isEqualTo(1);
            assertThat(outbox().pending()).isEmpty();
        }
    }

    @Test
    void shouldDiscardOnePendingAlertAndAllDeadOnes() throws Exception {
        String down = downEndpoint();
        OutboxEntry pending = outbox().enqueue(alert("keep-or-drop", existingBuild.getExternalizableId(), down));
        outbox().enqueue(alert("dead-1", "ghost#1", down));
        outbox().enqueue(alert("dead-2", "ghost#2", down));
        await("two alerts given up", () -> outbox().dead().size() == 2);

        JenkinsRule.WebClient admin = web("admin");
        WebResponse discarded = post(admin, PAGE + "discard?id=" + pending.id(), true);
        assertThat(discarded.getStatusCode()).as("redirected back to the page, which answers").isEqualTo(200);
        assertThat(outbox().pending()).isEmpty();
        assertThat(outbox().dead()).hasSize(2);
        assertThat(entryFiles("pending")).isEmpty();

        assertThat(post(admin, PAGE + "discardDead", true).getStatusCode()).isEqualTo(200);
        assertThat(outbox().dead()).isEmpty();
        assertThat(entryFiles("dead")).isEmpty();
    }

    @Test
    void shouldRefuseGetRequestsPostsWithoutCrumbAndUsersWhoAreNotAdministrators() throws Exception {
        OutboxEntry dead = outbox().enqueue(alert("dead-refusals", "ghost#3", downEndpoint()));
        await("the alert is given up", () -> outbox().dead().size() == 1);
        List<String> actions = List.of("retry?id=" + dead.id(), "retryAll", "discard?id=" + dead.id(),
                "discardDead");

        JenkinsRule.WebClient reader = web("reader");
        JenkinsRule.WebClient admin = web("admin");
        reader.getOptions().setJavaScriptEnabled(false); // only status codes are read: no need to run the pages' JS
        admin.getOptions().setJavaScriptEnabled(false);
        assertThat(reader.goTo(PAGE).getWebResponse().getStatusCode()).as("page").isEqualTo(403);
        assertThat(reader.getPage(j.getURL() + PAGE + "api/json").getWebResponse().getStatusCode()).as("REST API")
                .isEqualTo(403);
        for (String action : actions) {
            assertThat(post(reader, PAGE + action, true).getStatusCode()).as("reader POST " + action)
                    .isEqualTo(403);
            assertThat(admin.getPage(new URL(j.getURL(), PAGE + action)).getWebResponse().getStatusCode())
                    .as("admin GET " + action).isEqualTo(405);
            assertThat(post(admin, PAGE + action, false).getStatusCode()).as("admin POST without crumb " + action)
                    .isEqualTo(403);
        }

        assertThat(outbox().dead()).extracting(OutboxEntry::id).as("nothing was done").containsExactly(dead.id());
        assertThat(outbox().find(dead.id()).orElseThrow().state()).isEqualTo(OutboxEntry.State.DEAD);
    }

    // ---------------------------------------------------------------- helpers

    private static Outbox outbox() {
        return PluginOutbox.get().orElseThrow();
    }

    /** An alert for the test's receiver tenant and credential IDs, to a given base URL. */
    private static QueuedAlert alert(final String sourceAlertId, final String buildId, final String baseUrl) {
        byte[] body = ("{\"title\":\"outbox admin test\",\"sourceAlertId\":\"" + sourceAlertId.replace("\"", "")
                + "\"}").getBytes(StandardCharsets.UTF_8);
        return new QueuedAlert(body, URI.create(baseUrl + "/v1/webhooks/" + LoopbackReceiver.TENANT + "/custom"),
                LoopbackReceiver.TENANT, sourceAlertId, SignatureFormat.PREFIXED, TestSetup.API_KEY_ID,
                TestSetup.WEBHOOK_SECRET_ID, buildId);
    }

    /** A loopback URL nobody listens on: attempts fail at once with "connection refused". */
    private static String downEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /**
     * Puts an entry into the outbox as if it had been queued two hours ago: the plugin's outbox is closed, the same
     * folder is opened with a clock two hours back, and the plugin's outbox is opened again and reads it.
     */
    private static void queueTwoHoursAgo(final QueuedAlert alert) throws IOException {
        Path directory = outbox().directory();
        PluginOutbox.stop();
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        try (Outbox earlier = Outbox.builder(directory).clock(past).open()) {
            earlier.enqueue(alert);
        }
        finally {
            PluginOutbox.open();
        }
    }

    private static int attempts(final String id) {
        return outbox().find(id).map(OutboxEntry::attempts).orElse(0);
    }

    private static FreeStyleBuild failingBuildWithTheNotifier(final String name) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject(name);
        project.getBuildersList().add(new FailureBuilder());
        project.getPublishersList().add(new CauseFlowNotifier());
        return j.buildAndAssertStatus(Result.FAILURE, project);
    }

    /** Replaces the API-key credential's value (a wrong key makes CauseFlow answer 401). */
    private static void setApiKey(final String value) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        List<Credentials> credentials = provider.getCredentials();
        credentials.removeIf(c -> c instanceof IdCredentials id && TestSetup.API_KEY_ID.equals(id.getId()));
        credentials.add(new StringCredentialsImpl(CredentialsScope.GLOBAL, TestSetup.API_KEY_ID, "CauseFlow API key",
                Secret.fromString(value)));
        provider.save();
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + LIMIT).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static JenkinsRule.WebClient web(final String user) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setPrintContentOnFailingStatusCode(false);
        return web.login(user);
    }

    /** Submits a form of the page the way a browser does (its crumb added by Jenkins' JavaScript). */
    private static void clickButtonOf(final HtmlPage page, final String formSelector) throws IOException {
        DomElement form = page.querySelector(formSelector);
        assertThat(form).as(formSelector).isNotNull();
        HtmlButton button = form.querySelector("button");
        HtmlPage after = button.click();
        assertThat(after.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(after.getUrl().toString()).endsWith("/" + PAGE);
    }

    private static WebResponse post(final JenkinsRule.WebClient web, final String path, final boolean withCrumb)
            throws Exception {
        WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        if (withCrumb) {
            web.addCrumb(request);
        }
        return web.getPage(request).getWebResponse();
    }

    private static List<Path> entryFiles(final String folder) throws IOException {
        try (Stream<Path> files = Files.list(outbox().directory().resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".entry")).toList();
        }
    }

    private static void assertNoSecret(final String text) {
        assertThat(text).doesNotContain(LoopbackReceiver.API_KEY, LoopbackReceiver.WEBHOOK_SECRET);
    }
}
