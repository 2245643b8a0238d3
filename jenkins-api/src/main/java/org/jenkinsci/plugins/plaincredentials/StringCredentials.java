package org.jenkinsci.plugins.plaincredentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** A secret text credential. */
public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
