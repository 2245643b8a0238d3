package io.causeflow.client.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every event carries.
 *
 * @param name the event name as sent, e.g. {@code incident.created}
 * @param id the SSE event id, when the stream sent one
 * @param timestamp the event's timestamp, when present and readable
 * @param tenantId the tenant, when the envelope named it
 * @param rawData the frame's data exactly as received (JSON, or whatever the server sent)
 */
public record EventMeta(String name, Optional<String> id, Optional<Instant> timestamp, Optional<String> tenantId,
        String rawData) {
    /** Checks the components for null. */
    public EventMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rawData, "rawData");
    }
}
