package io.jenkins.plugins.causeflow.outbox;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.causeflow.client.outbox.Outbox;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jenkins.util.SystemProperties;

/**
 * Tells administrators on Manage Jenkins (and in the header's notifications) when queued alerts need them: some were
 * given up ({@code dead/}), or the oldest has waited longer than {@link #PENDING_THRESHOLD}. Its message links to
 * {@link OutboxLink}'s page. {@link #isActivated()} reads the outbox's in-memory counts only.
 */
@Extension
public final class OutboxMonitor extends AdministrativeMonitor {
    /**
     * How long the oldest pending alert may wait before the monitor speaks: 15 minutes by default, set with
     * {@code -Dio.jenkins.plugins.causeflow.outbox.OutboxMonitor.pendingThreshold=30m} (a bare number is minutes).
     * Why 15 minutes: the sender's backoff (2 s doubling, with jitter) reaches its 5-minute cap after 8 attempts,
     * 4 to 8.5 minutes in; an alert still waiting after 15 minutes has failed 9 or more attempts, the last ones at
     * the cap: CauseFlow (or the proxy, DNS, the network) is down, not restarting or rate limiting for a moment. And
     * it is far below the 24-hour maximum age, so an administrator hears about it while every alert can still be
     * delivered.
     */
    static final Duration PENDING_THRESHOLD = SystemProperties.getDuration(
            OutboxMonitor.class.getName() + ".pendingThreshold", ChronoUnit.MINUTES, Duration.ofMinutes(15));

    /** Creates the monitor; Jenkins does, as an extension. */
    public OutboxMonitor() {
        super(OutboxMonitor.class.getName());
    }

    @Override
    public String getDisplayName() {
        return PluginTexts.format("outbox.monitor.displayName");
    }

    /**
     * Cheap: the outbox keeps its counts and the oldest queue time in memory, so no file is read.
     *
     * @return whether alerts were given up or wait longer than the threshold
     */
    @Override
    public boolean isActivated() {
        return health().needsAttention();
    }

    /** @return the sentence the monitor shows */
    public String getMessage() {
        return health().message();
    }

    /** @return the URL of the outbox page, relative to the Jenkins root */
    public String getOutboxUrl() {
        return OutboxLink.URL;
    }

    /**
     * Reads the outbox's health now.
     *
     * @return the health; that of an empty outbox when it is not open
     */
    static OutboxHealth health() {
        return PluginOutbox.get().map(Outbox::stats)
                .map(stats -> OutboxHealth.of(stats, Instant.now(), PENDING_THRESHOLD))
                .orElseGet(() -> OutboxHealth.closed(PENDING_THRESHOLD));
    }
}
