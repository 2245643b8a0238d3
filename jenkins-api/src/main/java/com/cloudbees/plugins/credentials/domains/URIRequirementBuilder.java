package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

/** Builds the domain requirements of a URI. */
public class URIRequirementBuilder {
    private URIRequirementBuilder() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static URIRequirementBuilder create() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public URIRequirementBuilder withUri(@CheckForNull String uri) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException();
    }
}
