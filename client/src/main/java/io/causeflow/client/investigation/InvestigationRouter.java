package io.causeflow.client.investigation;

import io.causeflow.client.events.CauseFlowEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Routes stream events to the targets of known incidents and completes waiters. Only events of the configured
 * tenant are applied (an event that names no tenant is accepted: the stream token is per tenant, and the flat
 * payload shape carries none); events of incidents not in the {@link IncidentIndex} are ignored. Waiters are
 * futures completed on the thread that applies the event: no thread per incident or per waiter; their timeouts
 * use the JDK's one shared delay thread.
 */
public final class InvestigationRouter {
    /** Most waiters at once; beyond it {@link #await} fails at once rather than grow without bound. */
    public static final int MAX_WAITERS = 10_000;

    private final IncidentIndex index;
    private final InvestigationTargets targets;
    private final Clock clock;
    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** What {@link #route} did with an event. */
    public enum Outcome {
        /** At least one target's timeline changed. */
        APPLIED,
        /** Known incident, but no target changed (a duplicate, or the target is gone). */
        UNCHANGED,
        /** The event named another tenant. */
        OTHER_TENANT,
        /** The incident is not one of ours (or no longer remembered). */
        UNKNOWN_INCIDENT,
        /** Not an event the timeline shows (ping, other domains). */
        NOT_A_TIMELINE_EVENT
    }

    private record Waiter(WaitFor condition, CompletableFuture<InvestigationTimeline> future) {
    }

    /**
     * @param index the incidents we created and their targets
     * @param targets where timelines are kept
     * @param clock the time recorded for events without a timestamp
     */
    public InvestigationRouter(final IncidentIndex index, final InvestigationTargets targets, final Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the index */
    public IncidentIndex index() {
        return index;
    }

    /**
     * Applies an event to every target of its incident, then completes the waiters whose condition it met.
     *
     * @param event a decoded event
     * @param tenantId the configured tenant
     * @return what happened
     */
    public Outcome route(final CauseFlowEvent event, final String tenantId) {
        if (InvestigationTimeline.toEntry(event, clock.instant()).isEmpty()) {
            return Outcome.NOT_A_TIMELINE_EVENT;
        }
        Optional<String> eventTenant = event.meta().tenantId();
        if (eventTenant.isPresent() && !eventTenant.get().equals(tenantId)) {
            return Outcome.OTHER_TENANT;
        }
        Optional<String> incidentId = InvestigationTimeline.incidentIdOf(event);
        List<String> targetKeys = incidentId.map(index::targets).orElse(List.of());
        if (targetKeys.isEmpty()) {
            return Outcome.UNKNOWN_INCIDENT;
        }
        java.time.Instant receivedAt = clock.instant();
        boolean changed = false;
        for (String target : targetKeys) {
            boolean[] targetChanged = {false};
            Optional<InvestigationTimeline> after = targets.update(target, incidentId.get(), current -> {
                InvestigationTimeline next = current.apply(event, receivedAt);
                targetChanged[0] = next != current;
                return next;
            });
            if (after.isPresent() && targetChanged[0]) {
                changed = true;
                notifyWaiters(target, incidentId.get(), after.get());
            }
        }
        return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    /**
     * Waits, without a thread, until a target's timeline meets a condition.
     *
     * @param target the target key the incident was registered with
     * @param incidentId the incident
     * @param condition what to wait for
     * @param timeout the longest wait; the future then fails with a {@link java.util.concurrent.TimeoutException}
     * @param current reads the target's timeline now; called after the waiter is registered, so an event applied
     *        in between is seen either here or by the waiter
     * @return completed with the timeline that met the condition; cancel it to stop waiting
     */
    public CompletableFuture<InvestigationTimeline> await(final String target, final String incidentId,
            final WaitFor condition, final Duration timeout, final Supplier<Optional<InvestigationTimeline>> current) {
        CompletableFuture<InvestigationTimeline> future = new CompletableFuture<>();
        if (waiting.incrementAndGet() > MAX_WAITERS) {
            waiting.decrementAndGet();
            future.completeExceptionally(new IllegalStateException("more than " + MAX_WAITERS
                    + " waiters at once; not waiting for " + incidentId));
            return future;
        }
        String key = key(target, incidentId);
        Waiter waiter = new Waiter(condition, future);
        waiters.computeIfAbsent(key, ignored -> new CopyOnWriteArrayList<>()).add(waiter);
        future.whenComplete((result, failure) -> {
            waiting.decrementAndGet();
            waiters.computeIfPresent(key, (ignored, list) -> {
                list.remove(waiter);
                return list.isEmpty() ? null : list;
            });
        });
        future.orTimeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        current.get().filter(condition::isSatisfiedBy).ifPresent(future::complete);
        return future;
    }

    /** @return waiters now waiting */
    public int waiting() {
        return waiting.get();
    }

    private void notifyWaiters(final String target, final String incidentId, final InvestigationTimeline timeline) {
        List<Waiter> list = waiters.get(key(target, incidentId));
        if (list != null) {
            for (Waiter waiter : list) {
                if (waiter.condition().isSatisfiedBy(timeline)) {
                    waiter.future().complete(timeline);
                }
            }
        }
    }

    private static String key(final String target, final String incidentId) {
        return target + "\n" + incidentId;
    }
}
