package io.jenkins.plugins.causeflow;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.DedupScope;
import io.causeflow.client.failure.FailureAlertMapper;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.credentials.RunCredentialLookup;
import io.jenkins.plugins.causeflow.delivery.AlertDelivery;
import io.jenkins.plugins.causeflow.delivery.AlertSettings;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.snapshot.RunSnapshotReader;
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

    /**
     * Sends an alert about a build.
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
        try {
            return dispatchOrThrow(run, listener, environment, explicit, trigger, skipIfDelivered);
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
            final boolean skipIfDelivered) {
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
            if (CauseFlowAction.hasDelivered(run, id)) {
                report = DeliveryReport.skipped(PluginTexts.format("listener.alreadyDelivered", id), Optional.of(id),
                        clock.instant());
                listener.getLogger().println(report.logLine());
                return report;
            }
        }
        report = new AlertDelivery(JenkinsFacade::httpClient, clock).send(settings, snapshot,
                new RunCredentialLookup(run));
        return finish(run, listener, report, trigger);
    }

    private static DeliveryReport finish(final Run<?, ?> run, final TaskListener listener,
            final DeliveryReport report, final Trigger trigger) {
        listener.getLogger().println(report.logLine());
        CauseFlowAction.record(run, report, trigger.word());
        return report;
    }
}
