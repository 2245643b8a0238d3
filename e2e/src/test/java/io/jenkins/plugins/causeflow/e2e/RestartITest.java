package io.jenkins.plugins.causeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restart (clean stop, start on the same JENKINS_HOME) keeps the build's CauseFlow record. Runs last: it restarts
 * the suite's Jenkins.
 */
@Order(5)
@ExtendWith(EndToEndEnvironment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartITest {

    @Test
    @Order(1)
    void shouldKeepTheCauseFlowActionAcrossARestart(EndToEndEnvironment.Suite suite) {
        Build build = FreestyleJob.createFailing(suite.client, "e2e-restart").scheduleBuild();
        assertThat(build.awaitResult(Duration.ofMinutes(3))).isEqualTo("FAILURE");
        String incidentId = suite.receiver.awaitIncident("e2e-restart #1", Duration.ofSeconds(60)).incidentId();
        ChildProcess.awaitTrue("the action of " + build.url(), Duration.ofSeconds(30),
                () -> build.exportedIncidentId().isPresent());

        suite.jenkins.restart();
        suite.client.newSession();

        assertThat(build.exportedIncidentId()).contains(incidentId);
        assertThat(PageText.missing(build.causeFlowAction().html(), incidentId))
                .as("missing on %s after the restart", build.causeFlowAction().url()).isEmpty();
        assertThat(PageText.missing(build.page(), incidentId)).as("missing on %s after the restart", build.url())
                .isEmpty();
    }

    @Test
    @Order(2)
    void shouldLogNoSevereOrWarningAboutCauseFlowOverTheWholeSuite(EndToEndEnvironment.Suite suite) {
        assertThat(JenkinsLog.problemsAbout(suite.jenkins.log(), "causeflow"))
                .as("SEVERE/WARNING lines about CauseFlow in %s", suite.jenkins.home().directory())
                .isEmpty();
    }
}
