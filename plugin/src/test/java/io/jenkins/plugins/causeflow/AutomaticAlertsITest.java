package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Tests automatic alerts (the run listener) in a real Jenkins: jobs inside folders, matched by the include and
 * exclude patterns on the full name. (Multibranch projects need an SCM source plugin, which the Jenkins kit lacks.)
 */
@WithJenkins
class AutomaticAlertsITest {
    private JenkinsRule j;
    private LoopbackReceiver receiver;

    @BeforeEach
    void startReceiver(final JenkinsRule rule) throws Exception {
        j = rule;
        receiver = LoopbackReceiver.start();
        TestSetup.configure(receiver);
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setAutomaticAlerts(true);
        config.setIncludeJobs("acme-org/*");
        config.setExcludeJobs("acme-org/sandbox/*");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldAlertAFailingJobInsideAnIncludedFolderAndSkipAnExcludedOne() throws Exception {
        Folder org = j.createProject(Folder.class, "acme-org");
        FreeStyleProject app = org.createProject(FreeStyleProject.class, "checkout");
        app.getBuildersList().add(new FailureBuilder());
        Folder sandbox = org.createProject(Folder.class, "sandbox");
        FreeStyleProject toy = sandbox.createProject(FreeStyleProject.class, "toy");
        toy.getBuildersList().add(new FailureBuilder());

        FreeStyleBuild alerted = j.buildAndAssertStatus(Result.FAILURE, app);
        FreeStyleBuild ignored = j.buildAndAssertStatus(Result.FAILURE, toy);
        TestSetup.awaitOutboxDelivered(alerted, ignored);

        assertThat(receiver.bodies()).singleElement().asString().contains("acme-org/checkout");
        assertThat(alerted.getAction(CauseFlowAction.class).getIncidentId()).isEqualTo("inc_1");
        assertThat(ignored.getAction(CauseFlowAction.class)).isNull();
    }
}
