package hudson.model;

import jenkins.util.io.OnMaster;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.security.Permission;
import jenkins.model.Loadable;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/** Metadata and form handling of a {@link Describable} type. */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException();
    }

    protected Descriptor() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public Class<T> getT() {
        throw new UnsupportedOperationException();
    }

    public T newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        throw new UnsupportedOperationException();
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException();
    }

    public String getHelpFile(final String fieldName) {
        throw new UnsupportedOperationException();
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException();
    }

    public String getConfigPage() {
        throw new UnsupportedOperationException();
    }

    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    /** Form submission failure, shown next to the field it names. */
    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            super(message);
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
        }

        public String getFormField() {
            throw new UnsupportedOperationException();
        }
    }
}
