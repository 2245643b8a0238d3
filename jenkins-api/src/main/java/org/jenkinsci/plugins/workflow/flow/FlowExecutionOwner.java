package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;

/** Owns a {@link FlowExecution} (a Pipeline run). */
public abstract class FlowExecutionOwner implements Serializable {
    private FlowExecutionOwner() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public abstract FlowExecution get() throws IOException;

    public @CheckForNull FlowExecution getOrNull() {
        throw new UnsupportedOperationException();
    }

    public abstract String getUrl() throws IOException;

    @NonNull
    public TaskListener getListener() throws IOException {
        throw new UnsupportedOperationException();
    }

    /** A run (such as a Pipeline build) that has a flow execution. */
    public interface Executable {
        @CheckForNull
        FlowExecutionOwner asFlowExecutionOwner();
    }
}
