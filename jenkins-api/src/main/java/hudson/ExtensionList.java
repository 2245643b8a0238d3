package hudson;

import jenkins.util.io.OnMaster;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;

/** The registered instances of one extension point. */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    private ExtensionList() {
        throw new UnsupportedOperationException();
    }

    public <U extends T> U get(@NonNull Class<U> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException();
    }

    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException();
    }

    public static @CheckForNull <U> U lookupFirst(Class<U> type) {
        throw new UnsupportedOperationException();
    }
}
