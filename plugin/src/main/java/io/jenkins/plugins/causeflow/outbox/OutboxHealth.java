package io.jenkins.plugins.causeflow.outbox;

import hudson.Util;
import io.causeflow.client.outbox.Outbox;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the outbox needs an administrator: some alert was given up ({@code dead/}), or the oldest pending alert has
 * waited longer than the threshold (CauseFlow or the way to it has been down for a while). Computed from
 * {@link Outbox#stats()}, which the outbox keeps in memory: no directory scan, so it is cheap enough for
 * {@code AdministrativeMonitor.isActivated()}, which Jenkins calls on every page an administrator opens.
 *
 * @param pendingEntries alerts waiting for the sender
 * @param deadEntries    alerts given up
 * @param oldestPending  how long the oldest pending alert has waited, empty when none waits
 * @param threshold      how long a pending alert may wait before it is worth an administrator's attention
 */
public record OutboxHealth(int pendingEntries, int deadEntries, Optional<Duration> oldestPending,
        Duration threshold) {
    /**
     * Reads the health of an outbox.
     *
     * @param stats     the outbox's counts
     * @param now       the current time
     * @param threshold the waiting time that is worth attention
     * @return the health
     */
    public static OutboxHealth of(final Outbox.Stats stats, final Instant now, final Duration threshold) {
        Optional<Duration> oldest = Optional.ofNullable(stats.oldestPendingQueuedAt())
                .map(queued -> Duration.between(queued, now))
                .map(age -> age.isNegative() ? Duration.ZERO : age);
        return new OutboxHealth(stats.pendingEntries(), stats.deadEntries(), oldest, threshold);
    }

    /** @return the health of an outbox that is not open (nothing to show) */
    public static OutboxHealth closed(final Duration threshold) {
        return new OutboxHealth(0, 0, Optional.empty(), threshold);
    }

    /** @return whether the oldest pending alert has waited longer than the threshold */
    public boolean isOverdue() {
        return oldestPending.map(age -> age.compareTo(threshold) > 0).orElse(false);
    }

    /** @return whether an administrator should look: dead alerts, or alerts waiting too long */
    public boolean needsAttention() {
        return deadEntries > 0 || isOverdue();
    }

    /**
     * The monitor's sentence, e.g. "3 alerts have been waiting for delivery to CauseFlow, the oldest for 42 min. 1
     * alert was given up and will not be retried automatically."
     *
     * @return the text, empty when nothing needs attention
     */
    public String message() {
        List<String> parts = new ArrayList<>();
        if (isOverdue()) {
            parts.add(PluginTexts.format("outbox.monitor.pending", pendingEntries,
                    Util.getTimeSpanString(oldestPending.orElseThrow().toMillis())));
        }
        if (deadEntries > 0) {
            parts.add(PluginTexts.format("outbox.monitor.dead", deadEntries));
        }
        return String.join(" ", parts);
    }
}
