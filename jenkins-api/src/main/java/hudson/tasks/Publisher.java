package hudson.tasks;

import hudson.model.Describable;
import hudson.model.Descriptor;

/** A post-build step. */
public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {
    protected Publisher() {
        throw new UnsupportedOperationException();
    }

    public boolean needsToRunAfterFinalized() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Descriptor<Publisher> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
