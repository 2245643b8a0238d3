package io.causeflow.receiver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests the class {@link SignatureVerifier}. */
class SignatureVerifierTest {
    private static final String SECRET = "whsec_test_7f3a91";
    private static final byte[] BODY = ("{\"title\":\"Queue backlog above 10k on billing-worker\",\"description\":"
            + "\"Pending jobs in billing-queue exceeded 10000 for 15 minutes; consumers are healthy but throughput "
            + "dropped.\",\"sourceAlertId\":\"billing-q-backlog-2291\",\"severity\":\"medium\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String HEX = "29b1788b80f1767b24fe9396b192ffe0d438de32f2187bfd327a9628dcf666e5";

    @Test
    void shouldComputeTheProtocolTestVector() {
        assertThat(SignatureVerifier.hexHmac(SECRET, BODY)).isEqualTo(HEX);
    }

    @Test
    void shouldAcceptPrefixedBareAndUppercaseForms() {
        assertThat(SignatureVerifier.verify(SECRET, BODY, "sha256=" + HEX)).isTrue();
        assertThat(SignatureVerifier.verify(SECRET, BODY, HEX)).isTrue();
        assertThat(SignatureVerifier.verify(SECRET, BODY, " SHA256=" + HEX.toUpperCase() + " ")).isTrue();
    }

    @Test
    void shouldRejectMissingMalformedAndWrongValues() {
        assertThat(SignatureVerifier.verify(SECRET, BODY, null)).isFalse();
        assertThat(SignatureVerifier.verify(SECRET, BODY, "")).isFalse();
        assertThat(SignatureVerifier.verify(SECRET, BODY, "sha256=" + HEX.substring(2))).isFalse();
        assertThat(SignatureVerifier.verify(SECRET, BODY, "sha256=" + HEX.replace('e', 'g'))).isFalse();
        assertThat(SignatureVerifier.verify(SECRET, BODY, "sha1=" + HEX)).isFalse();
        assertThat(SignatureVerifier.verify("whsec_other", BODY, HEX)).isFalse();
        byte[] changed = BODY.clone();
        changed[changed.length - 2]++;
        assertThat(SignatureVerifier.verify(SECRET, changed, HEX)).isFalse();
    }
}
