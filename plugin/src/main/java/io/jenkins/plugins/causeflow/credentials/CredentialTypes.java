package io.jenkins.plugins.causeflow.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;

/** Names a credential's type for log lines, without ever touching its secret. */
final class CredentialTypes {
    private CredentialTypes() {
    }

    /**
     * Describes a credential's type.
     *
     * @param credential the credential
     * @return e.g. {@code UsernamePasswordCredentialsImpl}
     */
    static String describe(final IdCredentials credential) {
        return credential.getClass().getSimpleName();
    }
}
