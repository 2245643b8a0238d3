package hudson.tasks;

import hudson.ExtensionPoint;

/** A {@link Publisher} that notifies about a build result. */
public abstract class Notifier extends Publisher implements ExtensionPoint {
    protected Notifier() {
        throw new UnsupportedOperationException();
    }

    @Override
    public BuildStepDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
