package hudson.model;

import org.kohsuke.stapler.StaplerProxy;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.security.AccessControlled;

/** The runtime state of a {@link Node}. */
public abstract class Computer extends Actionable implements AccessControlled, DescriptorByNameOwner, StaplerProxy {
    private Computer() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getName() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Computer currentComputer() {
        throw new UnsupportedOperationException();
    }

    public final boolean isOnline() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
