package io.causeflow.receiver.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tenant and its three credentials. {@link #toString()} never shows a credential.
 *
 * @param tenantId      path segment of the webhook URL
 * @param apiKey        expected {@code X-API-Key}
 * @param webhookSecret HMAC-SHA256 key (UTF-8 bytes) of the webhook signature
 * @param streamToken   bearer token of the SSE stream
 */
public record Tenant(String tenantId, String apiKey, String webhookSecret, String streamToken) {
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Validates every field; messages name the field, never its value when it is a secret. */
    public Tenant {
        Objects.requireNonNull(tenantId, "tenantId");
        if (!TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenantId must be 1-128 characters of [A-Za-z0-9._-] starting with a letter "
                    + "or digit");
        }
        requireSecret(apiKey, "apiKey", tenantId);
        requireSecret(webhookSecret, "webhookSecret", tenantId);
        requireSecret(streamToken, "streamToken", tenantId);
    }

    private static void requireSecret(String value, String field, String tenantId) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " of tenant '" + tenantId + "' is missing or blank");
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            // Header values: printable ASCII without spaces keeps curl examples and header parsing unambiguous.
            throw new IllegalArgumentException(field + " of tenant '" + tenantId
                    + "' must be printable ASCII without spaces");
        }
    }

    /** Constant-time comparison of a presented API key. */
    public boolean acceptsApiKey(String presented) {
        return constantTimeEquals(apiKey, presented);
    }

    /** Constant-time comparison of a presented stream token. */
    public boolean acceptsStreamToken(String presented) {
        return constantTimeEquals(streamToken, presented);
    }

    /**
     * Compares without an early exit on the first differing byte. {@link MessageDigest#isEqual} is documented to be
     * time-constant for inputs of equal length; a length mismatch leaks only the length.
     */
    public static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Tenant[tenantId=" + tenantId + ", apiKey=****, webhookSecret=****, streamToken=****]";
    }
}
