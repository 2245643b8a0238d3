package io.causeflow.receiver.model;

import java.time.Instant;

/**
 * One event of the append-only log.
 *
 * @param id           global, monotonically increasing sequence number (never reused, survives restarts)
 * @param tenantId     tenant that may see it
 * @param incidentId   incident it belongs to
 * @param name         catalog name, e.g. {@code incident.created}
 * @param timestamp    time it was appended
 * @param envelopeJson the complete SSE {@code data:} line: {@code {event, timestamp, tenantId, data}}, one line
 */
public record StoredEvent(long id, String tenantId, String incidentId, String name, Instant timestamp,
                          String envelopeJson) {
    /** The wire form of {@link #id()}, e.g. {@code evt_000000000042}. */
    public String wireId() {
        return EventIds.format(id);
    }
}
