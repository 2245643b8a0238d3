package io.causeflow.client.events;

import java.util.Objects;

/**
 * One dispatched Server-Sent Events message, as the WHATWG event-stream interpretation produces it.
 *
 * @param event the event type ({@code "message"} when the frame had no {@code event:} field)
 * @param data the data lines joined by {@code "\n"}
 * @param lastEventId the last event id seen on the stream so far ({@code ""} when none)
 */
public record SseFrame(String event, String data, String lastEventId) {
    /** Checks the components for null. */
    public SseFrame {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }
}
