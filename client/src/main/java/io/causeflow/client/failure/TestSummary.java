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
 * @param unreadableReports  report files that could not be read (skipped, so the counts above leave them out)
 * @param unreadableNamed    the first of them, each as {@code name (reason)}, at most
 *                           {@link #MAX_UNREADABLE_NAMED}
 */
public record TestSummary(int total, int failed, int skipped, List<FailedTest> failedTests, int omittedFailedTests,
        int unreadableReports, List<String> unreadableNamed) {
    /** Unreadable report files named; the rest are only counted. */
    public static final int MAX_UNREADABLE_NAMED = 5;

    /** Validates counts and caps the lists. */
    public TestSummary {
        if (total < 0 || failed < 0 || skipped < 0 || omittedFailedTests < 0 || unreadableReports < 0) {
            throw new IllegalArgumentException("test counts must not be negative: total=" + total + ", failed="
                    + failed + ", skipped=" + skipped + ", omitted=" + omittedFailedTests + ", unreadable="
                    + unreadableReports);
        }
        unreadableNamed = Texts.boundedList(unreadableNamed, MAX_UNREADABLE_NAMED, SnapshotLimits.MAX_NAME_CHARS);
        if (unreadableNamed.size() > unreadableReports) {
            throw new IllegalArgumentException("more unreadable reports named (" + unreadableNamed.size()
                    + ") than counted (" + unreadableReports + ")");
        }
        if (failedTests.size() > SnapshotLimits.MAX_FAILED_TESTS) {
            omittedFailedTests += failedTests.size() - SnapshotLimits.MAX_FAILED_TESTS;
            failedTests = failedTests.subList(0, SnapshotLimits.MAX_FAILED_TESTS);
        }
        failedTests = List.copyOf(failedTests);
    }

    /**
     * A summary without unreadable reports (every report source except JUnit files read by {@link JUnitReports}).
     *
     * @param total              tests run
     * @param failed             tests failed
     * @param skipped            tests skipped
     * @param failedTests        details of the first failed tests
     * @param omittedFailedTests failed tests left out of {@code failedTests}
     */
    public TestSummary(final int total, final int failed, final int skipped, final List<FailedTest> failedTests,
            final int omittedFailedTests) {
        this(total, failed, skipped, failedTests, omittedFailedTests, 0, List.of());
    }

    /**
     * Returns this summary with report files that could not be read.
     *
     * @param count every unreadable file
     * @param named the first of them as {@code name (reason)}; more than {@link #MAX_UNREADABLE_NAMED} are dropped
     * @return the new summary
     */
    public TestSummary withUnreadableReports(final int count, final List<String> named) {
        return new TestSummary(total, failed, skipped, failedTests, omittedFailedTests, count, named);
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
        List<String> unreadable = new ArrayList<>(unreadableNamed);
        unreadable.addAll(other.unreadableNamed);
        return new TestSummary(total + other.total, failed + other.failed, skipped + other.skipped, combined,
                omittedFailedTests + other.omittedFailedTests, unreadableReports + other.unreadableReports,
                unreadable);
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
