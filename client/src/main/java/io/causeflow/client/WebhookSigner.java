package io.causeflow.client;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Signs webhook bodies: HMAC-SHA256 over the exact bytes, key = the webhook secret's UTF-8 bytes, lowercase hex.
 * Immutable and thread-safe (a fresh {@code Mac} per call). {@link #toString()} never shows the secret.
 */
public final class WebhookSigner {
    /** The header the signature is sent in. */
    public static final String HEADER = "X-Webhook-Signature";

    private final byte[] key;
    private final SignatureFormat format;

    private WebhookSigner(final byte[] key, final SignatureFormat format) {
        this.key = key;
        this.format = format;
    }

    /**
     * Creates a signer.
     *
     * @param webhookSecret the secret, non-empty
     * @param format the header format
     * @return the signer
     */
    public static WebhookSigner of(final String webhookSecret, final SignatureFormat format) {
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(format, "format");
        if (webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("webhookSecret must not be empty");
        }
        return new WebhookSigner(webhookSecret.getBytes(StandardCharsets.UTF_8), format);
    }

    /** @return a signer using the default {@link SignatureFormat#PREFIXED} form */
    public static WebhookSigner of(final String webhookSecret) {
        return of(webhookSecret, SignatureFormat.PREFIXED);
    }

    /** @return 64 lowercase hex digits of HMAC-SHA256(secret, body) */
    public String hex(final byte[] body) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex(body);
    }

    /** @return the {@code X-Webhook-Signature} value for {@code body} in this signer's format */
    public String sign(final byte[] body) {
        return format.headerValue(hex(body));
    }

    public SignatureFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return "WebhookSigner[format=" + format + ", secret=****]";
    }
}
