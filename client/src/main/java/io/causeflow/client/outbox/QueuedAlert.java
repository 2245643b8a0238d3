package io.causeflow.client.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.Alert;
import io.causeflow.client.Endpoints;
import io.causeflow.client.SignatureFormat;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link Outbox#enqueue} stores: the exact body bytes to sign and send, where to send them, and the ids
 * (never the values) of the credentials to sign and authenticate with. Built by {@link #builder()}.
 *
 * @param body the JSON body, sent and signed byte for byte as given
 * @param endpoint the full webhook URL ({@code …/v1/webhooks/{tenantId}/custom})
 * @param tenantId the tenant, for the record and for admin pages
 * @param sourceAlertId the dedup key; required because redelivery after a crash relies on it (409 = delivered)
 * @param signatureFormat how the HMAC goes into the header
 * @param apiKeyCredentialId id the {@link CredentialResolver} turns into the API key
 * @param webhookSecretCredentialId id the {@link CredentialResolver} turns into the webhook secret
 * @param buildId the build this alert is about (e.g. Jenkins' externalizable id), for the record; may be null
 */
public record QueuedAlert(byte[] body, URI endpoint, String tenantId, String sourceAlertId,
        SignatureFormat signatureFormat, String apiKeyCredentialId, String webhookSecretCredentialId,
        @CheckForNull String buildId) {
    /** Largest body accepted (the alert model caps bodies at 256 KiB; this leaves room, and bounds reads). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Largest id, credential id or build id. */
    public static final int MAX_ID_CHARS = 512;

    /** Validates; messages name the field. The body is copied. */
    public QueuedAlert {
        Objects.requireNonNull(body, "body");
        if (body.length == 0 || body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body must be 1.." + MAX_BODY_BYTES + " bytes, was " + body.length);
        }
        body = body.clone();
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http(s) URL");
        }
        requireId("tenantId", tenantId);
        requireId("sourceAlertId", sourceAlertId);
        Objects.requireNonNull(signatureFormat, "signatureFormat");
        requireId("apiKeyCredentialId", apiKeyCredentialId);
        requireId("webhookSecretCredentialId", webhookSecretCredentialId);
        if (buildId != null) {
            requireId("buildId", buildId);
        }
    }

    /** @return a copy of the body */
    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyShared() {
        return body;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    static void requireId(final String name, @CheckForNull final String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_ID_CHARS + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " contains a control character at position " + i);
            }
        }
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof QueuedAlert other && Arrays.equals(body, other.body) && endpoint.equals(other.endpoint)
                && tenantId.equals(other.tenantId) && sourceAlertId.equals(other.sourceAlertId)
                && signatureFormat == other.signatureFormat && apiKeyCredentialId.equals(other.apiKeyCredentialId)
                && webhookSecretCredentialId.equals(other.webhookSecretCredentialId)
                && Objects.equals(buildId, other.buildId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(body), endpoint, tenantId, sourceAlertId, signatureFormat,
                apiKeyCredentialId, webhookSecretCredentialId, buildId);
    }

    @Override
    public String toString() {
        return "QueuedAlert[" + sourceAlertId + " → " + endpoint + ", " + body.length + " bytes, credentials "
                + apiKeyCredentialId + "/" + webhookSecretCredentialId + (buildId == null ? "" : ", build " + buildId)
                + "]";
    }

    /** Builder: from an {@link Alert} (its deterministic JSON) or raw body bytes. */
    public static final class Builder {
        @CheckForNull
        private byte[] body;
        @CheckForNull
        private String sourceAlertId;
        @CheckForNull
        private URI baseUrl;
        @CheckForNull
        private String tenantId;
        private SignatureFormat signatureFormat = SignatureFormat.PREFIXED;
        @CheckForNull
        private String apiKeyCredentialId;
        @CheckForNull
        private String webhookSecretCredentialId;
        @CheckForNull
        private String buildId;

        private Builder() {
        }

        /**
         * @param alert the alert; its JSON bytes become the body and its sourceAlertId the dedup key
         * @return this
         * @throws IllegalArgumentException when the alert has no sourceAlertId
         */
        public Builder alert(final Alert alert) {
            this.body = alert.toJsonBytes();
            this.sourceAlertId = alert.sourceAlertId().orElseThrow(() -> new IllegalArgumentException(
                    "an alert queued for later delivery needs a sourceAlertId: redelivery after a crash relies on "
                            + "the server's dedup (409) to open one incident only"));
            return this;
        }

        /** @param baseUrl the service's base URL; the webhook endpoint is derived with the tenant id */
        public Builder baseUrl(final URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder tenantId(final String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder signatureFormat(final SignatureFormat signatureFormat) {
            this.signatureFormat = Objects.requireNonNull(signatureFormat, "signatureFormat");
            return this;
        }

        /** @param apiKeyCredentialId an id the resolver understands; never the key itself */
        public Builder apiKeyCredentialId(final String apiKeyCredentialId) {
            this.apiKeyCredentialId = apiKeyCredentialId;
            return this;
        }

        /** @param webhookSecretCredentialId an id the resolver understands; never the secret itself */
        public Builder webhookSecretCredentialId(final String webhookSecretCredentialId) {
            this.webhookSecretCredentialId = webhookSecretCredentialId;
            return this;
        }

        /** @param buildId the build the alert is about, kept for the record; optional */
        public Builder buildId(@CheckForNull final String buildId) {
            this.buildId = buildId;
            return this;
        }

        /**
         * @return the validated alert to queue
         * @throws IllegalArgumentException naming the missing or invalid field
         */
        public QueuedAlert build() {
            if (body == null) {
                throw new IllegalArgumentException("alert is required");
            }
            if (baseUrl == null) {
                throw new IllegalArgumentException("baseUrl is required");
            }
            return new QueuedAlert(body, Endpoints.webhook(baseUrl, tenantId), tenantId, sourceAlertId,
                    signatureFormat, apiKeyCredentialId, webhookSecretCredentialId, buildId);
        }
    }
}
