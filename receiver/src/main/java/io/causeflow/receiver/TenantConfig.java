package io.causeflow.receiver;

import io.causeflow.receiver.model.Tenant;

/**
 * One tenant of the receiver. {@link #toString()} shows the id only.
 *
 * @param tenantId      path segment of {@code /v1/webhooks/{tenantId}/custom}
 * @param apiKey        expected {@code X-API-Key}; also selects the tenant on the incident endpoints
 * @param webhookSecret HMAC-SHA256 key (UTF-8 bytes) for {@code X-Webhook-Signature}
 * @param streamToken   {@code Authorization: Bearer} token of the SSE stream
 */
public record TenantConfig(String tenantId, String apiKey, String webhookSecret, String streamToken) {
    /** Validates (messages name the field, never a secret's value). */
    public TenantConfig {
        toTenant(tenantId, apiKey, webhookSecret, streamToken);
    }

    Tenant toTenant() {
        return toTenant(tenantId, apiKey, webhookSecret, streamToken);
    }

    private static Tenant toTenant(String tenantId, String apiKey, String webhookSecret, String streamToken) {
        return new Tenant(tenantId, apiKey, webhookSecret, streamToken);
    }

    @Override
    public String toString() {
        return "TenantConfig[tenantId=" + tenantId + ", apiKey=****, webhookSecret=****, streamToken=****]";
    }
}
