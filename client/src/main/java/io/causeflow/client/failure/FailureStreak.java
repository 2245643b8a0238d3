package io.causeflow.client.failure;

import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the first failing build of the current failure streak, the anchor of the {@link DedupScope#STREAK} scope:
 * one streak is one incident, and a new streak after a success is a new one.
 *
 * <p>Rules: UNSTABLE and FAILURE are failing; ABORTED, NOT_BUILT and builds still running are looked past (they say
 * nothing about the code); the first SUCCESS ends the look-back. At most {@link #MAX_LOOK_BACK} previous builds are
 * read (lazily, newest first), so a deleted or endless history costs a bounded amount; a streak longer than that is
 * anchored at the oldest failing build seen, so it becomes a new incident every {@value #MAX_LOOK_BACK} builds.
 */
public final class FailureStreak {
    /** Previous builds read at most. */
    public static final int MAX_LOOK_BACK = 100;

    private FailureStreak() {
    }

    /**
     * Returns the first failing build of the streak the current build belongs to.
     *
     * @param currentNumber the current build's number
     * @param currentResult the current build's result (the current one while it runs)
     * @param previous      previous builds, newest first, read lazily and at most {@link #MAX_LOOK_BACK} of them
     * @return the first failing build's number; empty when the current build is SUCCESS (no streak). For an ABORTED
     *         or NOT_BUILT current build it is the streak it interrupts, or the build itself when there is none.
     */
    public static OptionalInt firstFailingBuild(final int currentNumber, final BuildResult currentResult,
            final Iterator<PastBuild> previous) {
        if (currentResult == BuildResult.SUCCESS) {
            return OptionalInt.empty();
        }
        int first = currentNumber;
        int read = 0;
        while (read < MAX_LOOK_BACK && previous.hasNext()) {
            PastBuild build = previous.next();
            read++;
            if (build.number() >= currentNumber) {
                continue; // not older: ignore rather than trust an unordered source
            }
            Optional<BuildResult> result = build.result();
            if (result.isEmpty() || !result.get().isFailing() && result.get() != BuildResult.SUCCESS) {
                continue; // running, ABORTED, NOT_BUILT: look past
            }
            if (result.get() == BuildResult.SUCCESS) {
                break;
            }
            first = build.number();
        }
        return OptionalInt.of(first);
    }

    /**
     * A previous build as the look-back sees it.
     *
     * @param number its number
     * @param result its result, empty while it still runs
     */
    public record PastBuild(int number, Optional<BuildResult> result) {
        /**
         * Creates a completed previous build.
         *
         * @param number its number
         * @param result its result
         * @return the value
         */
        public static PastBuild of(final int number, final BuildResult result) {
            return new PastBuild(number, Optional.of(result));
        }

        /**
         * Creates a previous build that still runs.
         *
         * @param number its number
         * @return the value
         */
        public static PastBuild running(final int number) {
            return new PastBuild(number, Optional.empty());
        }
    }
}
