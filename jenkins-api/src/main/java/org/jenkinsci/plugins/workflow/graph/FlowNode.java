package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.jenkinsci.plugins.workflow.actions.ErrorAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

/** A node of the Pipeline graph (a step, a block start or end). */
public abstract class FlowNode extends Actionable implements Saveable {
    FlowNode() {
        throw new UnsupportedOperationException();
    }

    public final boolean isActive() {
        throw new UnsupportedOperationException();
    }

    public final @CheckForNull ErrorAction getError() {
        throw new UnsupportedOperationException();
    }

    public @NonNull FlowExecution getExecution() {
        throw new UnsupportedOperationException();
    }

    public List<FlowNode> getParents() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public String getEnclosingId() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<? extends BlockStartNode> getEnclosingBlocks() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public Iterable<BlockStartNode> iterateEnclosingBlocks() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<String> getAllEnclosingIds() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<String> getParentIds() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayFunctionName() {
        throw new UnsupportedOperationException();
    }

    protected abstract String getTypeDisplayName();

    @CheckForNull
    public final <T extends Action> T getPersistentAction(@NonNull Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }
}
