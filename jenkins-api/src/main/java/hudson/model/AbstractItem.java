package hudson.model;

import org.kohsuke.stapler.StaplerProxy;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import java.io.File;
import java.io.IOException;

/** Partial implementation of {@link Item}. */
public abstract class AbstractItem extends Actionable
        implements Loadable, Item, AccessControlled, DescriptorByNameOwner, StaplerProxy {
    AbstractItem() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ItemGroup getParent() {
        throw new UnsupportedOperationException();
    }

    public String getDescription() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getShortUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public final String getAbsoluteUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onCopiedFrom(Item src) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public String getSearchUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
