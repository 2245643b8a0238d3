package io.jenkins.plugins.causeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CauseFlow down, builds go on (issue 11, docs/plugin.md section 12): with the suite's receiver stopped, 20 failing
 * builds (10 freestyle jobs with the post-build action, 10 Pipelines with automatic alerts and no step) finish while
 * their alerts wait in the outbox; once the receiver is back on the same URL every alert arrives, one incident per
 * build; alerts queued before a Jenkins restart are delivered after it. The outage is the receiver process stopped,
 * so the queued entries point at the URL Jenkins is configured with, and the receiver comes back on the same port
 * and store. Runs after {@link RestartITest} (it stops the receiver and restarts Jenkins) and leaves both running.
 * The build durations and the time to drain are printed and written to {@code target/e2e/outbox-outage.txt}, as
 * figures: no timing is asserted here (that belongs in a benchmark).
 */
@Order(6)
@ExtendWith(EndToEndEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxOutageITest {
    private static final int JOBS_PER_KIND = 10;
    private static final String FREESTYLE_PREFIX = "e2e-outbox-freestyle-";
    private static final String PIPELINE_PREFIX = CascYaml.AUTOMATIC_JOBS_PREFIX + "outbox-pipeline-";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    private static final String OUTBOX_PAGE = "manage/causeflow-outbox/";
    private static final String QUEUED_LINE = "[CauseFlow] Alert queued for delivery; sourceAlertId ";
    private static final String QUEUED_ON_PAGE = "Queued (delivery pending)";
    private static final Set<String> DELIVERED = Set.of("ACCEPTED", "DUPLICATE");

    private final List<Job> freestyleJobs = new ArrayList<>();
    private final List<Job> pipelineJobs = new ArrayList<>();
    /** The 20 builds of the outage, in the order they were scheduled. */
    private final List<Build> outageBuilds = new ArrayList<>();
    private final Map<Build, String> sourceAlertIds = new LinkedHashMap<>();
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void runTwentyFailingBuildsWhileTheReceiverIsDown(EndToEndEnvironment.Suite suite) {
        for (int i = 1; i <= JOBS_PER_KIND; i++) {
            freestyleJobs.add(FreestyleJob.createFailing(suite.client, FREESTYLE_PREFIX + i));
            pipelineJobs.add(PipelineJob.createFailingWithoutStep(suite.client, PIPELINE_PREFIX + i));
        }
        suite.receiver.stop();
        for (int i = 0; i < JOBS_PER_KIND; i++) {
            outageBuilds.add(freestyleJobs.get(i).scheduleBuild());
            outageBuilds.add(pipelineJobs.get(i).scheduleBuild());
        }
        for (Build build : outageBuilds) {
            assertThat(build.awaitResult(BUILD_TIMEOUT)).as("result of %s", build.url()).isEqualTo("FAILURE");
        }
        for (Build build : outageBuilds) {
            sourceAlertIds.put(build, awaitQueued(build));
        }
        List<Long> durations = outageBuilds.stream().map(build -> durationMillis(suite, build)).toList();
        // Whole builds as Jenkins measures them, scheduled at once on 3 executors: a Pipeline's duration includes
        // its wait for an executor for node {}, so these figures say "finished", not "what CauseFlow cost".
        figures.add("Build durations with CauseFlow down, " + outageBuilds.size() + " failing builds at once on 3 "
                + "executors: all " + summary(durations) + "; freestyle (post-build action) "
                + summary(durationsOf(durations, FREESTYLE_PREFIX)) + "; Pipeline (automatic alert) "
                + summary(durationsOf(durations, PIPELINE_PREFIX)));
        for (int i = 0; i < outageBuilds.size(); i++) {
            figures.add("  " + outageBuilds.get(i).url() + ": " + durations.get(i) + " ms");
        }
    }

    @AfterAll
    void leaveTheReceiverRunning(EndToEndEnvironment.Suite suite) throws IOException {
        if (!suite.receiver.isRunning()) {
            suite.receiver.startAgain(); // the classes after this one expect it
        }
        Path report = suite.settings.workDirectory().resolve("outbox-outage.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, figures, StandardCharsets.UTF_8);
        figures.forEach(line -> System.out.println("[OutboxOutageITest] " + line));
    }

    @Test
    @Order(1)
    void shouldFinishEveryFailingBuildWhileItsAlertWaitsInTheOutbox(EndToEndEnvironment.Suite suite) {
        // The receiver is still down: nothing below can change until it comes back.
        Map<String, OutboxFolder.PendingEntry> pending = OutboxFolder.of(suite.jenkins.home()).pending().stream()
                .collect(Collectors.toMap(OutboxFolder.PendingEntry::sourceAlertId, entry -> entry));
        SoftAssertions softly = new SoftAssertions();
        for (Build build : outageBuilds) {
            String id = sourceAlertIds.get(build);
            JsonNode state = suite.client.json(build.path() + "api/json?tree=building,result");
            softly.assertThat(state.path("building").asBoolean(true)).as("%s still building", build.url()).isFalse();
            softly.assertThat(state.path("result").asText()).as("result of %s", build.url()).isEqualTo("FAILURE");
            softly.assertThat(build.console()).as("console of %s", build.url()).contains(QUEUED_LINE + id);
            softly.assertThat(causeFlowState(build).path("status").asText()).as("CauseFlow status of %s",
                    build.url()).isEqualTo("QUEUED");
            softly.assertThat(pending).as("pending outbox entries").containsKey(id);
            if (pending.containsKey(id)) {
                softly.assertThat(pending.get(id).endpoint()).as("endpoint of the entry of %s", build.url())
                        .startsWith(suite.receiver.baseUrl());
            }
        }
        softly.assertThat(incidentsOf(suite, outageBuilds)).as("incidents stored while the receiver was down")
                .isEmpty();
        String freestylePage = outageBuilds.get(0).page();
        softly.assertThat(PageText.missing(freestylePage, "CauseFlow", QUEUED_ON_PAGE))
                .as("missing on %s", outageBuilds.get(0).url()).isEmpty();
        // The administrators' view of the same outage: Manage Jenkins » CauseFlow outbox, and its REST API.
        String outboxPage = suite.client.page(OUTBOX_PAGE);
        softly.assertThat(PageText.missing(outboxPage, "CauseFlow outbox", "Retry all now",
                sourceAlertIds.get(outageBuilds.get(0)), outageBuilds.get(0).jobName()))
                .as("missing on %s", OUTBOX_PAGE).isEmpty();
        JsonNode outboxApi = suite.client.json(OUTBOX_PAGE + "api/json");
        softly.assertThat(outboxApi.path("pendingCount").asInt()).as("pendingCount of %sapi/json", OUTBOX_PAGE)
                .isGreaterThanOrEqualTo(outageBuilds.size());
        softly.assertThat(suite.tenant.secretsIn(outboxPage + outboxApi))
                .as("secrets on the outbox page or in its API").isEmpty();
        softly.assertAll();
        suite.chromium.screenshot(outageBuilds.get(0).url(), "outbox-build-queued", 1280, 900);
        suite.chromium.screenshot(suite.client.url(OUTBOX_PAGE), "outbox-admin-page", 1280, 900);
    }

    @Test
    @Order(2)
    void shouldKeepTheSecretsOutOfTheQueuedEntries(EndToEndEnvironment.Suite suite) {
        OutboxFolder outbox = OutboxFolder.of(suite.jenkins.home());
        assertThat(outbox.pending()).as("pending entries in %s", outbox.directory())
                .hasSizeGreaterThanOrEqualTo(outageBuilds.size());

        // by name, never by value: the assertion message goes into the test report
        assertThat(outbox.filesContaining(suite.tenant.apiKey())).as("files holding the API key").isEmpty();
        assertThat(outbox.filesContaining(suite.tenant.webhookSecret())).as("files holding the webhook secret")
                .isEmpty();
    }

    @Test
    @Order(3)
    void shouldDeliverEveryQueuedAlertOnceWhenTheReceiverIsBack(EndToEndEnvironment.Suite suite) {
        Instant back = startReceiverAgain(suite);
        Instant drained = awaitDelivered(suite, outageBuilds);
        Instant lastStored = incidentsOf(suite, outageBuilds).stream().map(StoredIncident::createdAt)
                .max(Comparator.naturalOrder()).orElse(back);
        figures.add("Drain after the receiver was back (backoff cap 3 s): last incident stored after "
                + Duration.between(back, lastStored).toMillis() + " ms; all " + outageBuilds.size()
                + " build actions delivered after " + Duration.between(back, drained).toMillis() + " ms");

        assertDeliveredOncePerBuild(suite, outageBuilds);
        suite.chromium.screenshot(outageBuilds.get(0).url(), "outbox-build-delivered", 1280, 900);
    }

    @Test
    @Order(4)
    void shouldDeliverAlertsQueuedBeforeARestartAfterIt(EndToEndEnvironment.Suite suite) {
        suite.receiver.stop();
        List<Build> beforeRestart = List.of(freestyleJobs.get(0).scheduleBuild(),
                pipelineJobs.get(0).scheduleBuild(), freestyleJobs.get(1).scheduleBuild(),
                pipelineJobs.get(1).scheduleBuild());
        for (Build build : beforeRestart) {
            assertThat(build.awaitResult(BUILD_TIMEOUT)).as("result of %s", build.url()).isEqualTo("FAILURE");
            sourceAlertIds.put(build, awaitQueued(build));
        }

        suite.jenkins.restart();
        suite.client.newSession();
        figures.add("Jenkins restart with " + beforeRestart.size() + " alerts queued: "
                + suite.jenkins.lastStartup().toMillis() + " ms to fully up");

        Set<String> pending = OutboxFolder.of(suite.jenkins.home()).pending().stream()
                .map(OutboxFolder.PendingEntry::sourceAlertId).collect(Collectors.toSet());
        SoftAssertions softly = new SoftAssertions();
        for (Build build : beforeRestart) {
            softly.assertThat(pending).as("pending after the restart").contains(sourceAlertIds.get(build));
            softly.assertThat(causeFlowState(build).path("status").asText())
                    .as("CauseFlow status of %s after the restart", build.url()).isEqualTo("QUEUED");
        }
        softly.assertAll();

        Instant back = startReceiverAgain(suite);
        Instant drained = awaitDelivered(suite, beforeRestart);
        figures.add("Drain after the restart, once the receiver was back: all " + beforeRestart.size()
                + " build actions delivered after " + Duration.between(back, drained).toMillis() + " ms");

        assertDeliveredOncePerBuild(suite, beforeRestart);
        assertThat(incidentsOf(suite, sourceAlertIds.keySet())).as("incidents of all %s builds of this class",
                sourceAlertIds.size()).hasSize(sourceAlertIds.size());
    }

    @Test
    @Order(5)
    void shouldLogNoSevereOrWarningAboutCauseFlowThroughTheOutageAndTheRestart(EndToEndEnvironment.Suite suite) {
        assertThat(JenkinsLog.problemsAbout(suite.jenkins.log(), "causeflow"))
                .as("SEVERE/WARNING lines about CauseFlow in %s", suite.jenkins.home().directory())
                .isEmpty();
    }

    /** Every build's action says delivered with its own incident, and the receiver holds exactly that one. */
    private void assertDeliveredOncePerBuild(EndToEndEnvironment.Suite suite, List<Build> builds) {
        List<StoredIncident> incidents = incidentsOf(suite, builds);
        Map<String, List<StoredIncident>> bySourceAlertId = incidents.stream()
                .collect(Collectors.groupingBy(StoredIncident::sourceAlertId));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(incidents).as("incidents of %s builds", builds.size()).hasSize(builds.size());
        for (Build build : builds) {
            String id = sourceAlertIds.get(build);
            List<StoredIncident> own = bySourceAlertId.getOrDefault(id, List.of());
            softly.assertThat(own).as("incidents with sourceAlertId %s (%s)", id, build.url()).hasSize(1);
            if (own.size() == 1) {
                softly.assertThat(own.get(0).tags().path("job").asText()).as("job tag of %s", id)
                        .isEqualTo(build.jobName());
                softly.assertThat(causeFlowState(build).path("incidentId").asText())
                        .as("incident on the action of %s", build.url()).isEqualTo(own.get(0).incidentId());
                softly.assertThat(PageText.missing(build.causeFlowAction().html(), own.get(0).incidentId()))
                        .as("missing on %s", build.causeFlowAction().url()).isEmpty();
            }
            String page = build.page();
            softly.assertThat(PageText.present(page, "Accepted", "Duplicate (already delivered)"))
                    .as("delivery status on %s", build.url()).isNotEmpty();
            softly.assertThat(PageText.present(page, QUEUED_ON_PAGE)).as("still queued on %s", build.url())
                    .isEmpty();
        }
        Set<String> stillPending = OutboxFolder.of(suite.jenkins.home()).pending().stream()
                .map(OutboxFolder.PendingEntry::sourceAlertId).collect(Collectors.toSet());
        softly.assertThat(builds.stream().map(sourceAlertIds::get).filter(stillPending::contains).toList())
                .as("entries still pending after delivery").isEmpty();
        softly.assertAll();
    }

    private static Instant startReceiverAgain(EndToEndEnvironment.Suite suite) {
        suite.receiver.startAgain();
        return Instant.now();
    }

    /** Waits until every build's action reports a delivery; returns when that was seen. */
    private static Instant awaitDelivered(EndToEndEnvironment.Suite suite, List<Build> builds) {
        for (Build build : builds) {
            ChildProcess.awaitTrue("the delivery of the queued alert of " + build.url(), DELIVERY_TIMEOUT,
                    () -> DELIVERED.contains(causeFlowState(build).path("status").asText()));
        }
        return Instant.now();
    }

    /** Waits until the build's console and action say its alert is queued; returns its sourceAlertId. */
    private static String awaitQueued(Build build) {
        return ChildProcess.await("the queued alert of " + build.url(), Duration.ofSeconds(60), () -> {
            JsonNode state = causeFlowState(build);
            String id = state.path("sourceAlertId").asText();
            return "QUEUED".equals(state.path("status").asText()) && !id.isEmpty()
                    && build.console().contains(QUEUED_LINE + id)
                    ? Optional.of(id) : Optional.empty();
        });
    }

    /** The build's CauseFlow action as the REST API exports it (status, sourceAlertId, incidentId…). */
    private static JsonNode causeFlowState(Build build) {
        for (JsonNode action : build.causeFlowApi().path("actions")) {
            if (!action.path("sourceAlertId").asText().isEmpty()) {
                return action;
            }
        }
        return MissingNode.getInstance();
    }

    private List<StoredIncident> incidentsOf(EndToEndEnvironment.Suite suite, Collection<Build> builds) {
        Set<String> ids = builds.stream().map(sourceAlertIds::get).collect(Collectors.toSet());
        return suite.receiver.incidents().stream().filter(incident -> ids.contains(incident.sourceAlertId()))
                .toList();
    }

    private List<Long> durationsOf(List<Long> durations, String jobPrefix) {
        List<Long> selected = new ArrayList<>();
        for (int i = 0; i < outageBuilds.size(); i++) {
            if (outageBuilds.get(i).jobName().startsWith(jobPrefix)) {
                selected.add(durations.get(i));
            }
        }
        return selected;
    }

    private static long durationMillis(EndToEndEnvironment.Suite suite, Build build) {
        return suite.client.json(build.path() + "api/json?tree=duration").path("duration").asLong();
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + " ms, min " + sorted.get(0) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms";
    }
}
