package io.causeflow.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long the server wants us to wait: {@code Retry-After} (delta seconds or HTTP-date) on any
 * retryable answer, else {@code X-RateLimit-Reset} (Unix seconds) on a 429. A reset value below one billion is
 * read as delta seconds, since some servers send it that way. Public so the outbox's sender
 * ({@code io.causeflow.client.outbox}) reads the same hints the same way.
 */
public final class RetryHints {
    private static final long MAX_SECONDS = 24 * 3600;
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private RetryHints() {
    }

    /**
     * The wait the server asked for.
     *
     * @param headers the response headers
     * @param status the response status
     * @param now the current time, for HTTP dates and reset times
     * @return the wait (0 to 24 h), empty when the server gave no readable hint
     */
    public static Optional<Duration> wait(final HttpHeaders headers, final int status, final Instant now) {
        Optional<Duration> retryAfter = headers.firstValue("Retry-After").flatMap(value -> retryAfter(value, now));
        if (retryAfter.isPresent() || status != 429) {
            return retryAfter;
        }
        return headers.firstValue("X-RateLimit-Reset").flatMap(value -> rateLimitReset(value, now));
    }

    static Optional<Duration> retryAfter(final String value, final Instant now) {
        String text = value.strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(text.length() > 6 ? MAX_SECONDS
                    : Math.min(MAX_SECONDS, Long.parseLong(text))));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(clamp(Duration.between(now, at)));
        }
        catch (DateTimeParseException e) {
            return Optional.empty(); // an unreadable hint is no hint: fall back to our own backoff
        }
    }

    static Optional<Duration> rateLimitReset(final String value, final Instant now) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long number = Long.parseLong(text);
        if (number < EPOCH_THRESHOLD) {
            return Optional.of(Duration.ofSeconds(Math.min(MAX_SECONDS, number)));
        }
        return Optional.of(clamp(Duration.between(now, Instant.ofEpochSecond(number))));
    }

    private static Duration clamp(final Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : wait;
    }
}
