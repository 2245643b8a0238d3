package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

/** An object that holds {@link Action}s. */
public abstract class Actionable {
    public Actionable() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<Action> getActions() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public void replaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
