package jenkins.model;

import hudson.model.DescriptorByNameOwner;
import org.kohsuke.stapler.StaplerProxy;
import jenkins.util.io.OnMaster;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.ProxyConfiguration;
import hudson.model.Computer;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Node;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;

/** The Jenkins controller, root of the object model. */
public class Jenkins implements StaplerProxy, AccessControlled, DescriptorByNameOwner, OnMaster, Loadable {
    public static final Permission ADMINISTER = new Permission(null, "Administer", null);
    public static final Permission MANAGE = new Permission(null, "Manage", ADMINISTER);
    public static final Permission SYSTEM_READ = new Permission(null, "SystemRead", ADMINISTER);
    public static final Permission READ = new Permission(null, "Read", ADMINISTER);

    public transient volatile ProxyConfiguration proxy;

    private Jenkins() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException();
    }

    public @Nullable String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException();
    }

    public String getLegacyInstanceId() {
        throw new UnsupportedOperationException();
    }

    public String getFullName() {
        throw new UnsupportedOperationException();
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        throw new UnsupportedOperationException();
    }

    public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type)
            throws AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public Computer getComputer(String name) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public Node getNode(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load() throws IOException {
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
