package hudson.model;

import org.kohsuke.stapler.StaplerProxy;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.model.Loadable;

/** A Jenkins user. */
public class User implements AccessControlled, DescriptorByNameOwner, Loadable, Saveable, Comparable<User>,
        StaplerProxy {
    private User() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getFullName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException();
    }

    public static @CheckForNull User current() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(@NonNull User that) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
