package hudson.tasks;

import hudson.ExtensionPoint;

/** A {@link Publisher} that records build results. */
public abstract class Recorder extends Publisher implements ExtensionPoint {
    protected Recorder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public BuildStepDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
