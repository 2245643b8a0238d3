package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Factory of {@link CredentialsMatcher}s. */
public class CredentialsMatchers {
    private CredentialsMatchers() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static CredentialsMatcher never() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static CredentialsMatcher allOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials,
            @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException();
    }
}
