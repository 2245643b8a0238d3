package io.causeflow.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a delivery is retried. Defaults (reasons in {@code docs/client.md}): 5 attempts,
 * backoff from 1 s doubling up to 15 s with full jitter, 10 s per attempt, 60 s in total.
 *
 * @param maxAttempts attempts including the first, 1..20
 * @param initialBackoff the backoff ceiling before the second attempt
 * @param maxBackoff the largest backoff ceiling
 * @param perAttemptTimeout how long one attempt may wait for the response headers
 * @param totalBudget no attempt starts, and no wait ends, after this much time since the first attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration perAttemptTimeout,
        Duration totalBudget) {
    /** Default number of attempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default first backoff ceiling. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** Default largest backoff ceiling. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);
    /** Default per-attempt timeout. */
    public static final Duration DEFAULT_PER_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /** Default total budget. */
    public static final Duration DEFAULT_TOTAL_BUDGET = Duration.ofSeconds(60);

    /** Validates the values; messages name the component. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, was " + maxAttempts);
        }
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("perAttemptTimeout", perAttemptTimeout);
        requirePositive("totalBudget", totalBudget);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
    }

    /** @return the defaults */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** @return a policy that tries once, with the default timeouts (e.g. for an interactive test button) */
    public static RetryPolicy noRetries() {
        return builder().maxAttempts(1).build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this policy */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .perAttemptTimeout(perAttemptTimeout).totalBudget(totalBudget);
    }

    /**
     * The backoff ceiling before attempt {@code attempt + 1}: {@code min(maxBackoff, initial * 2^(attempt-1))}.
     * The actual wait is drawn uniformly from {@code [0, ceiling]} (full jitter).
     *
     * @param attempt the attempt that just failed, 1-based
     * @return the ceiling
     */
    public Duration backoffCeiling(final int attempt) {
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long ceiling = initialBackoff.toMillis() << doublings;
        if (ceiling <= 0 || ceiling > maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis(ceiling);
    }

    private static void requirePositive(final String field, final Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    /** Builder starting from the defaults. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration perAttemptTimeout = DEFAULT_PER_ATTEMPT_TIMEOUT;
        private Duration totalBudget = DEFAULT_TOTAL_BUDGET;

        private Builder() {
        }

        public Builder maxAttempts(final int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(final Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(final Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder perAttemptTimeout(final Duration perAttemptTimeout) {
            this.perAttemptTimeout = perAttemptTimeout;
            return this;
        }

        public Builder totalBudget(final Duration totalBudget) {
            this.totalBudget = totalBudget;
            return this;
        }

        /** @return the validated policy */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, perAttemptTimeout, totalBudget);
        }
    }
}
