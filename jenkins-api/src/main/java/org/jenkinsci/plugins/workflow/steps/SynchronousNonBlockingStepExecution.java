package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Runs {@link #run()} on a background thread, off the CPS VM thread. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException();
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException();
    }

    @Override
    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean blocksRestart() {
        throw new UnsupportedOperationException();
    }
}
