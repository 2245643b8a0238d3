package io.causeflow.client;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link RetryHints}. */
class RetryHintsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private static HttpHeaders headers(final Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void shouldReadRetryAfterSecondsAndDates() {
        assertThat(RetryHints.retryAfter("30", NOW)).hasValue(Duration.ofSeconds(30));
        assertThat(RetryHints.retryAfter("Fri, 27 Nov 2026 00:01:00 GMT", NOW)).hasValue(Duration.ofMinutes(1));
        assertThat(RetryHints.retryAfter("Thu, 26 Nov 2026 23:00:00 GMT", NOW)).hasValue(Duration.ZERO);
        assertThat(RetryHints.retryAfter("soon", NOW)).isEmpty();
        assertThat(RetryHints.retryAfter("99999999999", NOW)).hasValue(Duration.ofHours(24));
    }

    @Test
    void shouldReadRateLimitResetAsEpochOrDeltaSeconds() {
        assertThat(RetryHints.rateLimitReset(Long.toString(NOW.getEpochSecond() + 42), NOW))
                .hasValue(Duration.ofSeconds(42));
        assertThat(RetryHints.rateLimitReset("5", NOW)).hasValue(Duration.ofSeconds(5));
        assertThat(RetryHints.rateLimitReset("-1", NOW)).isEmpty();
    }

    @Test
    void shouldPreferRetryAfterAndUseTheResetOnlyFor429() {
        String reset = Long.toString(NOW.getEpochSecond() + 42);
        HttpHeaders both = headers(Map.of("Retry-After", "3", "X-RateLimit-Reset", reset));
        HttpHeaders resetOnly = headers(Map.of("X-RateLimit-Reset", reset));

        assertThat(RetryHints.wait(both, 429, NOW)).hasValue(Duration.ofSeconds(3));
        assertThat(RetryHints.wait(resetOnly, 429, NOW)).hasValue(Duration.ofSeconds(42));
        assertThat(RetryHints.wait(resetOnly, 503, NOW)).isEmpty();
    }
}
