package org.jenkinsci.plugins.workflow.graph;

/** A step that is not a block. */
public abstract class AtomNode extends FlowNode {
    AtomNode() {
        throw new UnsupportedOperationException();
    }
}
