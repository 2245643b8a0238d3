package io.causeflow.client.failure;

import java.util.Locale;

/**
 * The result of a build, in Jenkins' order from best to worst ({@code hudson.model.Result} ordinals), so "at or
 * worse than a threshold" means the same thing here as in Jenkins.
 */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED;

    /**
     * Parses a result name case-insensitively.
     *
     * @param value a name such as {@code FAILURE} or {@code failure}
     * @return the result
     * @throws IllegalArgumentException naming the bad value
     */
    public static BuildResult parse(final String value) {
        String normalised = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (BuildResult result : values()) {
            if (result.name().equals(normalised)) {
                return result;
            }
        }
        throw new IllegalArgumentException("Unknown build result '" + value
                + "'; expected one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED");
    }

    /**
     * Returns whether this result is the same as or worse than the other one, in Jenkins' order.
     *
     * @param other the threshold
     * @return true when this is at or worse than {@code other}
     */
    public boolean isWorseOrEqualTo(final BuildResult other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * Returns whether this result counts as a failing build for a failure streak: UNSTABLE or FAILURE. ABORTED and
     * NOT_BUILT say nothing about the code, so a streak looks past them.
     *
     * @return true for UNSTABLE and FAILURE
     */
    public boolean isFailing() {
        return this == UNSTABLE || this == FAILURE;
    }

    /**
     * Returns the lowercase name used in tags, e.g. {@code failure} or {@code not_built}.
     *
     * @return the lowercase name
     */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
