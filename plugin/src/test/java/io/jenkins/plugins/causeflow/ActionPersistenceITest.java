package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** Tests that the build action ({@link CauseFlowAction}) survives a restart of Jenkins. */
class ActionPersistenceITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldKeepTheActionOfABuildAcrossARestart() throws Throwable {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            sessions.then(j -> {
                TestSetup.configure(receiver);
                FreeStyleProject project = j.createFreeStyleProject("persisted");
                project.getBuildersList().add(new FailureBuilder());
                project.getPublishersList().add(new CauseFlowNotifier());
                TestSetup.awaitOutboxDelivered(j.buildAndAssertStatus(Result.FAILURE, project));
            });
            sessions.then(j -> {
                FreeStyleBuild build = j.jenkins.getItemByFullName("persisted", FreeStyleProject.class)
                        .getBuildByNumber(1);
                CauseFlowAction action = build.getAction(CauseFlowAction.class);

                assertThat(action).isNotNull();
                assertThat(action.getStatus()).isEqualTo("ACCEPTED");
                assertThat(action.getIncidentId()).isEqualTo("inc_1");
                j.createWebClient().getPage(build); // the build page renders the summary
            });
        }
    }
}
