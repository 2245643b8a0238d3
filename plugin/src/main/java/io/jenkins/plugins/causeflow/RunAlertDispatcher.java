package io.jenkins.plugins.causeflow;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.causeflow.client.Alert;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.DedupScope;
import io.causeflow.client.failure.FailureAlertMapper;
import io.causeflow.client.outbox.Outbox;
import io.causeflow.client.outbox.OutboxEntry;
import io.causeflow.client.outbox.OutboxException;
import io.causeflow.client.outbox.QueuedAlert;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.credentials.RunCredentialLookup;
import io.jenkins.plugins.causeflow.delivery.AlertDelivery;
import io.jenkins.plugins.causeflow.delivery.AlertSettings;
import io.jenkins.plugins.causeflow.delivery.CredentialLookup;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.outbox.PluginOutbox;
import io.jenkins.plugins.causeflow.snapshot.RunSnapshotReader;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one code path from a build to a delivered alert, shared by the Pipeline step, the freestyle notifier and the
 * automatic listener: resolve the settings, read the build into a snapshot, deliver through {@link AlertDelivery},
 * print one line to the build log and record the outcome on the build. Never throws for delivery trouble.
 */
public final class RunAlertDispatcher {
    private static final Logger LOGGER = Logger.getLogger(RunAlertDispatcher.class.getName());

    private RunAlertDispatcher() {
    }

    /** What triggered a send; shown on the build page. */
    public enum Trigger {
        STEP, NOTIFIER, AUTOMATIC;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the alert travels. */
    public enum Mode {
        /** Deliver now, with the configured retries, and report the outcome. */
        NOW,
        /** Hand it to the durable outbox and return at once (the build never waits for CauseFlow). */
        QUEUE,
        /** Deliver now; when that ends FAILED after real attempts (retryable trouble), hand it to the outbox. */
        NOW_THEN_QUEUE
    }

    /**
     * Sends an alert about a build now ({@link Mode#NOW}).
     *
     * @param run              the build
     * @param listener         its listener (the build log)
     * @param environment      the build's environment variables
     * @param explicit         the explicit values of this trigger
     * @param trigger          what is sending
     * @param skipIfDelivered  whether to skip when this build already delivered the same sourceAlertId (automatic
     *                         alerts, so an explicit step and the listener make one incident)
     * @return the report
     */
    public static DeliveryReport dispatch(final Run<?, ?> run, final TaskListener listener,
            final Map<String, String> environment, final ExplicitSettings explicit, final Trigger trigger,
            final boolean skipIfDelivered) {
        return dispatch(run, listener, environment, explicit, trigger, skipIfDelivered, Mode.NOW);
    }

    /**
     * Sends or queues an alert about a build. Without an open outbox (start-up failed), {@link Mode#QUEUE} and
     * {@link Mode#NOW_THEN_QUEUE} deliver now, as before the outbox existed.
     *
     * @param run              the build
     * @param listener         its listener (the build log)
     * @param environment      the build's environment variables
     * @param explicit         the explicit values of this trigger
     * @param trigger          what is sending
     * @param skipIfDelivered  whether to skip when this build already delivered or queued the same sourceAlertId
     * @param mode             now, queue, or now then queue on retryable failure
     * @return the report (status QUEUED when the outbox has it)
     */
    public static DeliveryReport dispatch(final Run<?, ?> run, final TaskListener listener,
            final Map<String, String> environment, final ExplicitSettings explicit, final Trigger trigger,
            final boolean skipIfDelivered, final Mode mode) {
        try {
            return dispatchOrThrow(run, listener, environment, explicit, trigger, skipIfDelivered, mode);
        }
        catch (RuntimeException e) {
            // A bug or an unexpected Jenkins state must not break the build: report it like any other failure.
            LOGGER.log(Level.WARNING, "CauseFlow alert failed unexpectedly for " + run.getExternalizableId(), e);
            DeliveryReport report = DeliveryReport.notSent(PluginTexts.format("unexpected",
                    e.getClass().getSimpleName()), explicit.sourceAlertId(), Clock.systemUTC().instant());
            return finish(run, listener, report, trigger);
        }
    }

