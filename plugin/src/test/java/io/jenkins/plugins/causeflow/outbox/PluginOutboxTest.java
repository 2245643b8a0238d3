package io.jenkins.plugins.causeflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.outbox.Outbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tests the backoff settings of {@link PluginOutbox} (system property {@code …PluginOutbox.maxBackoff}): a positive
 * cap is used as given and never undercut by the first backoff; a missing, zero or negative one falls back to the
 * default, so a typo cannot make retries spin.
 */
class PluginOutboxTest {

    @Test
    void shouldUseAPositiveCapAsGiven() {
        assertThat(PluginOutbox.maxBackoff(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldFallBackToTheDefaultCapWhenItIsNotPositive() {
        assertThat(PluginOutbox.maxBackoff(null)).isEqualTo(Outbox.DEFAULT_MAX_BACKOFF);
        assertThat(PluginOutbox.maxBackoff(Duration.ZERO)).isEqualTo(Outbox.DEFAULT_MAX_BACKOFF);
        assertThat(PluginOutbox.maxBackoff(Duration.ofSeconds(-1))).isEqualTo(Outbox.DEFAULT_MAX_BACKOFF);
    }

    @Test
    void shouldKeepTheFirstBackoffWithinTheCap() {
        assertThat(PluginOutbox.firstBackoff(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(PluginOutbox.firstBackoff(Duration.ofMinutes(5))).isEqualTo(Outbox.DEFAULT_INITIAL_BACKOFF);
    }
}
