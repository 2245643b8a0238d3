package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Fingerprint;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Tests how builds resolve the CauseFlow credentials: folder stores and credentials of the wrong type. */
@WithJenkins
class CredentialsITest {
    private JenkinsRule j;
    private LoopbackReceiver receiver;

    @BeforeEach
    void startReceiver(final JenkinsRule rule) throws Exception {
        j = rule;
        receiver = LoopbackReceiver.start();
        TestSetup.configure(receiver);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldUseAFolderCredentialForJobsInThatFolderOnly() throws Exception {
        Folder team = j.createProject(Folder.class, "team");
        CredentialsStore folderStore = null;
        for (CredentialsStore store : CredentialsProvider.lookupStores(team)) {
            if (store.getContext() == team) {
                folderStore = store;
            }
        }
        assertThat(folderStore).as("the folder's own credentials store").isNotNull();
        folderStore.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "team-key",
                "team API key", Secret.fromString(LoopbackReceiver.API_KEY)));
        FreeStyleProject inside = team.createProject(FreeStyleProject.class, "inside");
        FreeStyleProject outside = j.createFreeStyleProject("outside");
        for (FreeStyleProject project : new FreeStyleProject[] {inside, outside}) {
            project.getBuildersList().add(new FailureBuilder());
            CauseFlowNotifier notifier = new CauseFlowNotifier();
            notifier.setApiKeyCredentialsId("team-key");
            project.getPublishersList().add(notifier);
        }

        FreeStyleBuild insideBuild = j.buildAndAssertStatus(Result.FAILURE, inside);
        FreeStyleBuild outsideBuild = j.buildAndAssertStatus(Result.FAILURE, outside);
        TestSetup.awaitOutboxDelivered(insideBuild, outsideBuild);

        // Resolved again at send time, in the build's context: the folder credential still serves it.
        assertThat(insideBuild.getAction(CauseFlowAction.class).getStatus()).isEqualTo("ACCEPTED");
        j.assertLogContains("the API key credential 'team-key' was not found", outsideBuild);
        assertThat(receiver.incidentCount()).isEqualTo(1);
    }

    @Test
    void shouldRecordTheCredentialsUseOnTheBuildWhenItsQueuedAlertIsSent() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("tracked");
        project.getBuildersList().add(new FailureBuilder());
        project.getPublishersList().add(new CauseFlowNotifier());

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        TestSetup.awaitOutboxDelivered(build);

        // The build only checked that the credentials resolve; the sender, which used them, recorded the use.
        assertThat(build.getAction(CauseFlowAction.class).getStatus()).isEqualTo("ACCEPTED");
        for (String id : new String[] {TestSetup.API_KEY_ID, TestSetup.WEBHOOK_SECRET_ID}) {
            Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(CredentialsProvider.findCredentialById(id,
                    StringCredentials.class, build, List.of()));
            assertThat(fingerprint).as("fingerprint of %s", id).isNotNull();
            assertThat(fingerprint.getRangeSet(project).includes(build.getNumber())).as("use of %s", id).isTrue();
        }
    }

    @Test
    void shouldNameACredentialOfTheWrongTypeWithoutItsValue() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "user-pass", "not a secret text", "someone", "cflo_wrong_type_value"));
        FreeStyleProject project = j.createFreeStyleProject("wrong-type");
        project.getBuildersList().add(new FailureBuilder());
        CauseFlowNotifier notifier = new CauseFlowNotifier();
        notifier.setWebhookSecretCredentialsId("user-pass");
        project.getPublishersList().add(notifier);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("the webhook secret credential 'user-pass' is a", build);
        j.assertLogContains("it must be Secret text", build);
        j.assertLogNotContains("cflo_wrong_type_value", build);
        assertThat(receiver.requestCount()).isZero();
    }
}
