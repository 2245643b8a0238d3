package io.causeflow.client.outbox;

import io.causeflow.client.DeliveryOutcome;

/**
 * Told what happened to queued alerts, e.g. so the plugin updates and saves the build's CauseFlow action.
 * Called on the sender's thread (or the thread that evicted an entry); keep it short. Exceptions are caught
 * and reported through the outbox's warning callback, so a failing listener never stops the sender.
 */
public interface OutboxListener {
    /** Ignores everything. */
    OutboxListener NONE = new OutboxListener() {
    };

    /**
     * The alert is at CauseFlow; its entry is gone from the outbox.
     *
     * @param entry the entry as it was before the successful attempt
     * @param outcome {@code ACCEPTED} (with the incident id when the server sent one) or {@code DUPLICATE} (409)
     */
    default void onDelivered(final OutboxEntry entry, final DeliveryOutcome outcome) {
    }

    /**
     * The entry moved to {@code dead/}: refused by the server, too old, evicted because the outbox was full,
     * or its credentials are gone. It stays there, never retried automatically, until retried or discarded.
     *
     * @param entry the dead entry, {@link OutboxEntry#deadReason()} says why
     */
    default void onDead(final OutboxEntry entry) {
    }

    /**
     * An attempt failed with transient trouble; the entry will be tried again at {@link OutboxEntry#nextAttemptAt()}.
     *
     * @param entry the entry as now stored
     */
    default void onRetryScheduled(final OutboxEntry entry) {
    }
}
