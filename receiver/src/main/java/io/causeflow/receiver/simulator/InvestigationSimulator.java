package io.causeflow.receiver.simulator;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.Ulids;
import io.causeflow.receiver.store.ChangeOutcome;
import io.causeflow.receiver.store.EventDraft;
import io.causeflow.receiver.store.IncidentChange;
import io.causeflow.receiver.store.ReceiverStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a plausible investigation for each new incident, one persisted step after another with a fixed delay:
 * {@code incident.status_changed} (triaging to investigating), {@code investigation.progress} x N,
 * {@code investigation.completed}, {@code remediation.proposed}. The incident then stays {@code investigating}
 * (approvals are not simulated) until it is resolved. Every step applies only while the incident is still being
 * investigated, so resolving it stops the simulation.
 */
public final class InvestigationSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InvestigationSimulator.class);
    private static final List<String> AGENTS = List.of("triage-agent", "log-analyst", "change-correlator");
    private static final Set<String> INVESTIGATING = Set.of(IncidentStatus.INVESTIGATING.wireName());

    private final ReceiverStore store;
    private final Duration stepDelay;
    private final int progressSteps;
    private final ScheduledExecutorService executor;
    private final Queue<Runnable> continuations = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();

    /**
     * @param store         where steps are persisted
     * @param stepDelay     pause before each step (zero in tests)
     * @param progressSteps number of {@code investigation.progress} events
     */
    public InvestigationSimulator(ReceiverStore store, Duration stepDelay, int progressSteps) {
        this.store = store;
        this.stepDelay = stepDelay;
        this.progressSteps = progressSteps;
        this.executor = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "causeflow-simulator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the investigation of a freshly created incident; returns at once (the caller answers a request). */
    public void start(Incident incident) {
        // The analysis (JSON, regular expressions) runs on the simulator thread, not the caller's.
        submit(() -> runChain(steps(incident, true), 0), 0, "investigation not started");
    }

    /** Continues investigations a crash or stop interrupted (progress may be repeated). */
    public void resumeAll() {
        for (Incident incident : store.unfinishedIncidents()) {
            boolean fromStart = incident.status() != IncidentStatus.INVESTIGATING;
            runChain(steps(incident, fromStart), 0);
        }
    }

    private List<Supplier<IncidentChange>> steps(Incident incident, boolean fromStart) {
        String id = incident.incidentId();
        String tenant = incident.tenantId();
        List<Supplier<IncidentChange>> steps = new ArrayList<>();
        if (fromStart) {
            steps.add(() -> new IncidentChange(tenant, id, Set.of(IncidentStatus.OPEN.wireName(),
                    IncidentStatus.TRIAGING.wireName()), Optional.of(IncidentStatus.INVESTIGATING.wireName()),
                    Optional.of(AGENTS), Optional.empty(), Optional.empty(),
                    List.of(new EventDraft("incident.status_changed", data(id, "previousStatus",
                            incident.status().wireName(), "newStatus", IncidentStatus.INVESTIGATING.wireName())))));
        }
        for (int i = 1; i <= progressSteps; i++) {
            int step = i;
            steps.add(() -> IncidentChange.eventsOnly(tenant, id, INVESTIGATING, List.of(new EventDraft(
                    "investigation.progress", data(id, "message", progressMessage(incident, step),
                            "agentName", AGENTS.get((step - 1) % AGENTS.size()), "stepIndex", step,
                            "totalSteps", progressSteps)))));
        }
        Analysis analysis = RootCauseAnalyzer.analyze(incident.title(), incident.description(),
                incident.metadataJson());
        steps.add(() -> new IncidentChange(tenant, id, INVESTIGATING, Optional.empty(), Optional.empty(),
                Optional.of(analysis.rootCause()), Optional.of(analysis.recommendedActions()),
                List.of(new EventDraft("investigation.completed", data(id, "rootCause", analysis.rootCause(),
                        "confidence", analysis.confidence(), "recommendedActions", analysis.recommendedActions())))));
        steps.add(() -> IncidentChange.eventsOnly(tenant, id, INVESTIGATING, List.of(new EventDraft("remediation.proposed",
                data(id, "remediationId", Ulids.newRemediationId(), "title", analysis.remediationTitle(),
                        "requiresApproval", true, "steps", analysis.remediationSteps())))));
        return steps;
    }

    private static String progressMessage(Incident incident, int step) {
        String subject = incident.service().orElse("the affected service");
        return switch ((step - 1) % 3) {
            case 0 -> "Collecting context for " + subject;
            case 1 -> "Analysing the log excerpt and error lines";
            default -> "Correlating recent changes and deployments";
        };
    }

    private static Map<String, Object> data(String incidentId, Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", incidentId);
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    private void runChain(List<Supplier<IncidentChange>> steps, int index) {
        if (index >= steps.size() || executor.isShutdown()) {
            return;
        }
        Runnable step = () -> store.change(steps.get(index).get()).whenComplete((outcome, failure) -> {
            if (failure != null) {
                LOG.warn("Simulator step failed; the investigation stops here", failure);
            }
            else if (outcome instanceof ChangeOutcome.Applied) {
                continueLater(() -> runChain(steps, index + 1));
            }
        });
        submit(step, stepDelay.toMillis(), "step not scheduled");
    }

    /** Runs a task on the simulator thread after a delay; once the simulator is closed, tasks are dropped. */
    private void submit(Runnable task, long delayMillis, String droppedMessage) {
        try {
            if (delayMillis == 0) {
                executor.execute(task);
            }
            else {
                executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            }
        }
        catch (RejectedExecutionException e) {
            LOG.debug("Simulator stopped; {}", droppedMessage);
        }
    }

    /**
     * Called on the store's writer thread when a step has committed. Scheduling the next step there would make the
     * writer, the one serial part of ingestion, contend with this simulator's thread for the scheduler's lock once
     * per step; instead continuations are queued lock-free and this thread is woken once per batch to schedule them.
     */
    private void continueLater(Runnable continuation) {
        continuations.add(continuation);
        if (drainPending.compareAndSet(false, true)) {
            submit(this::drainContinuations, 0, "continuations dropped");
        }
    }

    private void drainContinuations() {
        drainPending.set(false);
        Runnable continuation;
        while ((continuation = continuations.poll()) != null) {
            continuation.run();
        }
    }

    /** Stops scheduling; pending steps are dropped (they resume on the next start). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
