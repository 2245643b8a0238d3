package hudson.tasks.junit;

import org.kohsuke.stapler.StaplerProxy;
import hudson.model.Action;
import hudson.tasks.test.AbstractTestResultAction;
import java.util.Collection;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;

/** The JUnit result action of a build. */
public class TestResultAction extends AbstractTestResultAction<TestResultAction>
        implements StaplerProxy, SimpleBuildStep.LastBuildAction {
    private TestResultAction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized TestResult getResult() {
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

    @Override
    public int getTotalCount() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CaseResult> getFailedTests() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
