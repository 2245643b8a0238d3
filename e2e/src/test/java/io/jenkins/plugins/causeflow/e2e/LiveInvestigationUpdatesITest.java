package io.jenkins.plugins.causeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live investigation updates (issue 12) in the real jenkins.war: JCasC turns them on with a stream-token credential;
 * the controller's one subscription to the receiver's stream brings the simulator's events (3 s per step) back to
 * the build whose alert created the incident. A failing Declarative Pipeline waits in
 * {@code causeflowAlert(waitFor: 'ROOT_CAUSE')} and echoes the answer; the build page shows the badge and the root
 * cause, the CauseFlow page the timeline (both screenshotted by headless Chromium); a controller restart while a
 * second build waits lands the remaining events on it, once each, and the waiting step resumes and returns the
 * answer. Runs before {@link RestartITest}, whose log check then covers this class's restart too.
 */
@Order(4)
@ExtendWith(EndToEndEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveInvestigationUpdatesITest {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
    /** The simulator's whole investigation is six steps; the margin is for a loaded machine. */
    private static final Duration INVESTIGATION_TIMEOUT = ReceiverProcess.SIMULATOR_STEP_DELAY.multipliedBy(6)
            .plus(Duration.ofSeconds(60));
    private static final String FAILURE = "java.lang.IllegalStateException: connection pool exhausted (20 of 20 in use)";
    private static final String ANSWER_LINE = "CauseFlow root cause: ";
    private static final String JENKINSFILE = """
            pipeline {
              agent none
              stages {
                stage('Deploy') {
                  steps { error 'FAILURE' }
                }
              }
              post {
                failure {
                  script {
                    def cf = causeflowAlert(waitFor: 'ROOT_CAUSE', waitTimeout: 300)
                    echo "CauseFlow answer: investigationStatus=${cf.investigationStatus} confidence=${cf.confidence}"
                    echo "ANSWER_LINE${cf.rootCause}"
                  }
                }
              }
            }
            """.replace("FAILURE", FAILURE).replace("ANSWER_LINE", ANSWER_LINE);
    /** What the build gets for the stream's events that carry an answer. */
    private static final List<String> ANSWER_KINDS = List.of("ROOT_CAUSE", "REMEDIATION_PROPOSED");

    private Build live;
    private StoredIncident liveIncident;

    @Test
    @Order(1)
    void shouldReturnTheSimulatorsRootCauseToTheWaitingPipelineStep(EndToEndEnvironment.Suite suite) {
        live = PipelineJob.create(suite.client, "e2e-live", JENKINSFILE).scheduleBuild();
        assertThat(live.awaitResult(BUILD_TIMEOUT)).isEqualTo("FAILURE");
        liveIncident = suite.receiver.awaitIncident("e2e-live #1", Duration.ofSeconds(30));
        StoredEvent completed = completedEvent(suite, liveIncident);

        String console = live.console();
        assertThat(console).contains("CauseFlow: waiting up to 300 s for root cause of incident "
                        + liveIncident.incidentId())
                .contains(ANSWER_LINE + completed.data().path("rootCause").asText() + "\n")
                .contains("CauseFlow answer: investigationStatus=completed confidence="
                        + completed.data().path("confidence").asText());
        assertThat(completed.data().path("rootCause").asText()).as("the simulator read the failure").contains(FAILURE);
    }

    @Test
    @Order(2)
    void shouldShowTheBadgeTheRootCauseAndTheTimelineOnTheBuildPages(EndToEndEnvironment.Suite suite) {
        InvestigationView view = new InvestigationView(live);
        awaitKinds(view, ANSWER_KINDS);
        StoredEvent completed = completedEvent(suite, liveIncident);
        String rootCause = completed.data().path("rootCause").asText();
        String confidence = Math.round(completed.data().path("confidence").asDouble() * 100) + " %";

        String buildPage = view.buildPageText();
        List<InvestigationView.Row> timeline = view.timeline();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(buildPage).contains("CauseFlow investigation completed")
                .contains("Root cause: " + rootCause + " (confidence " + confidence + ")");
        softly.assertThat(timeline).extracting(InvestigationView.Row::what).contains("alert delivered")
                .containsSubsequence("incident created", "status changed", "progress", "progress", "progress",
                        "root cause", "remediation proposed");
        softly.assertThat(timeline).filteredOn(row -> row.what().equals("root cause"))
                .extracting(InvestigationView.Row::details).singleElement().asString()
                .contains(rootCause + " (confidence " + confidence + ")");
        softly.assertThat(timeline).extracting(InvestigationView.Row::time).allMatch(time -> !time.isBlank());
        softly.assertThat(suite.tenant.secretsIn(live.page() + live.causeFlowAction().html()
                        + live.causeFlowAction().api() + live.console()))
                .as("secrets on the pages, REST answer and console of %s", live.url()).isEmpty();
        softly.assertAll();
        suite.chromium.screenshot(live.url(), "live-investigation-build-page", 1280, 900);
        suite.chromium.screenshot(live.causeFlowAction().url(), "live-investigation-timeline", 1280, 1250);
    }

    @Test
    @Order(3)
    void shouldLandTheRemainingEventsAndResumeTheWaitingStepAfterAControllerRestart(EndToEndEnvironment.Suite suite) {
        Build build = PipelineJob.create(suite.client, "e2e-live-restart", JENKINSFILE).scheduleBuild();
        InvestigationView view = new InvestigationView(build);
        awaitKinds(view, List.of("PROGRESS"));
        List<String> kindsBeforeStop = view.entryKinds();
        List<String> idsBeforeStop = view.entryEventIds();
        String incidentId = suite.receiver.awaitIncident("e2e-live-restart #1", Duration.ofSeconds(30)).incidentId();
        assertThat(kindsBeforeStop).as("the investigation must still be running when Jenkins stops")
                .doesNotContainAnyElementsOf(ANSWER_KINDS);
        assertThat(build.console()).as("the step waits while Jenkins stops")
                .contains("CauseFlow: waiting up to 300 s for root cause of incident " + incidentId)
                .doesNotContain(ANSWER_LINE);

        suite.jenkins.restart();
        suite.client.newSession();

        assertThat(build.awaitResult(BUILD_TIMEOUT)).isEqualTo("FAILURE");
        awaitKinds(view, ANSWER_KINDS);
        StoredEvent completed = completedEvent(suite, suite.receiver.incident(incidentId).orElseThrow());
        List<String> storedIds = suite.receiver.events(incidentId).stream().map(StoredEvent::wireId)
                .toList();
        List<String> ids = view.entryEventIds();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(build.console()).contains("CauseFlow: still waiting for incident " + incidentId
                        + " after a restart.")
                .contains(ANSWER_LINE + completed.data().path("rootCause").asText() + "\n");
        softly.assertThat(view.entryKinds()).as("the timeline after the restart")
                .containsSubsequence("PROGRESS", "ROOT_CAUSE", "REMEDIATION_PROPOSED");
        softly.assertThat(ids).as("no event twice").doesNotHaveDuplicates()
                .as("the build had every event before the stop").containsAll(idsBeforeStop)
                .as("and every event the receiver stored for the incident").containsAll(storedIds);
        softly.assertThat(withoutAll(ids, idsBeforeStop)).as("events that landed after the restart").isNotEmpty();
        softly.assertThat(new InvestigationView(build).buildPageText())
                .contains("Root cause: " + completed.data().path("rootCause").asText());
        softly.assertAll();
    }

    /** The receiver's {@code investigation.completed} event of the incident (the root cause it stored). */
    private static StoredEvent completedEvent(EndToEndEnvironment.Suite suite, StoredIncident incident) {
        return ChildProcess.await("investigation.completed of " + incident.incidentId() + " at the receiver",
                INVESTIGATION_TIMEOUT, () -> suite.receiver.events(incident.incidentId()).stream()
                        .filter(event -> event.name().equals("investigation.completed")).findFirst());
    }

    /** Waits until the build's exported timeline holds entries of every given kind. */
    private static void awaitKinds(InvestigationView view, List<String> kinds) {
        ChildProcess.await("timeline entries " + kinds + " on the build", INVESTIGATION_TIMEOUT, () -> {
            Set<String> present = new HashSet<>(view.entryKinds());
            return present.containsAll(kinds) ? Optional.of(present) : Optional.empty();
        });
    }

    private static List<String> withoutAll(List<String> all, List<String> removed) {
        List<String> rest = new ArrayList<>(all);
        rest.removeAll(removed);
        return rest;
    }
}
