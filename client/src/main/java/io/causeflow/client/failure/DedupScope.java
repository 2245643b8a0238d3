package io.causeflow.client.failure;

import java.util.Locale;

/** What one CauseFlow incident stands for, i.e. which builds share a {@code sourceAlertId}. */
public enum DedupScope {
    /** One incident per controller, job and build (the default): re-sending for the same build is a duplicate. */
    BUILD,
    /**
     * One incident per failure streak: every failing build after the first failing one (looking past ABORTED and
     * NOT_BUILT, see {@link FailureStreak}) repeats the streak's id; a new streak after a success gets a new one.
     */
    STREAK;

    /**
     * Parses {@code build} or {@code streak}, case-insensitively.
     *
     * @param value the name
     * @return the scope
     * @throws IllegalArgumentException naming the bad value
     */
    public static DedupScope parse(final String value) {
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (DedupScope scope : values()) {
            if (scope.name().equals(normalised)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown dedup scope '" + value + "'; expected build or streak");
    }
}
