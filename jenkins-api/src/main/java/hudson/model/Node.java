package hudson.model;

import jenkins.util.io.OnMaster;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;

/** The controller or an agent. */
public abstract class Node implements ExtensionPoint, AccessControlled, PersistenceRoot, OnMaster {
    private Node() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public abstract String getNodeName();

    public abstract String getNodeDescription();

    @CheckForNull
    public final Computer toComputer() {
        throw new UnsupportedOperationException();
    }

    public abstract String getLabelString();
}
