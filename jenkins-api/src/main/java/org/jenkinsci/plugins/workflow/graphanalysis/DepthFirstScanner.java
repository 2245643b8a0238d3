package org.jenkinsci.plugins.workflow.graphanalysis;

/** Depth-first walk over every node of a flow graph. */
public class DepthFirstScanner extends AbstractFlowScanner {
    public DepthFirstScanner() {
        throw new UnsupportedOperationException();
    }
}
