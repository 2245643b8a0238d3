package io.jenkins.plugins.causeflow.snapshot;

import hudson.model.Run;
import hudson.tasks.junit.CaseResult;
import hudson.tasks.test.AbstractTestResultAction;
import hudson.tasks.test.TestResult;
import io.causeflow.client.failure.FailedTest;
import io.causeflow.client.failure.SnapshotLimits;
import io.causeflow.client.failure.TestSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads every {@code AbstractTestResultAction} of a build (a Pipeline may carry several) into one summary. Links
 * against the junit plugin, an optional dependency: called only after {@link RunSnapshotReader} has checked that the
 * plugin's classes are present.
 */
final class TestResultsReader {
    /** A class of the junit plugin, to test whether it is installed. */
    static final String MARKER_CLASS = "hudson.tasks.test.AbstractTestResultAction";

    private TestResultsReader() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"}) // AbstractTestResultAction is generic in itself
    static TestSummary read(final Run<?, ?> run) {
        TestSummary summary = TestSummary.none();
        for (AbstractTestResultAction action : run.getActions(AbstractTestResultAction.class)) {
            List<FailedTest> failed = new ArrayList<>();
            List<? extends TestResult> failedTests = action.getFailedTests();
            // Only as many as the snapshot keeps; the rest are counted from getFailCount().
            for (TestResult test : failedTests.subList(0, Math.min(failedTests.size(),
                    SnapshotLimits.MAX_FAILED_TESTS))) {
                failed.add(toFailedTest(test));
            }
            summary = summary.plus(TestSummary.of(action.getTotalCount(), action.getFailCount(),
                    action.getSkipCount(), failed));
        }
        return summary;
    }

    private static FailedTest toFailedTest(final TestResult test) {
        if (test instanceof CaseResult caseResult) {
            return FailedTest.of(caseResult.getClassName(), caseResult.getName(), caseResult.getErrorDetails(),
                    outermostFirst(caseResult.getEnclosingFlowNodeNames()));
        }
        return FailedTest.of(null, test.getFullName(), test.getErrorDetails(), List.of());
    }

    /**
     * junit lists a case's enclosing stages and branches innermost first (its own display name reverses them);
     * the snapshot reads outermost first, as a path: {@code Test > linux}.
     */
    static List<String> outermostFirst(final List<String> innermostFirst) {
        List<String> path = new ArrayList<>(innermostFirst);
        Collections.reverse(path);
        return List.copyOf(path);
    }
}
