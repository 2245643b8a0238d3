package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.failure.BuildResult;
import java.util.Locale;

/**
 * The result at or worse than which the freestyle notifier and the automatic alerts send. "Worse" is Jenkins' own
 * order (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED), so a FAILURE threshold also covers aborted builds, exactly
 * as {@code Result.isWorseOrEqualTo} would decide.
 */
public enum ResultThreshold {
    /** Unstable, failed, not built and aborted builds. */
    UNSTABLE(BuildResult.UNSTABLE),
    /** Failed, not built and aborted builds (the default). */
    FAILURE(BuildResult.FAILURE),
    /** Aborted builds only. */
    ABORTED(BuildResult.ABORTED);

    private final BuildResult result;

    ResultThreshold(final BuildResult result) {
        this.result = result;
    }

    /**
     * Returns whether a build with the given result should alert.
     *
     * @param actual the build's result
     * @return true when {@code actual} is at or worse than this threshold
     */
    public boolean isMetBy(final BuildResult actual) {
        return actual.isWorseOrEqualTo(result);
    }

    /**
     * Parses a threshold name case-insensitively.
     *
     * @param value e.g. {@code failure}
     * @return the threshold
     * @throws IllegalArgumentException naming the bad value
     */
    public static ResultThreshold parse(final String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (ResultThreshold threshold : values()) {
            if (threshold.name().equals(wanted)) {
                return threshold;
            }
        }
        throw new IllegalArgumentException(
                "threshold: unknown value '" + value + "', expected UNSTABLE, FAILURE or ABORTED");
    }
}
