package io.causeflow.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The two CauseFlow URLs this library talks to, built from a validated base URL. */
public final class Endpoints {
    /** Longest tenant id accepted. */
    public static final int TENANT_ID_MAX_CHARS = 128;

    private Endpoints() {
    }

    /**
     * The ingestion URL, {@code {baseUrl}/v1/webhooks/{tenantId}/custom}, with the tenant id percent-encoded
     * as one path segment.
     *
     * @param baseUrl http(s) URL, optionally with a path prefix
     * @param tenantId the tenant id
     * @return the URL
     */
    public static URI webhook(final URI baseUrl, final String tenantId) {
        requireBaseUrl(baseUrl);
        requireTenantId(tenantId);
        return URI.create(trimmed(baseUrl) + "/v1/webhooks/" + encodeSegment(tenantId) + "/custom");
    }

    /**
     * The event stream URL, {@code {baseUrl}/v1/notifications/stream}.
     *
     * @param baseUrl http(s) URL, optionally with a path prefix
     * @return the URL
     */
    public static URI notificationStream(final URI baseUrl) {
        requireBaseUrl(baseUrl);
        return URI.create(trimmed(baseUrl) + "/v1/notifications/stream");
    }

    static void requireBaseUrl(final URI baseUrl) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        String scheme = baseUrl.getScheme();
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL with a host, was "
                    + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not have user info, a query or a fragment");
        }
    }

    static void requireTenantId(final String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        if (tenantId.length() > TENANT_ID_MAX_CHARS) {
            throw new IllegalArgumentException("tenantId: " + tenantId.length() + " characters exceed the limit of "
                    + TENANT_ID_MAX_CHARS);
        }
        if (".".equals(tenantId) || "..".equals(tenantId)) {
            throw new IllegalArgumentException("tenantId must not be '.' or '..'");
        }
        for (int i = 0; i < tenantId.length(); i++) {
            char c = tenantId.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("tenantId must not contain whitespace or control characters");
            }
        }
    }

    private static String trimmed(final URI baseUrl) {
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** RFC 3986 path segment: everything but unreserved characters is percent-encoded (UTF-8). */
    static String encodeSegment(final String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            }
            else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
