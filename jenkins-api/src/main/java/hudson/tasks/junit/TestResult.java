package hudson.tasks.junit;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

/** The root of a build's JUnit results. */
public final class TestResult extends hudson.tasks.test.TestResult {
    private TestResult() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getPassCount() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getFailCount() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getSkipCount() {
        throw new UnsupportedOperationException();
    }

    public int getTotalCount() {
        throw new UnsupportedOperationException();
    }

    public List<CaseResult> getFailedTests() {
        throw new UnsupportedOperationException();
    }

    public TestResult getResultByNode(@NonNull String nodeId) {
        throw new UnsupportedOperationException();
    }

    public TestResult getResultByNodes(@NonNull List<String> nodeIds) {
        throw new UnsupportedOperationException();
    }

    public TestResult getResultForPipelineBlock(@NonNull String blockId) {
        throw new UnsupportedOperationException();
    }
}
