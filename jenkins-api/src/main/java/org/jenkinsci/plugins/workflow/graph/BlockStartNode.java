package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Start of a block (stage, parallel branch, node, ...). */
public abstract class BlockStartNode extends FlowNode {
    BlockStartNode() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public BlockEndNode getEndNode() {
        throw new UnsupportedOperationException();
    }
}
