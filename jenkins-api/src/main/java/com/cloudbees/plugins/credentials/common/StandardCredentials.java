package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Credentials with an id and a description. */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
