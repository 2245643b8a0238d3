package io.jenkins.plugins.causeflow.investigation;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.Run;
import hudson.security.ACL;
import io.causeflow.client.investigation.InvestigationTimeline;
import io.causeflow.client.investigation.InvestigationUpdates;
import io.causeflow.client.investigation.StreamSettings;
import io.causeflow.client.investigation.StreamToken;
import io.causeflow.client.investigation.UpdatesStatus;
import io.causeflow.client.investigation.WaitFor;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The controller's one investigation subscription ({@link InvestigationUpdates}): started after the jobs are
 * loaded, reconfigured whenever the global configuration is saved, stopped when Jenkins shuts down. Its state (the
 * incident index and the last event id) lives in {@code $JENKINS_HOME/causeflow/}.
 */
public final class LiveUpdates {
    private static final Logger LOGGER = Logger.getLogger(LiveUpdates.class.getName());
    /** The state folder under {@code $JENKINS_HOME}. */
    public static final String STATE_FOLDER = "causeflow";

    @CheckForNull
    private static volatile InvestigationUpdates updates;
    /** The steps' pending waits, cancelled on shutdown. */
    private static final java.util.Set<CompletableFuture<InvestigationTimeline>> WAITS =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set by the terminator: a late caller must not start the service again while Jenkins shuts down. */
    private static volatile boolean stopped;

    private LiveUpdates() {
    }

    /** Starts the service once the builds can be loaded (the router looks them up by id). */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static synchronized void start() {
        stopped = false;
        if (updates != null) {
            return;
        }
        Path stateDirectory = JenkinsFacade.jenkins().getRootDir().toPath().resolve(STATE_FOLDER);
        updates = InvestigationUpdates.create(stateDirectory, new BuildTargets(), Clock.systemUTC());
        reconfigure();
        if (updates.indexNeedsRebuild() && CauseFlowGlobalConfiguration.get().isLiveUpdates()) {
            InvestigationUpdates rebuilding = updates;
            // Loading builds is slow on a big controller: never on the thread that starts Jenkins.
            jenkins.util.Timer.get().submit(() -> IndexRebuild.from(rebuilding));
        }
    }

    /**
     * Returns the service, starting it first when a build needs it before the initializer ran (a Pipeline resuming
     * its wait while Jenkins is still starting).
     */
    @CheckForNull
    private static InvestigationUpdates started() {
        InvestigationUpdates running = updates;
        if (running == null && !stopped) {
            try {
                start();
            }
            catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Cannot start the CauseFlow live updates: " + e.getClass().getName());
            }
            running = updates;
        }
        return running;
    }

    /** Stops the subscription and saves its state. */
    @Terminator
    public static synchronized void stop() {
        stopped = true;
        // Waiting steps are resumed by Pipeline after the restart (onResume waits again); their futures must not
        // keep this Jenkins reachable through the JDK's shared delay thread until their timeouts.
        for (CompletableFuture<InvestigationTimeline> future : List.copyOf(WAITS)) {
            future.cancel(false);
        }
        WAITS.clear();
        InvestigationUpdates running = updates;
        updates = null;
        if (running != null) {
            running.close();
        }
    }

    /** Applies the global configuration: starts, restarts or stops the subscription. Quick; never throws. */
    public static void reconfigure() {
        InvestigationUpdates running = updates;
        if (running == null) {
            return; // not started yet: start() reads the configuration
        }
        try {
            running.configure(settings(CauseFlowGlobalConfiguration.get()));
        }
        catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot apply the CauseFlow live updates settings: " + e.getClass().getName());
        }
    }

    /**
     * Reads the stream settings from the global configuration.
     *
     * @param config the configuration
     * @return the settings, or empty when live updates are off or incomplete
     */
    static Optional<StreamSettings> settings(final CauseFlowGlobalConfiguration config) {
        if (!config.isLiveUpdates()) {
            return Optional.empty();
        }
        return settings(config.getEndpointUrl(), config.getTenantId(), config.getStreamTokenCredentialsId());
    }

    /**
     * Builds stream settings from form or saved values.
     *
     * @param endpointUrl the CauseFlow endpoint (the stream is {@code /v1/notifications/stream} below it)
     * @param tenantId the tenant
     * @param credentialsId a Secret text credential holding the stream token
     * @return the settings, or empty when a value is missing or invalid
     */
    public static Optional<StreamSettings> settings(@CheckForNull final String endpointUrl,
            @CheckForNull final String tenantId, @CheckForNull final String credentialsId) {
        if (endpointUrl == null || tenantId == null || tenantId.isBlank() || credentialsId == null
                || credentialsId.isBlank()) {
            return Optional.empty();
        }
        Optional<String> token = streamToken(credentialsId.strip());
        if (token.isEmpty() || token.get().isBlank()) {
            return Optional.empty();
        }
        URI base;
        try {
            base = URI.create(endpointUrl.strip());
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            return Optional.empty();
        }
        return Optional.of(StreamSettings.of(base, tenantId.strip(), StreamToken.of(token.get())));
    }

    private static Optional<String> streamToken(final String credentialsId) {
        StringCredentials credential = CredentialsProvider.findCredentialByIdInItem(credentialsId,
                StringCredentials.class, null, ACL.SYSTEM2, List.of());
        return credential == null ? Optional.empty() : Optional.of(credential.getSecret().getPlainText());
    }

    /**
     * Routes an incident's events to a build (called when an alert was accepted or answered as a duplicate).
     *
     * @param run the build
     * @param incidentId the incident the server answered
     */
    public static void register(final Run<?, ?> run, final String incidentId) {
        InvestigationUpdates running = started();
        if (running == null) {
            return;
        }
        try {
            running.register(incidentId, run.getExternalizableId());
        }
        catch (IllegalArgumentException e) {
            LOGGER.log(Level.FINE, "Not following incident of " + run.getExternalizableId() + ": " + e.getMessage());
        }
    }

    /** @return whether the subscription is configured to run (live updates on and complete) */
    public static boolean isActive() {
        InvestigationUpdates running = updates;
        return running != null && running.status().state() != UpdatesStatus.State.STOPPED;
    }

    /** @return the service's status, or empty before start */
    public static Optional<UpdatesStatus> status() {
        InvestigationUpdates running = updates;
        return running == null ? Optional.empty() : Optional.of(running.status());
    }

    /**
     * Waits, without a thread, until a build's timeline of an incident meets a condition.
     *
     * @param target the build's externalizable id
     * @param incidentId the incident
     * @param condition what to wait for
     * @param timeout the longest wait
     * @return the future; failed with a TimeoutException on timeout, or with IllegalStateException when the
     *         service is not running
     */
    public static CompletableFuture<InvestigationTimeline> await(final String target, final String incidentId,
            final WaitFor condition, final Duration timeout) {
        InvestigationUpdates running = started();
        if (running == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("live updates are not running"));
        }
        CompletableFuture<InvestigationTimeline> future = running.await(target, incidentId, condition, timeout,
                () -> BuildTargets.read(target, incidentId));
        WAITS.add(future);
        future.whenComplete((timeline, failure) -> WAITS.remove(future));
        return future;
    }

    /**
     * @param target a build's externalizable id
     * @param incidentId the incident
     * @return the build's timeline of that incident now, or empty
     */
    public static Optional<InvestigationTimeline> current(final String target, final String incidentId) {
        return BuildTargets.read(target, incidentId);
    }
}
