package io.causeflow.client.investigation;

import io.causeflow.client.events.CauseFlowEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * payload shape carries none); events of incidents not in the {@link IncidentIndex} are not applied. Because the
 * server emits {@code incident.created} (and, with a fast investigation, more) before the sender has the answer
 * to its POST and can {@link #register} the incident, the latest such events are kept a short while
 * ({@link #RECENT_UNKNOWN_EVENTS} events, {@link #RECENT_UNKNOWN_AGE}) and applied when their incident is
 * registered; older ones are dropped. Waiters are
 * futures completed on the thread that applies the event: no thread per incident or per waiter; their timeouts
 * use the JDK's one shared delay thread.
 */
public final class InvestigationRouter {
    /** Most waiters at once; beyond it {@link #await} fails at once rather than grow without bound. */
    public static final int MAX_WAITERS = 10_000;
    /** Most events of not (yet) registered incidents kept for a registration that follows. */
    public static final int RECENT_UNKNOWN_EVENTS = 1_000;
    /** Longest time such an event is kept. */
    public static final Duration RECENT_UNKNOWN_AGE = Duration.ofMinutes(5);
    /** Most characters of raw event data kept in that buffer altogether. */
    public static final long RECENT_UNKNOWN_CHARS = 4_000_000;

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

    private final Deque<Recent> recentUnknown = new ArrayDeque<>();
    private long recentChars;

    private record Waiter(WaitFor condition, CompletableFuture<InvestigationTimeline> future) {
    }

    private record Recent(String incidentId, CauseFlowEvent event, Instant receivedAt) {
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
        Instant receivedAt = clock.instant();
        List<String> targetKeys;
        // One lock with register(): an event is either seen by the lookup or found in the buffer, never lost.
        synchronized (recentUnknown) {
            targetKeys = incidentId.map(index::targets).orElse(List.of());
            if (targetKeys.isEmpty()) {
                incidentId.ifPresent(id -> remember(new Recent(id, event, receivedAt)));
                return Outcome.UNKNOWN_INCIDENT;
            }
        }
        return applyToTargets(event, incidentId.get(), targetKeys, receivedAt) ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    /**
     * Registers an incident in the index and applies the events of it that arrived shortly before (on the
     * caller's thread; timelines are idempotent and order-independent, so a concurrent {@link #route} is harmless).
     *
     * @param incidentId the incident the server answered
     * @param target the caller's key
     * @throws IllegalArgumentException when a value is blank, too long or has control characters
     */
    public void register(final String incidentId, final String target) {
        List<Recent> early;
        synchronized (recentUnknown) {
            index.register(incidentId, target);
            early = recentUnknown.stream().filter(recent -> recent.incidentId().equals(incidentId)).toList();
        }
        for (Recent recent : early) {
            applyToTargets(recent.event(), incidentId, List.of(target), recent.receivedAt());
        }
    }

    /** Called holding the buffer's lock. */
    private void remember(final Recent recent) {
        recentUnknown.addLast(recent);
        recentChars += recent.event().meta().rawData().length();
        Instant cutoff = recent.receivedAt().minus(RECENT_UNKNOWN_AGE);
        while (!recentUnknown.isEmpty() && (recentUnknown.size() > RECENT_UNKNOWN_EVENTS
                || recentChars > RECENT_UNKNOWN_CHARS || recentUnknown.peekFirst().receivedAt().isBefore(cutoff))) {
            recentChars -= recentUnknown.removeFirst().event().meta().rawData().length();
        }
    }

    private boolean applyToTargets(final CauseFlowEvent event, final String incidentId, final List<String> targetKeys,
            final Instant receivedAt) {
        boolean changed = false;
        for (String target : targetKeys) {
            boolean[] targetChanged = {false};
            Optional<InvestigationTimeline> after = targets.update(target, incidentId, current -> {
                InvestigationTimeline next = current.apply(event, receivedAt);
                targetChanged[0] = next != current;
                return next;
            });
            if (after.isPresent() && targetChanged[0]) {
                changed = true;
                notifyWaiters(target, incidentId, after.get());
            }
        }
        return changed;
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
