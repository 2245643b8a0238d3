package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as the receiver stored it (its SQLite row): what its stream sends, in the catalog's envelope
 * {@code {event, timestamp, tenantId, data}}.
 */
record StoredEvent(long id, String name, JsonNode envelope) {

    /** The id as the stream sends it ({@code id: evt_000000000042}), which the plugin keeps as the entry's id. */
    String wireId() {
        return "evt_%012d".formatted(id);
    }

    /** The envelope's {@code data} object. */
    JsonNode data() {
        return envelope.path("data");
    }
}
