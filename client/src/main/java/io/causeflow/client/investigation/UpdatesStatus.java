package io.causeflow.client.investigation;

import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the subscription for a status page. Messages are redacted (never the token).
 *
 * @param state the connection state
 * @param message the latest noteworthy thing (a disconnect reason, a file that could not be saved), or {@code ""}
 * @param lastEventId the last event id seen
 * @param applied events that changed a timeline
 * @param ignored events of unknown incidents or another tenant
 * @param incidents incidents in the index
 * @param waiting waiters now waiting
 * @param subscriptionsStarted subscriptions started since the service was created (settings changes, retries)
 */
public record UpdatesStatus(State state, String message, Optional<String> lastEventId, long applied, long ignored,
        int incidents, int waiting, long subscriptionsStarted) {
    /** Checks for null. */
    public UpdatesStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /** The subscription's state. */
    public enum State {
        /** Not configured, or stopped. */
        STOPPED,
        /** Connecting, first attempt. */
        CONNECTING,
        /** The stream is open. */
        CONNECTED,
        /** Lost; reconnecting with backoff. */
        RECONNECTING,
        /** Ended for good (token refused, or the server said not to reconnect) until the settings change. */
        FAILED
    }
}