    private static DeliveryReport dispatchOrThrow(final Run<?, ?> run, final TaskListener listener,
            final Map<String, String> environment, final ExplicitSettings explicit, final Trigger trigger,
            final boolean skipIfDelivered, final Mode mode) {
        Clock clock = Clock.systemUTC();
        DeliveryReport report;
        AlertSettings settings;
        try {
            settings = AlertSettings.resolve(CauseFlowGlobalConfiguration.get().toDefaults(), explicit);
        }
        catch (IllegalArgumentException e) {
            report = DeliveryReport.notSent(PluginTexts.format("invalidSettings", e.getMessage()), Optional.empty(),
                    clock.instant());
            return finish(run, listener, report, trigger);
        }
        if (!settings.enabled()) {
            report = DeliveryReport.skipped(PluginTexts.format("disabled"), settings.explicit().sourceAlertId(),
                    clock.instant());
            listener.getLogger().println(report.logLine());
            return report;
        }
        BuildSnapshot snapshot = RunSnapshotReader.read(run, environment, settings.excerptLimits(),
                settings.rules().dedupScope() == DedupScope.STREAK);
        if (skipIfDelivered) {
            String id = FailureAlertMapper.sourceAlertId(snapshot, settings.rules().dedupScope(), settings.explicit());
            if (CauseFlowAction.hasDeliveredOrQueued(run, id)) {
                report = DeliveryReport.skipped(PluginTexts.format("listener.alreadyDelivered", id), Optional.of(id),
                        clock.instant());
                listener.getLogger().println(report.logLine());
                return report;
            }
        }
        AlertDelivery delivery = new AlertDelivery(JenkinsFacade::httpClient, clock);
        CredentialLookup credentials = new RunCredentialLookup(run);
        Optional<Outbox> outbox = mode == Mode.NOW ? Optional.empty() : PluginOutbox.get();
        Alert alert = null;
        if (outbox.isPresent()) {
            try {
                alert = FailureAlertMapper.map(snapshot, settings.rules(), settings.explicit());
            }
            catch (IllegalArgumentException | IllegalStateException e) {
                alert = null; // send() below reports the refusal
            }
        }
        if (outbox.isEmpty() || alert == null) {
            report = delivery.send(settings, snapshot, credentials);
            return finish(run, listener, report, trigger);
        }
        if (mode == Mode.QUEUE && isComplete(settings, RunCredentialLookup.withoutTracking(run))) {
            Optional<DeliveryReport> queued = enqueue(outbox.get(), settings, alert, run, listener,
                    PluginTexts.format("outbox.queuedNow"), 0, clock);
            if (queued.isPresent()) {
                return finish(run, listener, queued.get(), trigger);
            }
        }
        // Incomplete settings or credentials are reported by deliver() without touching the network.
        report = delivery.deliver(settings, alert, credentials);
        if (mode == Mode.NOW_THEN_QUEUE && report.status() == DeliveryReport.Status.FAILED && report.attempts() > 0) {
            report = enqueue(outbox.get(), settings, alert, run, listener,
                    PluginTexts.format("outbox.queuedAfterFailure", report.message()), report.attempts(), clock)
                    .orElse(report);
        }
        return finish(run, listener, report, trigger);
    }

    /** Queue only what could be sent now: a queued alert with a missing credential would only die later. */
    private static boolean isComplete(final AlertSettings settings, final CredentialLookup credentials) {
        return AlertDelivery.configurationProblem(settings).isEmpty()
                && credentials.find(settings.apiKeyCredentialsId()).secret().isPresent()
                && credentials.find(settings.webhookSecretCredentialsId()).secret().isPresent();
    }

    private static Optional<DeliveryReport> enqueue(final Outbox outbox, final AlertSettings settings,
            final Alert alert, final Run<?, ?> run, final TaskListener listener, final String why,
            final int attempts, final Clock clock) {
        try {
            // Credential IDs only: the sender resolves the secrets at send time in the context of this build.
            QueuedAlert queued = QueuedAlert.builder().alert(alert)
                    .baseUrl(URI.create(settings.endpointUrl().strip()))
                    .tenantId(settings.tenantId())
                    .signatureFormat(settings.signatureFormat())
                    .apiKeyCredentialId(settings.apiKeyCredentialsId())
                    .webhookSecretCredentialId(settings.webhookSecretCredentialsId())
                    .buildId(run.getExternalizableId())
                    .build();
            OutboxEntry entry = outbox.enqueue(queued);
            return Optional.of(DeliveryReport.queued(why, entry.sourceAlertId(), attempts, clock.instant()));
        }
        catch (OutboxException | IllegalArgumentException e) {
            // Full disk, outbox closed, a field the outbox refuses: never lose the alert, send it now instead.
            listener.getLogger().println(PluginTexts.format("outbox.enqueueFailed", e.getMessage()));
            LOGGER.log(Level.WARNING, "Cannot queue the CauseFlow alert of " + run.getExternalizableId(), e);
            return Optional.empty();
        }
    }

    private static DeliveryReport finish(final Run<?, ?> run, final TaskListener listener,
            final DeliveryReport report, final Trigger trigger) {
        listener.getLogger().println(report.logLine());
        CauseFlowAction.record(run, report, trigger.word());
        return report;
    }
}
