package io.causeflow.client.investigation;

import java.util.Locale;

/** Where an investigation stands, as the step returns it ({@link #wireName()}). */
public enum InvestigationStatus {
    /** Alert delivered; no investigation progress seen yet. */
    PENDING,
    /** The incident is being investigated; no root cause yet. */
    INVESTIGATING,
    /** The root cause is known. */
    COMPLETED,
    /** The incident was resolved or closed. */
    RESOLVED;

    /** @return the lowercase name, e.g. {@code completed} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
