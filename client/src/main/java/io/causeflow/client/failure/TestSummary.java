package io.causeflow.client.failure;

import java.util.ArrayList;
import java.util.List;

/**
 * Test totals of a build and the first failed tests, capped at {@link SnapshotLimits#MAX_FAILED_TESTS}; failed tests
 * beyond the cap are counted in {@code omittedFailedTests}.
 *
 * @param total              tests run
 * @param failed             tests failed
 * @param skipped            tests skipped
 * @param failedTests        details of the first failed tests
 * @param omittedFailedTests failed tests left out of {@code failedTests}
 */
public record TestSummary(int total, int failed, int skipped, List<FailedTest> failedTests, int omittedFailedTests) {
    /** Validates counts and caps the list. */
    public TestSummary {
        if (total < 0 || failed < 0 || skipped < 0 || omittedFailedTests < 0) {
            throw new IllegalArgumentException("test counts must not be negative: total=" + total + ", failed="
                    + failed + ", skipped=" + skipped + ", omitted=" + omittedFailedTests);
        }
        if (failedTests.size() > SnapshotLimits.MAX_FAILED_TESTS) {
            omittedFailedTests += failedTests.size() - SnapshotLimits.MAX_FAILED_TESTS;
            failedTests = failedTests.subList(0, SnapshotLimits.MAX_FAILED_TESTS);
        }
        failedTests = List.copyOf(failedTests);
    }

    /**
     * Returns the summary of a build without test results.
     *
     * @return zero counts
     */
    public static TestSummary none() {
        return new TestSummary(0, 0, 0, List.of(), 0);
    }

    /**
     * Creates a summary from counts and every failed test; failed tests beyond the cap are counted as omitted, and
     * failed tests the caller did not list at all ({@code failed} larger than the list) too.
     *
     * @param total       tests run
     * @param failed      tests failed
     * @param skipped     tests skipped
     * @param failedTests the failed tests the caller has details for
     * @return the capped summary
     */
    public static TestSummary of(final int total, final int failed, final int skipped,
            final List<FailedTest> failedTests) {
        int unlisted = Math.max(0, failed - failedTests.size());
        return new TestSummary(total, failed, skipped, failedTests, unlisted);
    }

    /**
     * Adds another summary, as for a Pipeline with several test result actions.
     *
     * @param other the other summary
     * @return the sum, still capped
     */
    public TestSummary plus(final TestSummary other) {
        List<FailedTest> combined = new ArrayList<>(failedTests);
        combined.addAll(other.failedTests);
        return new TestSummary(total + other.total, failed + other.failed, skipped + other.skipped, combined,
                omittedFailedTests + other.omittedFailedTests);
    }

    /**
     * Returns whether there were any tests at all.
     *
     * @return true when at least one test ran or was skipped
     */
    public boolean hasTests() {
        return total > 0 || failed > 0 || skipped > 0;
    }
}
