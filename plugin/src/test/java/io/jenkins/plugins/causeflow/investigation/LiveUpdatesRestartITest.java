package io.jenkins.plugins.causeflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of an investigation: the step waiting for the root cause survives it (its
 * execution resumes and waits again), the subscription resumes from the last event id saved under
 * {@code $JENKINS_HOME/causeflow/}, the events emitted while Jenkins was down land on the build, and the timeline
 * is read back from {@code build.xml}. The receiver (child process, 5 s per simulated step, so the answer cannot arrive before the restart even on a slow machine) outlives both sessions.
 */
class LiveUpdatesRestartITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldLandTheRemainingEventsOnTheBuildAfterARestart() throws Throwable {
        try (ReceiverProcess receiver = ReceiverProcess.start("5s")) {
            sessions.then(j -> {
                receiver.configure();
                WorkflowJob job = j.createProject(WorkflowJob.class, "restarted");
                job.setDefinition(new CpsFlowDefinition("""
                        def answer = causeflowAlert(description: 'java.lang.OutOfMemoryError: heap', \
                        waitFor: 'ROOT_CAUSE', waitTimeout: 300)
                        echo "CauseFlow root cause after restart: ${answer.rootCause}"
                        """, true));
                WorkflowRun run = job.scheduleBuild2(0).waitForStart();
                j.waitForMessage("CauseFlow: waiting up to 300 s for root cause", run);
                CauseFlowAction action = run.getAction(CauseFlowAction.class);
                assertThat(action.getRootCause()).as("no root cause yet before the restart").isEmpty();
            });
            sessions.then(j -> {
                WorkflowRun run = j.jenkins.getItemByFullName("restarted", WorkflowJob.class).getBuildByNumber(1);
                j.waitForCompletion(run);
                j.assertBuildStatus(Result.SUCCESS, run);
                CauseFlowAction action = run.getAction(CauseFlowAction.class);

                assertThat(JenkinsRule.getLog(run)).contains("still waiting for incident " + action.getIncidentId())
                        .contains("CauseFlow root cause after restart: java.lang.OutOfMemoryError: heap");
                assertThat(action.getRootCause()).isEqualTo("java.lang.OutOfMemoryError: heap");
                Path state = j.jenkins.getRootDir().toPath().resolve(LiveUpdates.STATE_FOLDER);
                assertThat(state.resolve("last-event-id.json")).exists();
                assertThat(Files.readString(state.resolve("incident-index.json"))).contains(action.getIncidentId());
            });
            sessions.then(j -> {
                WorkflowRun run = j.jenkins.getItemByFullName("restarted", WorkflowJob.class).getBuildByNumber(1);
                CauseFlowAction action = run.getAction(CauseFlowAction.class);

                assertThat(action.getInvestigationStatus()).as("read back from build.xml").isEqualTo("completed");
                assertThat(action.getTimelines().get(0).getEntries()).extracting(StoredEntry::getKind)
                        .contains("ALERT_DELIVERED", "INCIDENT_CREATED", "ROOT_CAUSE");
                assertThat(j.createWebClient().getPage(run).querySelector(".causeflow-root-cause").getTextContent())
                        .contains("java.lang.OutOfMemoryError: heap");
            });
        }
    }
}
