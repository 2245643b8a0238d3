package io.causeflow.client.investigation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The stream's bearer token, held so that it cannot reach a log line by accident: {@link #toString()} masks it. */
public final class StreamToken {
    private final String value;

    private StreamToken(final String value) {
        this.value = value;
    }

    /**
     * @param value the token
     * @return the wrapped token
     * @throws IllegalArgumentException when blank (the message never contains the value)
     */
    public static StreamToken of(final String value) {
        Objects.requireNonNull(value, "token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the stream token is blank");
        }
        return new StreamToken(value.strip());
    }

    /** For this package only: the one place that needs the value builds the stream client. */
    String reveal() {
        return value;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof StreamToken token && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                token.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // no hint about the value; tokens are compared rarely (on a settings change)
    }

    @Override
    public String toString() {
        return "StreamToken[****]";
    }
}
