package io.causeflow.receiver.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer: status plus the {@code {error, message}} body (and optional extra fields). Thrown by handlers,
 * written by {@link ErrorMapper}. Messages never contain credentials.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> extra;

    private ApiException(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    static ApiException of(int status, String code, String message) {
        return new ApiException(status, code, message, Map.of());
    }

    static ApiException unknownTenant(String tenantId) {
        return of(404, "unknown_tenant", "no tenant '" + tenantId + "' is configured on this receiver");
    }

    static ApiException invalidApiKey() {
        return of(401, "invalid_api_key", "X-API-Key is missing or is not the API key of this tenant");
    }

    static ApiException invalidSignature() {
        return of(401, "invalid_signature",
                "X-Webhook-Signature is missing or is not the HMAC-SHA256 of the body (sha256=<hex> or <hex>)");
    }

    static ApiException unsupportedMediaType() {
        return of(415, "unsupported_media_type", "Content-Type must be application/json (UTF-8)");
    }

    static ApiException payloadTooLarge(long limit) {
        return of(413, "payload_too_large", "the body is larger than the limit of " + limit + " bytes");
    }

    static ApiException validation(String field, String message) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("field", field);
        return new ApiException(400, "validation_error", message, extra);
    }

    static ApiException unknownProvider(String provider) {
        return of(404, "unknown_provider", "provider '" + provider + "' is not supported by this receiver; use 'custom'");
    }

    static ApiException duplicate(String incidentId) {
        return new ApiException(409, "duplicate_alert",
                "an alert with this sourceAlertId was already received", Map.of("incidentId", incidentId));
    }

    static ApiException unauthorizedStream() {
        return of(401, "unauthorized", "Authorization: Bearer <stream token> is missing or not a tenant's stream token");
    }

    static ApiException unknownEventId(long requested, long newest) {
        return new ApiException(400, "unknown_event_id", "Last-Event-ID " + requested + " is above the newest event id "
                + newest + " of this receiver (was its data reset?); reconnect without Last-Event-ID for live events, or "
                + "with Last-Event-ID: 0 to replay everything", Map.of("newestEventId", newest));
    }

    static ApiException foreignEventId() {
        return of(400, "unknown_event_id", "Last-Event-ID was not issued by this receiver (its ids look like "
                + "evt_000000000042); reconnect without Last-Event-ID for live events, or with Last-Event-ID: 0 to "
                + "replay everything");
    }

    static ApiException tooManyStreams(String tenantId, int limit) {
        return new ApiException(503, "too_many_streams", "tenant '" + tenantId + "' already has " + limit
                + " open event streams, the limit; close one or raise --max-streams-per-tenant", Map.of("limit", limit));
    }

    static ApiException requestTimeout(long received, java.time.Duration timeout) {
        return of(408, "request_timeout", "the request body did not arrive completely within " + timeout.toMillis()
                + " ms (" + received + " bytes received)");
    }

    static ApiException serverBusy(int limit) {
        return of(503, "server_busy", limit + " request bodies are already being received, the limit; retry shortly");
    }

    static ApiException badRequest(String message) {
        return of(400, "bad_request", message);
    }

    static ApiException repeatedHeader(String header, int times) {
        return validation(header, header + " was sent " + times + " times; send it exactly once");
    }

    static ApiException unsupportedEncoding(String message) {
        return of(415, "unsupported_media_type", message);
    }

    static ApiException incidentNotFound(String incidentId) {
        return of(404, "incident_not_found", "no incident '" + incidentId + "' for this tenant");
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Lowercase machine code. */
    public String code() {
        return code;
    }

    /** Extra body fields. */
    public Map<String, Object> extra() {
        return extra;
    }
}
