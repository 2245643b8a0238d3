package io.causeflow.client.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One step of an incident's progress. Server text is kept as received (capped in length) and is untrusted: whoever
 * renders it must escape it.
 *
 * @param eventId the stream's event id (or a digest of the event when the server sent none): the key that makes
 *        applying an event twice a no-op
 * @param kind what happened
 * @param time when it happened (the event's timestamp, else when it was received)
 * @param text the main text: the new status, the progress message, the root cause, the remediation title, the
 *        incident id of a delivered alert
 * @param details secondary lines: previous status, agent and step, recommended actions, remediation steps
 * @param confidence the root cause's confidence, 0..1, for {@link Kind#ROOT_CAUSE} when the server sent one
 */
public record TimelineEntry(String eventId, Kind kind, Instant time, String text, List<String> details,
        OptionalDouble confidence) {
    /** Longest text kept per field; longer server text is cut (with an ellipsis) so a build record stays small. */
    public static final int MAX_TEXT = 4_000;
    /** Most detail lines kept per entry. */
    public static final int MAX_DETAILS = 20;

    /** Checks for null, caps the text and copies the list. */
    public TimelineEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(confidence, "confidence");
        text = cap(Objects.requireNonNull(text, "text"));
        details = Objects.requireNonNull(details, "details").stream().limit(MAX_DETAILS).map(TimelineEntry::cap)
                .toList();
    }

    private static String cap(final String value) {
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "\u2026";
    }

    /** What a timeline entry records. */
    public enum Kind {
        /** The alert was accepted and an incident id came back (recorded by the sender, not the stream). */
        ALERT_DELIVERED,
        /** {@code incident.created}. */
        INCIDENT_CREATED,
        /** {@code incident.status_changed} to anything but resolved or closed. */
        STATUS_CHANGED,
        /** {@code investigation.progress}. */
        PROGRESS,
        /** {@code investigation.completed}: the root cause. */
        ROOT_CAUSE,
        /** {@code remediation.proposed}. */
        REMEDIATION_PROPOSED,
        /** {@code incident.status_changed} to {@code resolved} or {@code closed}. */
        RESOLVED
    }
}
