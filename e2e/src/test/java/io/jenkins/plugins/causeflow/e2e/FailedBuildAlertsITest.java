package io.jenkins.plugins.causeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failing freestyle (post-build action), Scripted ({@code try/catch}) and Declarative
 * ({@code post { failure { causeflowAlert() } }}) builds deliver signed alerts that the reference receiver accepts
 * and stores (it stores nothing whose signature or API key is wrong); the build and action pages show the outcome and
 * no page, console or log holds a secret. The three builds run at once, once for the class.
 */
@Order(3)
@ExtendWith(EndToEndEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedBuildAlertsITest {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private Build freestyle;
    private Build scripted;
    private Build declarative;

    @BeforeAll
    void runTheFailingBuilds(EndToEndEnvironment.Suite suite) {
        freestyle = FreestyleJob.createFailing(suite.client, "e2e-freestyle").scheduleBuild();
        scripted = PipelineJob.createScriptedTryCatch(suite.client, CascYaml.CRITICAL_JOB).scheduleBuild();
        declarative = PipelineJob.createDeclarativePostFailure(suite.client, "e2e-declarative").scheduleBuild();
        for (Build build : List.of(freestyle, scripted, declarative)) {
            assertThat(build.awaitResult(BUILD_TIMEOUT)).as("result of %s", build.url()).isEqualTo("FAILURE");
        }
    }

    @Test
    void shouldDeliverTheFreestyleFailureWithItsFailedTests(EndToEndEnvironment.Suite suite) {
        StoredIncident incident = suite.receiver.awaitIncident("e2e-freestyle #1", DELIVERY_TIMEOUT);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(incident.title()).isEqualTo("FAILURE: e2e-freestyle #1, 1 failed test");
        softly.assertThat(incident.severity()).isEqualTo("high");
        softly.assertThat(incident.failedTests()).containsExactly(JUnitReport.FAILED_TEST);
        softly.assertThat(incident.description()).contains("expected: 90 but was: 100", freestyle.url());
        softly.assertThat(incident.tags().path("job").asText()).isEqualTo("e2e-freestyle");
        softly.assertThat(incident.tags().path("result").asText()).isEqualTo("failure");
        softly.assertThat(freestyle.exportedIncidentId()).contains(incident.incidentId());
        softly.assertAll();
    }

    @Test
    void shouldDeliverTheScriptedFailureFromItsCatchBlockAsTheFailureItIs(EndToEndEnvironment.Suite suite) {
        StoredIncident incident = suite.receiver.awaitIncident(CascYaml.CRITICAL_JOB + " #1", DELIVERY_TIMEOUT);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(incident.title()).isEqualTo("FAILURE: " + CascYaml.CRITICAL_JOB + " #1, stage Test");
        softly.assertThat(incident.severity()).as("severity rule job:%s=critical", CascYaml.CRITICAL_JOB)
                .isEqualTo("critical");
        softly.assertThat(incident.failedStages()).containsExactly("Test");
        softly.assertThat(incident.failedTests()).containsExactly(JUnitReport.FAILED_TEST);
        softly.assertThat(scripted.console()).contains("CauseFlow status: ACCEPTED");
        softly.assertThat(scripted.exportedIncidentId()).contains(incident.incidentId());
        softly.assertAll();
    }

    @Test
    void shouldDeliverTheDeclarativeFailureFromPostFailure(EndToEndEnvironment.Suite suite) {
        StoredIncident incident = suite.receiver.awaitIncident("e2e-declarative #1", DELIVERY_TIMEOUT);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(incident.title()).isEqualTo("FAILURE: e2e-declarative #1, stage Test");
        softly.assertThat(incident.severity()).isEqualTo("high");
        softly.assertThat(incident.failedStages()).containsExactly("Test");
        softly.assertThat(incident.failedTests()).containsExactly(JUnitReport.FAILED_TEST);
        softly.assertThat(declarative.exportedIncidentId()).contains(incident.incidentId());
        softly.assertAll();
    }

    @Test
    void shouldShowTheIncidentOnTheBuildAndActionPages(EndToEndEnvironment.Suite suite) {
        for (Build build : List.of(freestyle, scripted, declarative)) {
            String incidentId = suite.receiver.incidents().stream()
                    .filter(incident -> build.exportedIncidentId().filter(incident.incidentId()::equals).isPresent())
                    .findFirst().orElseThrow(() -> new AssertionError("no stored incident for " + build.url()))
                    .incidentId();

            String page = build.page();
            assertThat(PageText.missing(page, "CauseFlow", incidentId)).as("missing on %s", build.url()).isEmpty();
            // DUPLICATE is a delivery too: an attempt whose answer came too late, then a 409 for the same id
            assertThat(PageText.present(page, "Accepted", "Duplicate (already delivered)"))
                    .as("delivery status on %s", build.url()).isNotEmpty();
            assertThat(PageText.missing(build.causeFlowAction().html(), incidentId))
                    .as("missing on %s", build.causeFlowAction().url()).isEmpty();
        }
        suite.chromium.screenshot(freestyle.url(), "failed-build-page", 1280, 900);
        suite.chromium.screenshot(freestyle.causeFlowAction().url(), "causeflow-action-page", 1280, 800);
    }

    @Test
    void shouldKeepTheSecretsOutOfPagesConsolesAndTheJenkinsLog(EndToEndEnvironment.Suite suite) {
        SoftAssertions softly = new SoftAssertions();
        for (Build build : List.of(freestyle, scripted, declarative)) {
            softly.assertThat(suite.tenant.secretsIn(build.page())).as("secrets on %s", build.url()).isEmpty();
            softly.assertThat(suite.tenant.secretsIn(build.causeFlowAction().html()))
                    .as("secrets on %s", build.causeFlowAction().url()).isEmpty();
            softly.assertThat(suite.tenant.secretsIn(build.console())).as("secrets in the console of %s", build.url())
                    .isEmpty();
            softly.assertThat(suite.tenant.secretsIn(build.causeFlowApi().toString()))
                    .as("secrets in the REST API of %s", build.url()).isEmpty();
        }
        softly.assertThat(suite.tenant.secretsIn(new SystemConfigurationPage(suite.client).html()))
                .as("secrets on the System page").isEmpty();
        softly.assertThat(suite.tenant.secretsIn(suite.jenkins.log())).as("secrets in the Jenkins log").isEmpty();
        softly.assertThat(suite.tenant.secretsIn(suite.receiver.log())).as("secrets in the receiver log").isEmpty();
        softly.assertAll();
    }
}
