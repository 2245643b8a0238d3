package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** The Jenkins URL and admin address configuration. */
public class JenkinsLocationConfiguration extends GlobalConfiguration {
    public static final int ORDINAL = 200;

    private JenkinsLocationConfiguration() {
        throw new UnsupportedOperationException();
    }

    public static @NonNull JenkinsLocationConfiguration get() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull String getUrl() {
        throw new UnsupportedOperationException();
    }

    public String getAdminAddress() {
        throw new UnsupportedOperationException();
    }
}
