package io.causeflow.client;

/** How the HMAC goes into {@code X-Webhook-Signature} (protocol contradiction C1; we default to the prefix). */
public enum SignatureFormat {
    /** {@code sha256=<64 lowercase hex>}: what most CauseFlow pages specify. The default. */
    PREFIXED,
    /** The 64 lowercase hex digits alone, for receivers that follow the custom-webhooks page literally. */
    BARE;

    /**
     * Formats a hex digest for the header.
     *
     * @param hex 64 lowercase hex digits
     * @return the header value
     */
    public String headerValue(final String hex) {
        return this == PREFIXED ? "sha256=" + hex : hex;
    }
}
