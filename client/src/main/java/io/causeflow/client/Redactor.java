package io.causeflow.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes secrets (API key, webhook secret, stream token) from text before it goes into an outcome, an
 * exception or a log line. Immutable; {@link #toString()} shows only how many secrets it knows.
 */
public final class Redactor {
    /** What a removed secret is replaced with. */
    public static final String MASK = "****";
    /**
     * Shorter values are not searched for: masking every "s" of a one-letter test secret would garble each
     * message while hiding nothing, since such a value cannot be told apart from ordinary text.
     */
    public static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private Redactor(final List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Creates a redactor; {@code null} secrets and those shorter than {@link #MIN_SECRET_LENGTH} are ignored.
     *
     * @param secrets the values to remove
     * @return the redactor
     */
    public static Redactor of(final String... secrets) {
        List<String> list = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                list.add(secret);
            }
        }
        // Longest first, so a secret that contains another is removed whole.
        list.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(list));
    }

    /**
     * Replaces every occurrence of every secret with {@link #MASK}.
     *
     * @param text any text, {@code null} becomes the empty string
     * @return the text without secrets
     */
    public String redact(final String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
