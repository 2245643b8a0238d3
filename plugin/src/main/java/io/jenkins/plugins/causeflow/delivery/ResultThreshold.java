package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.failure.BuildResult;
import java.util.Locale;

/**
 * Which finished builds the freestyle notifier and the automatic alerts send for. A threshold includes every result
 * at or worse than itself on a triage scale, SUCCESS &lt; NOT_BUILT = ABORTED &lt; UNSTABLE &lt; FAILURE, not on
 * Jenkins' own order (which puts ABORTED after FAILURE): a build somebody stopped by hand is rarely an incident, so
 * the default FAILURE leaves it out, and choosing ABORTED widens the net to it rather than narrowing it to it.
 */
public enum ResultThreshold {
    /** Unstable and failed builds. */
    UNSTABLE(2),
    /** Failed builds only (the default). */
    FAILURE(3),
    /** Every build that did not succeed: aborted, not built, unstable and failed. */
    ABORTED(1);

    private final int rank;

    ResultThreshold(final int rank) {
        this.rank = rank;
    }

    /**
     * Returns whether a build with the given result should alert.
     *
     * @param actual the build's result
     * @return true when {@code actual} is at or worse than this threshold on the triage scale
     */
    public boolean isMetBy(final BuildResult actual) {
        return rankOf(actual) >= rank;
    }

    private static int rankOf(final BuildResult result) {
        switch (result) {
            case FAILURE:
                return 3;
            case UNSTABLE:
                return 2;
            case ABORTED:
            case NOT_BUILT:
                return 1;
            default:
                return 0;
        }
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
