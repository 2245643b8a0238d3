package hudson.tasks.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.util.List;
import jenkins.model.RunAction2;

/** The test result summary attached to a build. */
public abstract class AbstractTestResultAction<T extends AbstractTestResultAction> implements RunAction2 {
    protected AbstractTestResultAction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    public abstract int getFailCount();

    public int getSkipCount() {
        throw new UnsupportedOperationException();
    }

    public abstract int getTotalCount();

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    public abstract Object getResult();

    public List<? extends TestResult> getFailedTests() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<? extends TestResult> getPassedTests() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<? extends TestResult> getSkippedTests() {
        throw new UnsupportedOperationException();
    }
}
