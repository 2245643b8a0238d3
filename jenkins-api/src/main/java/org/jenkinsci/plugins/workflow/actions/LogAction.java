package org.jenkinsci.plugins.workflow.actions;

import org.jenkinsci.plugins.workflow.graph.FlowNode;
import hudson.console.AnnotatedLargeText;

/** The log of one step node. */
public abstract class LogAction implements PersistentAction {
    LogAction() {
        throw new UnsupportedOperationException();
    }

    public abstract AnnotatedLargeText<? extends FlowNode> getLogText();

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
