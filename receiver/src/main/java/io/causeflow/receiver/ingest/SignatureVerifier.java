package io.causeflow.receiver.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Webhook-Signature} against HMAC-SHA256 of the raw body, keyed with the webhook secret's UTF-8
 * bytes. Both forms are accepted: {@code sha256=<64 hex>} and bare {@code <64 hex>}; hex case is ignored. The
 * digests are compared with {@link MessageDigest#isEqual}, which does not stop at the first differing byte.
 */
public final class SignatureVerifier {
    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private SignatureVerifier() {
    }

    /**
     * @param secret webhook secret
     * @param body   raw body bytes, exactly as received
     * @param header header value, or null when missing
     * @return true only for a well-formed header carrying the right digest
     */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length());
        }
        if (value.length() != HEX_LENGTH) {
            return false;
        }
        byte[] presented = decodeHex(value.toLowerCase(Locale.ROOT));
        if (presented.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), presented);
    }

    /** HMAC-SHA256 of {@code body} with the secret's UTF-8 bytes as key. */
    public static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Lowercase hex of {@link #hmac}. */
    public static String hexHmac(String secret, byte[] body) {
        byte[] digest = hmac(secret, body);
        StringBuilder hex = new StringBuilder(digest.length * 2);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** Empty array when not hex. */
    private static byte[] decodeHex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return new byte[0];
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }
}
