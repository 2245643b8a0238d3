package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.outbox.PluginOutbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Alerts queued while CauseFlow is down survive a controller restart: delivered after it, the build page says so; an
 * entry whose build was deleted meanwhile ends in dead/ with that reason.
 */
class OutboxRestartITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldDeliverQueuedAlertsAfterARestartAndGiveUpOnADeletedBuild() throws Throwable {
        int[] port = new int[1];
        String[] deletedBuildId = new String[1];
        sessions.then(j -> {
            try (LoopbackReceiver down = LoopbackReceiver.start()) {
                TestSetup.configure(down);
                port[0] = down.port();
            }
            for (String name : new String[] {"kept", "deleted"}) {
                FreeStyleProject project = j.createFreeStyleProject(name);
                project.getBuildersList().add(new FailureBuilder());
                project.getPublishersList().add(new CauseFlowNotifier());
                FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
                assertThat(build.getAction(CauseFlowAction.class).getStatus()).isEqualTo("QUEUED");
            }
            FreeStyleProject deleted = j.jenkins.getItemByFullName("deleted", FreeStyleProject.class);
            deletedBuildId[0] = deleted.getBuildByNumber(1).getExternalizableId();
            deleted.delete();
            assertThat(PluginOutbox.get().orElseThrow().pending()).hasSize(2);
        });
        try (LoopbackReceiver back = LoopbackReceiver.startOn(port[0])) {
            sessions.then(j -> {
                FreeStyleBuild build = j.jenkins.getItemByFullName("kept", FreeStyleProject.class)
                        .getBuildByNumber(1);
                Outbox outbox = PluginOutbox.get().orElseThrow();
                outbox.retryAllNow(); // the sender would also try on its own once the backoff is over
                TestSetup.awaitOutboxDelivered(build);
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (outbox.dead().isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }

                assertThat(build.getAction(CauseFlowAction.class).getStatus()).isEqualTo("ACCEPTED");
                assertThat(back.incidentCount()).isEqualTo(1);
                assertThat(outbox.dead()).singleElement().satisfies(entry -> {
                    assertThat(entry.buildId()).isEqualTo(deletedBuildId[0]);
                    assertThat(entry.deadReason()).contains("no longer exists");
                });
                assertThat(j.createWebClient().getPage(build).asNormalizedText()).contains("Accepted");
            });
        }
    }
}
