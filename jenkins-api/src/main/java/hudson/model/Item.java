package hudson.model;

import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import java.util.Collection;

/** A configurable, named thing in the Jenkins tree (job, folder, ...). */
public interface Item extends PersistenceRoot, FullyNamedModelObject, FullyNamed, Named, AccessControlled, OnMaster {
    Permission CREATE = new Permission(null, "Create", null);
    Permission DELETE = new Permission(null, "Delete", null);
    Permission CONFIGURE = new Permission(null, "Configure", null);
    Permission READ = new Permission(null, "Read", null);
    Permission DISCOVER = new Permission(null, "Discover", READ);
    Permission EXTENDED_READ = new Permission(null, "ExtendedRead", CONFIGURE);
    Permission BUILD = new Permission(null, "Build", null);
    Permission WORKSPACE = new Permission(null, "Workspace", null);
    Permission WIPEOUT = new Permission(null, "WipeOut", null);
    Permission CANCEL = new Permission(null, "Cancel", null);

    ItemGroup<? extends Item> getParent();

    Collection<? extends Job> getAllJobs();

    String getName();

    String getFullName();

    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    String getShortUrl();

    @Deprecated
    default String getAbsoluteUrl() {
        throw new UnsupportedOperationException();
    }

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    @Override
    void save() throws IOException;

    void delete() throws IOException, InterruptedException;
}
