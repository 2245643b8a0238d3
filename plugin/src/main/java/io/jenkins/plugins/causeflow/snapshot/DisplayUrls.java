package io.jenkins.plugins.causeflow.snapshot;

import hudson.model.Run;
import org.jenkinsci.plugins.displayurlapi.DisplayURLProvider;

/**
 * Build and job URLs from display-url-api (e.g. Blue Ocean or a redirect), an optional dependency: called only after
 * {@link RunSnapshotReader} has checked that the plugin's classes are present.
 */
final class DisplayUrls {
    /** A class of display-url-api, to test whether it is installed. */
    static final String MARKER_CLASS = "org.jenkinsci.plugins.displayurlapi.DisplayURLProvider";

    private DisplayUrls() {
    }

    static String runUrl(final Run<?, ?> run) {
        return DisplayURLProvider.get().getRunURL(run);
    }

    static String jobUrl(final Run<?, ?> run) {
        return DisplayURLProvider.get().getJobURL(run.getParent());
    }
}
