package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.jenkinsci.plugins.workflow.graph.BlockEndNode;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import java.io.IOException;
import java.util.List;

/** The graph of one Pipeline run. */
public abstract class FlowExecution {
    private FlowExecution() {
        throw new UnsupportedOperationException();
    }

    public abstract FlowExecutionOwner getOwner();

    public abstract List<FlowNode> getCurrentHeads();

    public abstract boolean isCurrentHead(FlowNode n);

    public boolean isComplete() {
        throw new UnsupportedOperationException();
    }

    public final @CheckForNull Throwable getCauseOfFailure() {
        throw new UnsupportedOperationException();
    }

    public abstract @CheckForNull FlowNode getNode(String id) throws IOException;

    public boolean isActive(@NonNull FlowNode node) {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull BlockEndNode getEndNode(@NonNull BlockStartNode startNode) {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull BlockStartNode findEnclosingBlockStart(@NonNull FlowNode node) {
        throw new UnsupportedOperationException();
    }

    public @NonNull List<BlockStartNode> findAllEnclosingBlockStarts(@NonNull FlowNode node) {
        throw new UnsupportedOperationException();
    }
}
