package io.causeflow.client.events;

import java.time.Duration;
import java.util.Optional;

/** A running subscription to the event stream; {@link #close()} ends it cleanly and is idempotent. */
public interface EventSubscription extends AutoCloseable {
    /** Stops reading and reconnecting; the listener gets {@code onClosed(CLOSED_BY_CALLER)} once. */
    @Override
    void close();

    /** @return true once the subscription ended, for any reason */
    boolean isClosed();

    /** @return the last event id seen, which a new subscription can resume from */
    Optional<String> lastEventId();

    /**
     * Waits until the subscription ends.
     *
     * @param timeout the longest wait
     * @return true if it ended, false on timeout
     * @throws InterruptedException when interrupted
     */
    boolean awaitClosed(Duration timeout) throws InterruptedException;
}
