package io.jenkins.plugins.causeflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests the class {@link OutboxHealth}. */
class OutboxHealthTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration THRESHOLD = Duration.ofMinutes(15);

    private static OutboxHealth health(final int pending, final int dead, final Duration oldestAge) {
        return OutboxHealth.of(new Outbox.Stats(pending, pending * 100L, dead, dead * 100L,
                oldestAge == null ? null : NOW.minus(oldestAge)), NOW, THRESHOLD);
    }

    @Test
    void shouldNeedNoAttentionWhenEmpty() {
        OutboxHealth health = health(0, 0, null);

        assertThat(health.needsAttention()).isFalse();
        assertThat(health.message()).isEmpty();
    }

    @Test
    void shouldNeedNoAttentionWhilePendingAlertsAreYoungerThanTheThreshold() {
        OutboxHealth health = health(120, 0, Duration.ofMinutes(14).plusSeconds(59));

        assertThat(health.isOverdue()).isFalse();
        assertThat(health.needsAttention()).isFalse();
    }

    @Test
    void shouldNeedAttentionWhenTheOldestPendingAlertWaitsLongerThanTheThreshold() {
        OutboxHealth health = health(3, 0, Duration.ofMinutes(42));

        assertThat(health.needsAttention()).isTrue();
        assertThat(health.message())
                .isEqualTo("3 alerts have been waiting for delivery to CauseFlow, the oldest for 42 min.");
    }

    @Test
    void shouldNeedAttentionForASingleDeadAlert() {
        OutboxHealth health = health(1, 1, Duration.ofSeconds(5));

        assertThat(health.needsAttention()).isTrue();
        assertThat(health.message()).isEqualTo("1 alert was given up and will not be retried automatically.");
    }

    @Test
    void shouldNameBothWhenAlertsWaitTooLongAndSomeWereGivenUp() {
        OutboxHealth health = health(1, 2, Duration.ofHours(2).plusMinutes(5));

        assertThat(health.message()).isEqualTo("1 alert has been waiting for delivery to CauseFlow, the oldest for "
                + "2 hr 5 min. 2 alerts were given up and will not be retried automatically.");
    }

    @Test
    void shouldTreatAQueueTimeInTheFutureAsNoWait() {
        OutboxHealth health = health(1, 0, Duration.ofMinutes(-30)); // a clock set back

        assertThat(health.oldestPending()).contains(Duration.ZERO);
        assertThat(health.needsAttention()).isFalse();
    }

    @Test
    void shouldNeedNoAttentionWhenTheOutboxIsNotOpen() {
        assertThat(OutboxHealth.closed(THRESHOLD).needsAttention()).isFalse();
    }
}
