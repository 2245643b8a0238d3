package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Name of a parallel branch. */
public interface ThreadNameAction extends PersistentAction {
    @NonNull
    String getThreadName();
}
