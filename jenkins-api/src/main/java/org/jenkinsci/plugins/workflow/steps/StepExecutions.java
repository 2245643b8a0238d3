package org.jenkinsci.plugins.workflow.steps;

/** Lambda-friendly step executions. */
public class StepExecutions {
    private StepExecutions() {
        throw new UnsupportedOperationException();
    }

    public static StepExecution synchronousNonBlocking(StepContext context, SynchronousBody body) {
        throw new UnsupportedOperationException();
    }

    public static StepExecution synchronousNonBlockingVoid(StepContext context, SynchronousBodyVoid body) {
        throw new UnsupportedOperationException();
    }

    /** Body returning a value. */
    @FunctionalInterface
    public interface SynchronousBody {
        Object call(StepContext context) throws Exception;
    }

    /** Body returning nothing. */
    @FunctionalInterface
    public interface SynchronousBodyVoid {
        void call(StepContext context) throws Exception;

        default SynchronousBody asReturn() {
            throw new UnsupportedOperationException();
        }
    }
}
