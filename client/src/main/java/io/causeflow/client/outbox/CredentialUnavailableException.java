package io.causeflow.client.outbox;

/**
 * A credential could not be resolved for a queued alert. Final (the job or build was deleted, the credential
 * does not exist) moves the entry to {@code dead/} with the message as reason; otherwise it is retried like a
 * transient delivery failure. The message must name what is missing, never a secret.
 */
public final class CredentialUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean isFinal;

    private CredentialUnavailableException(final String message, final boolean isFinal) {
        super(message);
        this.isFinal = isFinal;
    }

    /**
     * @param reason what is missing, e.g. "build team/app #42 was deleted"
     * @return an exception that moves the entry to {@code dead/}
     */
    public static CredentialUnavailableException permanently(final String reason) {
        return new CredentialUnavailableException(reason, true);
    }

    /**
     * @param reason what is missing now, e.g. "Jenkins is still starting"
     * @return an exception after which the entry is retried later
     */
    public static CredentialUnavailableException forNow(final String reason) {
        return new CredentialUnavailableException(reason, false);
    }

    /** @return true when retrying cannot help */
    public boolean isFinal() {
        return isFinal;
    }
}
