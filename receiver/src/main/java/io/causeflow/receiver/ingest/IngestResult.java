package io.causeflow.receiver.ingest;

/**
 * Outcome of ingesting a valid alert.
 *
 * @param kind       accepted or duplicate
 * @param incidentId the new incident, or the one that already had the {@code sourceAlertId}
 */
public record IngestResult(Kind kind, String incidentId) {
    /** What happened. */
    public enum Kind { ACCEPTED, DUPLICATE }

    /** A new incident was committed. */
    public static IngestResult accepted(String incidentId) {
        return new IngestResult(Kind.ACCEPTED, incidentId);
    }

    /** The key was already used. */
    public static IngestResult duplicate(String incidentId) {
        return new IngestResult(Kind.DUPLICATE, incidentId);
    }
}
