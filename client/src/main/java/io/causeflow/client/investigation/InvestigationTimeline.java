package io.causeflow.client.investigation;

import io.causeflow.client.events.CauseFlowEvent;
import io.causeflow.client.events.CauseFlowEvent.IncidentCreated;
import io.causeflow.client.events.CauseFlowEvent.IncidentStatusChanged;
import io.causeflow.client.events.CauseFlowEvent.InvestigationCompleted;
import io.causeflow.client.events.CauseFlowEvent.InvestigationProgress;
import io.causeflow.client.events.CauseFlowEvent.RemediationProposed;
import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An incident's progress as an immutable, ordered list of {@link TimelineEntry entries}. {@link #apply} is
 * idempotent by event id (a replayed duplicate changes nothing) and order-independent (entries are kept sorted by
 * time, then id, and "the answer" is read from the latest entries in that order), so replays after a reconnect
 * and events arriving out of order cannot corrupt it. Bounded: at most {@link #MAX_ENTRIES} entries; when full,
 * the oldest progress step makes room, and an event that could only displace a non-progress entry is dropped.
 *
 * @param incidentId the incident
 * @param entries sorted by time, then event id; unique event ids
 */
public record InvestigationTimeline(String incidentId, List<TimelineEntry> entries) {
    /** Most entries kept for one incident. */
    public static final int MAX_ENTRIES = 200;
    /** The event id of the sender's own {@link TimelineEntry.Kind#ALERT_DELIVERED} entry. */
    public static final String ALERT_DELIVERED_ID = "alert-delivered";

    /** Incident statuses before an investigation starts; any later one (investigating, awaiting_approval, …) means it did. */
    private static final Set<String> NOT_STARTED = Set.of("open", "triaging");
    private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::time)
            .thenComparing(TimelineEntry::eventId);

    /** Checks, sorts and copies; duplicate event ids keep their first entry. */
    public InvestigationTimeline {
        Objects.requireNonNull(incidentId, "incidentId");
        List<TimelineEntry> sorted = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TimelineEntry entry : Objects.requireNonNull(entries, "entries")) {
            if (ids.add(entry.eventId())) {
                sorted.add(entry);
            }
        }
        sorted.sort(ORDER);
        entries = List.copyOf(sorted);
    }

    /**
     * An empty timeline.
     *
     * @param incidentId the incident
     * @return a timeline without entries
     */
    public static InvestigationTimeline empty(final String incidentId) {
        return new InvestigationTimeline(incidentId, List.of());
    }

    /**
     * The timeline of a freshly delivered alert.
     *
     * @param incidentId the incident id the server answered
     * @param deliveredAt when the alert was accepted
     * @return a timeline with one {@link TimelineEntry.Kind#ALERT_DELIVERED} entry
     */
    public static InvestigationTimeline delivered(final String incidentId, final Instant deliveredAt) {
        return new InvestigationTimeline(incidentId, List.of(new TimelineEntry(ALERT_DELIVERED_ID,
                TimelineEntry.Kind.ALERT_DELIVERED, deliveredAt, incidentId, List.of(), OptionalDouble.empty())));
    }

    /**
     * Applies one stream event.
     *
     * @param event a decoded event (either naming scheme and payload shape: the decoder unified them)
     * @param receivedAt the time to record when the event carries no timestamp
     * @return the new timeline, or this same instance when the event changes nothing (another incident, a
     *         duplicate, a kind the timeline does not show, or no room left)
     */
    public InvestigationTimeline apply(final CauseFlowEvent event, final Instant receivedAt) {
        Optional<TimelineEntry> entry = toEntry(event, receivedAt);
        if (entry.isEmpty() || !incidentId.equals(incidentIdOf(event).orElse(""))) {
            return this;
        }
        return with(entry.get());
    }

    /**
     * Adds an entry (idempotent by event id).
     *
     * @param entry the entry
     * @return the new timeline, or this same instance when the id is known or there is no room
     */
    public InvestigationTimeline with(final TimelineEntry entry) {
        if (contains(entry.eventId())) {
            return this;
        }
        List<TimelineEntry> next = new ArrayList<>(entries);
        if (next.size() >= MAX_ENTRIES) {
            Optional<TimelineEntry> oldestProgress = next.stream()
                    .filter(known -> known.kind() == TimelineEntry.Kind.PROGRESS).findFirst();
            if (oldestProgress.isEmpty()
                    || entry.kind() == TimelineEntry.Kind.PROGRESS && ORDER.compare(entry, oldestProgress.get()) < 0) {
                return this;
            }
            next.remove(oldestProgress.get());
        }
        next.add(entry);
        return new InvestigationTimeline(incidentId, next);
    }

    /**
     * @param eventId an event id
     * @return true when an entry has this id
     */
    public boolean contains(final String eventId) {
        return entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    /** @return the answer so far: root cause, confidence, status, remediation */
    public InvestigationAnswer answer() {
        Optional<TimelineEntry> rootCause = latest(TimelineEntry.Kind.ROOT_CAUSE);
        Optional<TimelineEntry> remediation = latest(TimelineEntry.Kind.REMEDIATION_PROPOSED);
        Optional<TimelineEntry> status = entries.stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.STATUS_CHANGED
                        || entry.kind() == TimelineEntry.Kind.RESOLVED)
                .reduce((first, second) -> second);
        boolean resolved = status.filter(entry -> entry.kind() == TimelineEntry.Kind.RESOLVED).isPresent();
        InvestigationStatus investigationStatus;
        if (resolved) {
            investigationStatus = InvestigationStatus.RESOLVED;
        }
        else if (rootCause.isPresent()) {
            investigationStatus = InvestigationStatus.COMPLETED;
        }
        else if (entries.stream().anyMatch(entry -> entry.kind() == TimelineEntry.Kind.PROGRESS)
                || status.isPresent() && !NOT_STARTED.contains(status.get().text().toLowerCase(Locale.ROOT))) {
            investigationStatus = InvestigationStatus.INVESTIGATING;
        }
        else {
            investigationStatus = InvestigationStatus.PENDING;
        }
        return new InvestigationAnswer(incidentId, rootCause.map(TimelineEntry::text),
                rootCause.map(TimelineEntry::confidence).orElse(OptionalDouble.empty()), investigationStatus,
                status.map(TimelineEntry::text).orElse(""),
                rootCause.map(TimelineEntry::details).orElse(List.of()),
                remediation.map(TimelineEntry::text), remediation.map(TimelineEntry::details).orElse(List.of()));
    }

    private Optional<TimelineEntry> latest(final TimelineEntry.Kind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).reduce((first, second) -> second);
    }

    /**
     * The incident an event is about.
     *
     * @param event a decoded event
     * @return its incident id, empty for pings and events the timeline does not show
     */
    public static Optional<String> incidentIdOf(final CauseFlowEvent event) {
        String id;
        if (event instanceof IncidentCreated created) {
            id = created.incidentId();
        }
        else if (event instanceof IncidentStatusChanged changed) {
            id = changed.incidentId();
        }
        else if (event instanceof InvestigationProgress progress) {
            id = progress.incidentId();
        }
        else if (event instanceof InvestigationCompleted completed) {
            id = completed.incidentId();
        }
        else if (event instanceof RemediationProposed proposed) {
            id = proposed.incidentId();
        }
        else {
            id = "";
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * The entry an event becomes.
     *
     * @param event a decoded event
     * @param receivedAt the time to record when the event carries no timestamp
     * @return the entry, empty for events the timeline does not show
     */
    static Optional<TimelineEntry> toEntry(final CauseFlowEvent event, final Instant receivedAt) {
        String eventId = eventIdOf(event);
        Instant time = event.meta().timestamp().orElse(receivedAt);
        OptionalDouble none = OptionalDouble.empty();
        if (event instanceof IncidentCreated created) {
            return Optional.of(new TimelineEntry(eventId, TimelineEntry.Kind.INCIDENT_CREATED, time, created.title(),
                    nonEmpty(labelled("severity", created.severity()), labelled("status", created.status())), none));
        }
        if (event instanceof IncidentStatusChanged changed) {
            String status = changed.newStatus().toLowerCase(Locale.ROOT);
            TimelineEntry.Kind kind = "resolved".equals(status) || "closed".equals(status)
                    ? TimelineEntry.Kind.RESOLVED : TimelineEntry.Kind.STATUS_CHANGED;
            return Optional.of(new TimelineEntry(eventId, kind, time, changed.newStatus(),
                    nonEmpty(labelled("from", changed.previousStatus())), none));
        }
        if (event instanceof InvestigationProgress progress) {
            String step = progress.stepIndex().isPresent() && progress.totalSteps().isPresent()
                    ? "step " + progress.stepIndex().getAsInt() + " of " + progress.totalSteps().getAsInt() : "";
            return Optional.of(new TimelineEntry(eventId, TimelineEntry.Kind.PROGRESS, time, progress.message(),
                    nonEmpty(labelled("agent", progress.agentName()), step), none));
        }
        if (event instanceof InvestigationCompleted completed) {
            OptionalDouble confidence = completed.confidence().isPresent()
                    && completed.confidence().getAsDouble() >= 0 && completed.confidence().getAsDouble() <= 1
                    ? completed.confidence() : none;
            return Optional.of(new TimelineEntry(eventId, TimelineEntry.Kind.ROOT_CAUSE, time, completed.rootCause(),
                    completed.recommendedActions(), confidence));
        }
        if (event instanceof RemediationProposed proposed) {
            return Optional.of(new TimelineEntry(eventId, TimelineEntry.Kind.REMEDIATION_PROPOSED, time,
                    proposed.title(), proposed.steps(), none));
        }
        return Optional.empty();
    }

    /** The SSE id, or a digest of name and data so that id-less duplicates are still recognised. */
    private static String eventIdOf(final CauseFlowEvent event) {
        Optional<String> id = event.meta().id();
        if (id.isPresent()) {
            return id.get();
        }
        return "sha256:" + DigestUtils.sha256Hex((event.name() + "\n" + event.meta().rawData())
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String labelled(final String label, final String value) {
        return value.isEmpty() ? "" : label + " " + value;
    }

    private static List<String> nonEmpty(final String... values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                result.add(value);
            }
        }
        return result;
    }
}
