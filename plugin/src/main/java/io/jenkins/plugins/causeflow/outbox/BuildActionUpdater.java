package io.jenkins.plugins.causeflow.outbox;

import hudson.model.Run;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.outbox.OutboxEntry;
import io.causeflow.client.outbox.OutboxListener;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes what the sender finally did with a queued alert (delivered, or dead with the reason) into its build's
 * CauseFlow action, replacing the "queued" record, and saves the build. The build is found by its id, so this works
 * after a restart too.
 */
final class BuildActionUpdater implements OutboxListener {
    @Override
    public void onDelivered(final OutboxEntry entry, final DeliveryOutcome outcome) {
        Optional<Run<?, ?>> run = RunCredentialResolver.BuildLoader.load(entry);
        if (run.isPresent()) {
            CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
            DeliveryReport report = DeliveryReport.fromOutcome(outcome, config.getEndpointUrl(),
                    config.getIncidentUrlTemplate(), Instant.now());
            CauseFlowAction.settle(run.get(), entry.sourceAlertId(), report);
        }
    }

    @Override
    public void onDead(final OutboxEntry entry) {
        Optional<Run<?, ?>> run = RunCredentialResolver.BuildLoader.load(entry);
        if (run.isPresent()) {
            CauseFlowAction.settle(run.get(), entry.sourceAlertId(), DeliveryReport.dead(
                    String.valueOf(entry.deadReason()), entry.sourceAlertId(), entry.attempts(), Instant.now()));
        }
    }
}
