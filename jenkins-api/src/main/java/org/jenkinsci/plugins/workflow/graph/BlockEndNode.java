package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.NonNull;

/** End of a block. */
public abstract class BlockEndNode<START extends BlockStartNode> extends FlowNode {
    BlockEndNode() {
        throw new UnsupportedOperationException();
    }

    public @NonNull START getStartNode() {
        throw new UnsupportedOperationException();
    }
}
