package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;

/** Marks a node as unstable (or worse) without failing it. */
public class WarningAction implements PersistentAction {
    public WarningAction(@NonNull Result result) {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull String getMessage() {
        throw new UnsupportedOperationException();
    }

    public @NonNull Result getResult() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
