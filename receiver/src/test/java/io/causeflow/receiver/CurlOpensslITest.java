package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ReceiverServer} with the documented shell flow: openssl signs, curl sends (real processes;
 * the test fails, not skips, when either tool is missing).
 */
class CurlOpensslITest {
    private static ReceiverServer server;

    @BeforeAll
    static void startServer() {
        server = ReceiverServer.create(Fixtures.config().build()).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("script finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The same lines docs/receiver.md shows, with this server's values. */
    private static String docsFlow(String body, String prefix) {
        return String.join("\n", List.of(
                "set -euo pipefail",
                "command -v openssl >/dev/null && command -v curl >/dev/null",
                "secret='" + Fixtures.SECRET + "'",
                "body='" + body + "'",
                "sig=$(printf '%s' \"$body\" | openssl dgst -sha256 -hmac \"$secret\" | sed 's/^.* //')",
                "curl -sS -X POST '" + server.baseUri() + "/v1/webhooks/" + TENANT + "/custom' "
                        + "-H 'Content-Type: application/json' -H 'X-API-Key: " + Fixtures.API_KEY + "' "
                        + "-H \"X-Webhook-Signature: " + prefix + "$sig\" --data-binary \"$body\" "
                        + "-w ' HTTP %{http_code}'"));
    }

    @Test
    void shouldReproduceTheProtocolVectorWithOpenssl() throws Exception {
        String output = run("printf '%s' '" + Fixtures.VECTOR_BODY + "' | openssl dgst -sha256 -hmac '"
                + Fixtures.SECRET + "' | sed 's/^.* //'");

        assertThat(output.strip()).isEqualTo(Fixtures.VECTOR_SIGNATURE);
    }

    @Test
    void shouldAcceptAnAlertSignedByOpensslAndSentByCurl() throws Exception {
        String output = run(docsFlow(Fixtures.alert("curl-1"), "sha256="));

        assertThat(output).contains("HTTP 202").contains("\"status\":\"triaging\"").contains("\"incidentId\":\"inc_");
        assertThat(server.incidents(TENANT)).anySatisfy(i -> assertThat(i.sourceAlertId()).contains("curl-1"));
    }

    @Test
    void shouldAcceptTheBareHexFormFromCurl() throws Exception {
        assertThat(run(docsFlow(Fixtures.alert("curl-bare"), ""))).contains("HTTP 202");
    }

    @Test
    void shouldAnswer409ToTheSameCurlTwice() throws Exception {
        run(docsFlow(Fixtures.alert("curl-twice"), "sha256="));

        assertThat(run(docsFlow(Fixtures.alert("curl-twice"), "sha256="))).contains("HTTP 409")
                .contains("\"error\":\"duplicate_alert\"");
    }

    @Test
    void shouldStreamEventsToCurl() throws Exception {
        run(docsFlow(Fixtures.alert("curl-stream"), "sha256="));

        String output = run("curl -sN --max-time 2 '" + server.baseUri() + "/v1/notifications/stream' "
                + "-H 'Authorization: Bearer " + Fixtures.TOKEN + "' -H 'Last-Event-ID: 0' || true");

        assertThat(output).contains("id: evt_000000000001").contains("event: incident.created")
                .contains("data: {\"event\":\"incident.created\"");
    }
}
