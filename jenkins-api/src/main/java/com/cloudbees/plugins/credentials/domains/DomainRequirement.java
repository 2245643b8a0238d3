package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** A requirement a credential's domain must meet. */
public class DomainRequirement implements ExtensionPoint, Serializable {
    public DomainRequirement() {
        throw new UnsupportedOperationException();
    }
}
