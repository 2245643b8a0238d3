package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.outbox.PluginOutbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * CauseFlow down: failing builds finish without waiting, their alerts wait in the outbox; CauseFlow back: each build's
 * alert arrives once and its page says so. No secret ever reaches the outbox folder.
 */
@WithJenkins
class OutboxDeliveryITest {
    @Test
    void shouldQueueWhileTheReceiverIsDownAndDeliverEachAlertOnceWhenItIsBack(final JenkinsRule j) throws Exception {
        int port;
        try (LoopbackReceiver down = LoopbackReceiver.start()) {
            TestSetup.configure(down);
            port = down.port();
        }
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setAutomaticAlerts(true);
        config.setIncludeJobs("pipeline-*");

        FreeStyleProject freestyle = j.createFreeStyleProject("freestyle-app");
        freestyle.getBuildersList().add(new FailureBuilder());
        freestyle.getPublishersList().add(new CauseFlowNotifier());
        WorkflowJob automatic = j.createProject(WorkflowJob.class, "pipeline-app");
        automatic.setDefinition(new CpsFlowDefinition("error 'compilation failed'", true));
        WorkflowJob step = j.createProject(WorkflowJob.class, "pipeline-step");
        step.setDefinition(new CpsFlowDefinition("""
                def r = causeflowAlert(title: 'deploy failed')
                echo "causeflow status=${r.status}"
                """, true));

        FreeStyleBuild freestyleBuild = j.buildAndAssertStatus(Result.FAILURE, freestyle);
        WorkflowRun automaticBuild = j.buildAndAssertStatus(Result.FAILURE, automatic);
        WorkflowRun stepBuild = j.buildAndAssertSuccess(step);

        // The builds are over while CauseFlow is still down: their alerts wait in the outbox.
        Outbox outbox = PluginOutbox.get().orElseThrow();
        assertThat(outbox.pending()).extracting(OutboxEntry::buildId).containsExactlyInAnyOrder(
                freestyleBuild.getExternalizableId(), automaticBuild.getExternalizableId(),
                stepBuild.getExternalizableId());
        for (Run<?, ?> run : List.of(freestyleBuild, automaticBuild, stepBuild)) {
            CauseFlowAction action = run.getAction(CauseFlowAction.class);
            assertThat(action.getStatus()).as(run.getFullDisplayName()).isEqualTo("QUEUED");
            j.assertLogContains("Alert queued for delivery; sourceAlertId " + action.getSourceAlertId(), run);
        }
        j.assertLogContains("causeflow status=QUEUED", stepBuild);
        assertThat(filesContaining(outbox.directory(), LoopbackReceiver.API_KEY)).isEmpty();
        assertThat(filesContaining(outbox.directory(), LoopbackReceiver.WEBHOOK_SECRET)).isEmpty();

        try (LoopbackReceiver back = LoopbackReceiver.startOn(port)) {
            outbox.retryAllNow(); // instead of waiting for the backoff
            awaitSettled(List.of(freestyleBuild, automaticBuild, stepBuild), Duration.ofSeconds(60));

            assertThat(back.incidentCount()).isEqualTo(3);
            assertThat(outbox.pending()).isEmpty();
            assertThat(outbox.dead()).isEmpty();
            for (Run<?, ?> run : List.of(freestyleBuild, automaticBuild, stepBuild)) {
                CauseFlowAction action = run.getAction(CauseFlowAction.class);
                assertThat(action.getStatus()).as(run.getFullDisplayName()).isEqualTo("ACCEPTED");
                assertThat(action.getRecords()).as("the queued record is replaced, not duplicated").hasSize(1);
                assertThat(action.getIncidentId()).startsWith("inc_");
            }
        }
    }

    /** Files below a folder whose bytes contain a text. */
    static List<Path> filesContaining(final Path folder, final String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(final Path file, final byte[] needle) {
        try {
            String haystack = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return haystack.contains(new String(needle, StandardCharsets.ISO_8859_1));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until no build's CauseFlow action says QUEUED any more (the sender updates them). */
    static void awaitSettled(final List<? extends Run<?, ?>> runs, final Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (runs.stream().anyMatch(run -> "QUEUED".equals(run.getAction(CauseFlowAction.class).getStatus()))) {
            assertThat(Instant.now()).as("queued alerts settled within " + limit).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
