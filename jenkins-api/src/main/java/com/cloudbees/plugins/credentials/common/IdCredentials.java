package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;
import com.cloudbees.plugins.credentials.Credentials;

/** Credentials with an id. */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
