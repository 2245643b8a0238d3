package io.jenkins.plugins.causeflow.listener;

import hudson.Extension;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.causeflow.client.failure.BuildResult;
import io.jenkins.plugins.causeflow.RunAlertDispatcher;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.snapshot.RunSnapshotReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Automatic alerts (off by default): every completed build at or worse than the configured threshold, in a job whose
 * full name matches the include and exclude patterns, is alerted without any Jenkinsfile change, including branch
 * jobs of multibranch projects and organization folders. It uses the same sourceAlertId as an explicit
 * {@code causeflowAlert} in the build, and skips when that id was already delivered, so CauseFlow sees one incident.
 */
@Extension
public class AutomaticAlertListener extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(AutomaticAlertListener.class.getName());

    private static boolean hasPostBuildAction(final Run<?, ?> run) {
        return run instanceof AbstractBuild<?, ?> build
                && build.getProject().getPublishersList().get(CauseFlowNotifier.class) != null;
    }

    @Override
    public void onCompleted(final Run<?, ?> run, final TaskListener listener) {
        try {
            CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
            BuildResult result = RunSnapshotReader.currentResult(run);
            if (!AutomaticAlertPolicy.shouldAlert(config.isEnabled(), config.isAutomaticAlerts(),
                    config.getAutomaticThreshold(), config.automaticJobFilter(), run.getParent().getFullName(),
                    result)) {
                return;
            }
            if (hasPostBuildAction(run)) {
                // The freestyle post-build action runs after this listener (after finalization) with the job's own
                // settings (threshold, severity, credentials...): it alerts, and this listener must not pre-empt it
                // with the global defaults under the same sourceAlertId.
                listener.getLogger().println(PluginTexts.format("listener.leftToPostBuildAction"));
                return;
            }
            RunAlertDispatcher.dispatch(run, listener, RunSnapshotReader.environment(run, listener),
                    ExplicitSettings.none(), RunAlertDispatcher.Trigger.AUTOMATIC, true,
                    RunAlertDispatcher.Mode.QUEUE); // the build (and, in a Pipeline, its CPS VM thread) never waits
        }
        catch (RuntimeException e) {
            // A notification must never break the build's completion.
            LOGGER.log(Level.WARNING, "CauseFlow automatic alert failed for " + run.getExternalizableId(), e);
        }
    }
}
