package io.jenkins.plugins.causeflow.delivery;

import java.util.Optional;

/**
 * The result of looking up one credential: its secret value, or why there is none. {@link #toString()} never shows
 * the value.
 */
public final class SecretLookup {
    private final Kind kind;
    private final String credentialsId;
    private final String value;
    private final String actualType;

    private SecretLookup(final Kind kind, final String credentialsId, final String value, final String actualType) {
        this.kind = kind;
        this.credentialsId = credentialsId;
        this.value = value;
        this.actualType = actualType;
    }

    /**
     * A Secret text credential was found.
     *
     * @param credentialsId its ID
     * @param secret        its plain value
     * @return the result
     */
    public static SecretLookup found(final String credentialsId, final String secret) {
        return new SecretLookup(Kind.FOUND, credentialsId, secret, "");
    }

    /**
     * No credential with that ID is visible to the build.
     *
     * @param credentialsId the ID
     * @return the result
     */
    public static SecretLookup missing(final String credentialsId) {
        return new SecretLookup(Kind.MISSING, credentialsId, "", "");
    }

    /**
     * A credential with that ID exists but is not Secret text.
     *
     * @param credentialsId the ID
     * @param actualType    a readable name of its type, e.g. "Username with password"
     * @return the result
     */
    public static SecretLookup wrongType(final String credentialsId, final String actualType) {
        return new SecretLookup(Kind.WRONG_TYPE, credentialsId, "", actualType);
    }

    /**
     * Returns what was found.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the credentials ID looked up.
     *
     * @return the ID
     */
    public String credentialsId() {
        return credentialsId;
    }

    /**
     * Returns the secret value when found.
     *
     * @return the value, or empty
     */
    public Optional<String> secret() {
        return kind == Kind.FOUND ? Optional.of(value) : Optional.empty();
    }

    /**
     * Returns the type of a wrong-type credential.
     *
     * @return the type name, empty unless {@link Kind#WRONG_TYPE}
     */
    public String actualType() {
        return actualType;
    }

    @Override
    public String toString() {
        return "SecretLookup[" + kind + ", id=" + credentialsId + "]";
    }

    /** What a lookup found. */
    public enum Kind {
        FOUND, MISSING, WRONG_TYPE
    }
}
