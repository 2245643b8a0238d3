package io.jenkins.plugins.causeflow.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.causeflow.client.investigation.InvestigationTimeline;
import io.causeflow.client.investigation.WaitFor;
import io.jenkins.plugins.causeflow.RunAlertDispatcher;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.investigation.LiveUpdates;
import io.jenkins.plugins.causeflow.snapshot.RunSnapshotReader;
import java.io.Serial;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * {@code causeflowAlert(waitFor: …)}: sends the alert on a pooled thread (never the CPS VM thread), then waits for
 * the investigation's answer <em>without any thread</em>: a future of the controller's one subscription
 * ({@link LiveUpdates#await}) completes the step when the router applies the event that meets the condition, or at
 * the deadline. The incident, target and deadline are serialized with the program, so after a controller restart
 * {@link #onResume()} waits again for the time left. Returns the usual map plus {@code rootCause},
 * {@code confidence}, {@code investigationStatus}, {@code incidentStatus} and {@code remediation}; a timeout returns
 * what is known (failing only with {@code failOnError}).
 */
final class WaitingExecution extends StepExecution {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Default wait: ten minutes. */
    static final int DEFAULT_TIMEOUT_SECONDS = 600;
    /** Longest wait: one day. */
    static final int MAX_TIMEOUT_SECONDS = 86_400;

    /** Sends alerts off the CPS VM thread; threads live only while a send runs. */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(
            new NamingThreadFactory(new DaemonThreadFactory(), "CauseFlow alert step"));

    private final transient CauseFlowAlertStep step;
    private final String waitFor;
    private final int timeoutSeconds;
    private final boolean failOnError;
    /** Set once the alert was delivered: what the wait needs after a restart. */
    @CheckForNull
    private String incidentId;
    @CheckForNull
    private String target;
    private long deadlineMillis;
    @CheckForNull
    private LinkedHashMap<String, Object> delivery;
    private transient volatile CompletableFuture<InvestigationTimeline> waiting;

    WaitingExecution(final CauseFlowAlertStep step, final StepContext context) {
        super(context);
        this.step = step;
        this.waitFor = step.getWaitFor();
        this.timeoutSeconds = step.waitTimeoutSeconds();
        this.failOnError = step.isFailOnError();
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        SENDERS.submit(() -> {
            try {
                send(run, listener, env);
            }
            catch (Exception | LinkageError e) {
                context.onFailure(e);
            }
        });
        return false;
    }

    private void send(final Run<?, ?> run, final TaskListener listener, @CheckForNull final EnvVars env)
            throws AbortException {
        Map<String, String> environment = env == null ? RunSnapshotReader.environment(run, listener) : env;
        DeliveryReport report = RunAlertDispatcher.dispatch(run, listener, environment, step.toExplicitSettings(),
                RunAlertDispatcher.Trigger.STEP, false);
        if (report.failsBuild(failOnError)) {
            run.setResult(Result.FAILURE);
            throw new AbortException(PluginTexts.format("step.failOnError", report.status().name(),
                    report.message()));
        }
        LinkedHashMap<String, Object> result = new LinkedHashMap<>(report.toStepResult());
        if (!report.isDelivered() || report.incidentId().isEmpty()) {
            listener.getLogger().println(PluginTexts.format("step.waitNoIncident", report.status().name()));
            getContext().onSuccess(withAnswer(result, Optional.empty()));
            return;
        }
        if (!LiveUpdates.isActive()) {
            listener.getLogger().println(PluginTexts.format("step.waitDisabled"));
            getContext().onSuccess(withAnswer(result, Optional.empty()));
            return;
        }
        synchronized (this) {
            delivery = result;
            incidentId = report.incidentId().get();
            target = run.getExternalizableId();
            deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
        }
        listener.getLogger().println(PluginTexts.format("step.waiting", timeoutSeconds, label(), incidentId));
        awaitAnswer(listener);
    }

    /** Registers the wait; returns at once. The future completes on the subscription's thread or at the deadline. */
    private void awaitAnswer(final TaskListener listener) {
        String incident;
        String key;
        long remaining;
        synchronized (this) {
            incident = incidentId;
            key = target;
            remaining = Math.max(1, deadlineMillis - System.currentTimeMillis());
        }
        CompletableFuture<InvestigationTimeline> future = LiveUpdates.await(key, incident, WaitFor.valueOf(waitFor),
                Duration.ofMillis(remaining));
        waiting = future;
        future.whenComplete((timeline, failure) -> finish(listener, incident, key, timeline, failure));
    }

    private void finish(final TaskListener listener, final String incident, final String key,
            @CheckForNull final InvestigationTimeline timeline, @CheckForNull final Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        LinkedHashMap<String, Object> base;
        synchronized (this) {
            base = delivery == null ? new LinkedHashMap<>() : new LinkedHashMap<>(delivery);
        }
        if (cause == null) {
            Map<String, Object> result = withAnswer(base, Optional.ofNullable(timeline));
            listener.getLogger().println(PluginTexts.format("step.waitAnswered", incident,
                    result.get("investigationStatus")));
            getContext().onSuccess(result);
            return;
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            return; // stop() already ended the step
        }
        Map<String, Object> result = withAnswer(base, LiveUpdates.current(key, incident));
        if (cause instanceof TimeoutException) {
            listener.getLogger().println(PluginTexts.format("step.waitTimedOut", label(), incident, timeoutSeconds));
        }
        else {
            listener.getLogger().println(PluginTexts.format("step.waitFailed", incident, cause.getMessage()));
        }
        if (failOnError) {
            getContext().onFailure(new AbortException(cause instanceof TimeoutException
                    ? PluginTexts.format("step.waitTimedOut", label(), incident, timeoutSeconds)
                    : PluginTexts.format("step.waitFailed", incident, cause.getMessage())));
        }
        else {
            getContext().onSuccess(result);
        }
    }

    private static Map<String, Object> withAnswer(final Map<String, Object> delivery,
            final Optional<InvestigationTimeline> timeline) {
        Map<String, Object> result = new LinkedHashMap<>(delivery);
        String incident = String.valueOf(delivery.getOrDefault("incidentId", ""));
        result.putAll(timeline.orElseGet(() -> InvestigationTimeline.empty(incident)).answer().asMap());
        return result;
    }

    private String label() {
        return waitFor.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public void onResume() {
        TaskListener listener;
        try {
            listener = getContext().get(TaskListener.class);
        }
        catch (Exception e) {
            getContext().onFailure(e);
            return;
        }
        String incident;
        synchronized (this) {
            incident = incidentId;
        }
        if (incident == null) {
            getContext().onFailure(new AbortException(PluginTexts.format("step.waitNotResumable")));
            return;
        }
        listener.getLogger().println(PluginTexts.format("step.waitResumed", incident));
        try {
            Run<?, ?> run = getContext().get(Run.class);
            if (run != null) {
                LiveUpdates.register(run, incident); // the index survives restarts; registering again is harmless
            }
        }
        catch (Exception e) {
            listener.getLogger().println(PluginTexts.format("step.waitFailed", incident, e.getClass().getSimpleName()));
        }
        awaitAnswer(listener);
    }

    @Override
    public void stop(final Throwable cause) throws Exception {
        CompletableFuture<InvestigationTimeline> future = waiting;
        if (future != null) {
            future.cancel(false);
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        synchronized (this) {
            return incidentId == null ? "sending the alert"
                    : "waiting for " + label() + " of incident " + incidentId + " (no thread held)";
        }
    }
}
