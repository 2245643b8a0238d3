package io.causeflow.client.outbox;

/**
 * Turns a credential id stored in an entry into its secret, at send time, so no secret is ever written to the
 * outbox. The plugin resolves in the context of the entry's build ({@link OutboxEntry#buildId()}); the command
 * line returns the secrets from its environment.
 */
@FunctionalInterface
public interface CredentialResolver {
    /**
     * Resolves one secret.
     *
     * @param credentialId the id stored in the entry ({@link OutboxEntry#apiKeyCredentialId()} or
     *        {@link OutboxEntry#webhookSecretCredentialId()})
     * @param entry the entry being sent (no body, no secret)
     * @return the secret, never blank
     * @throws CredentialUnavailableException when it cannot be resolved now ({@link
     *         CredentialUnavailableException#isFinal()} says whether it ever will)
     */
    String resolve(String credentialId, OutboxEntry entry) throws CredentialUnavailableException;
}
