package io.jenkins.plugins.causeflow.delivery;

/**
 * Finds the value of a Secret text credential by ID for the build being alerted about. The plugin's edge implements
 * it with {@code CredentialsProvider.findCredentialById} and tracks the use; tests pass a map.
 */
@FunctionalInterface
public interface CredentialLookup {
    /**
     * Looks a credential up.
     *
     * @param credentialsId the ID, never blank
     * @return the secret, or why there is none
     */
    SecretLookup find(String credentialsId);
}
