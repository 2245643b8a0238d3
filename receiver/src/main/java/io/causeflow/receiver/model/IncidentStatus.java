package io.causeflow.receiver.model;

import java.util.Locale;

/** Incident statuses of the protocol (section 3.3), in their documented order. */
public enum IncidentStatus {
    OPEN, TRIAGING, INVESTIGATING, AWAITING_APPROVAL, REMEDIATING, RESOLVED, CLOSED;

    /** Lowercase name used on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static IncidentStatus parse(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
