package hudson.tasks.junit;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

/** One test case. */
public class CaseResult extends hudson.tasks.test.TestResult implements Comparable<CaseResult> {
    private CaseResult() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public float getDuration() {
        throw new UnsupportedOperationException();
    }

    public String getClassName() {
        throw new UnsupportedOperationException();
    }

    public String getSimpleName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getFailedSince() {
        throw new UnsupportedOperationException();
    }

    public int getAge() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getErrorStackTrace() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getErrorDetails() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isPassed() {
        throw new UnsupportedOperationException();
    }

    public boolean isSkipped() {
        throw new UnsupportedOperationException();
    }

    public boolean isFailed() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public String getFlowNodeId() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<String> getEnclosingFlowNodeIds() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<String> getEnclosingFlowNodeNames() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(CaseResult that) {
        throw new UnsupportedOperationException();
    }
}
