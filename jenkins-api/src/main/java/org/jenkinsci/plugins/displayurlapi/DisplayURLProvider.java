package org.jenkinsci.plugins.displayurlapi;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Job;
import hudson.model.Run;

/** Builds the user-facing URLs of runs and jobs (classic UI or another UI). */
public abstract class DisplayURLProvider implements ExtensionPoint {
    public DisplayURLProvider() {
        throw new UnsupportedOperationException();
    }

    public static DisplayURLProvider get() {
        throw new UnsupportedOperationException();
    }

    public static ExtensionList<DisplayURLProvider> all() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getRoot() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public abstract String getRunURL(Run<?, ?> run);

    @NonNull
    public String getArtifactsURL(Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public abstract String getChangesURL(Run<?, ?> run);

    @NonNull
    public abstract String getTestsURL(Run<?, ?> run);

    @NonNull
    public abstract String getJobURL(Job<?, ?> job);
}
