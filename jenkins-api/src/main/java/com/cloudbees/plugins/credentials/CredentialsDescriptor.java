package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** Descriptor of a {@link Credentials} type. */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    private CredentialsDescriptor() {
        throw new UnsupportedOperationException();
    }
}
