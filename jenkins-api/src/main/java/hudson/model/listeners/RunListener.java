package hudson.model.listeners;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/** Receives run lifecycle events. */
public abstract class RunListener<R extends Run> implements ExtensionPoint {
    public final Class<R> targetType;

    protected RunListener(Class<R> targetType) {
        throw new UnsupportedOperationException();
    }

    protected RunListener() {
        throw new UnsupportedOperationException();
    }

    public void onCompleted(R r, @NonNull TaskListener listener) {
        throw new UnsupportedOperationException();
    }

    public void onFinalized(R r) {
        throw new UnsupportedOperationException();
    }

    public void onInitialize(R r) {
        throw new UnsupportedOperationException();
    }

    public void onStarted(R r, TaskListener listener) {
        throw new UnsupportedOperationException();
    }

    public void onDeleted(R r) {
        throw new UnsupportedOperationException();
    }

    public static ExtensionList<RunListener> all() {
        throw new UnsupportedOperationException();
    }
}
