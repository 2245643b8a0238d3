package io.causeflow.client;

import io.causeflow.client.fixtures.ProtocolVector;
import io.causeflow.client.fixtures.TestAlerts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link WebhookSigner}. */
class WebhookSignerTest {
    @Test
    void shouldMatchTheProtocolTestVector() {
        WebhookSigner signer = WebhookSigner.of(ProtocolVector.SECRET);

        assertThat(signer.hex(ProtocolVector.BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(ProtocolVector.HEX);
        assertThat(signer.sign(TestAlerts.protocolVector().toJsonBytes())).isEqualTo("sha256=" + ProtocolVector.HEX);
    }

    @Test
    void shouldOfferTheBareHexForm() {
        WebhookSigner signer = WebhookSigner.of(ProtocolVector.SECRET, SignatureFormat.BARE);

        assertThat(signer.sign(ProtocolVector.BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(ProtocolVector.HEX);
    }

    @Test
    void shouldAgreeWithOpensslOnANonAsciiBodyAndSecret(@org.junit.jupiter.api.io.TempDir final Path dir)
            throws IOException, InterruptedException {
        String secret = "whsec_ünïcødé_🔑";
        byte[] body = TestAlerts.typicalFailure().title("Build failed: 日本語 job").build().toJsonBytes();
        Path file = Files.write(dir.resolve("body.json"), body);

        // openssl must exist on the build machine: a missing binary fails this test instead of skipping it.
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", secret, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String opensslHex = output.substring(output.lastIndexOf(' ') + 1);
        assertThat(opensslHex).matches("[0-9a-f]{64}");
        assertThat(WebhookSigner.of(secret).hex(body)).isEqualTo(opensslHex);
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(WebhookSigner.of(ProtocolVector.SECRET).toString()).doesNotContain(ProtocolVector.SECRET)
                .contains("****");
    }

    @Test
    void shouldRefuseAnEmptySecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSigner.of(""))
                .withMessage("webhookSecret must not be empty");
    }
}
