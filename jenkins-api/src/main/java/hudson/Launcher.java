package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;

/** Starts processes on a node. */
public abstract class Launcher {
    private Launcher() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public TaskListener getListener() {
        throw new UnsupportedOperationException();
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException();
    }
}
