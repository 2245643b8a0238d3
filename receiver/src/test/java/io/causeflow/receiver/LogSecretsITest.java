package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.SECRET;
import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ReceiverServer}: no credential reaches a log line. slf4j-simple writes to the current
 * {@code System.err}, which this test captures while it drives every path (success, every error, stream, resolve).
 */
class LogSecretsITest {
    @Test
    void shouldNeverLogACredential() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().build()).start()) {
            String body = Fixtures.alert("log-1");
            String path = "/v1/webhooks/" + TENANT + "/custom";
            Fixtures.send(server, body);
            Fixtures.send(server, body);
            Fixtures.post(server, path, body, Map.of("X-API-Key", API_KEY + "x"));
            Fixtures.post(server, path, body, Map.of("X-API-Key", API_KEY, "X-Webhook-Signature", "sha256=" + SECRET));
            Fixtures.post(server, path, body, Map.of("X-API-Key", API_KEY, "X-Webhook-Signature",
                    Fixtures.sign(SECRET, body), "Content-Type", "text/plain"));
            Fixtures.post(server, path, "{}", Map.of("X-API-Key", API_KEY, "X-Webhook-Signature",
                    Fixtures.sign(SECRET, "{}"), "Content-Type", "application/json"));
            Fixtures.post(server, "/v1/webhooks/" + TENANT + "/" + SECRET, body, Map.of("X-API-Key", API_KEY));
            Fixtures.get(server, "/v1/incidents", Map.of("X-API-Key", API_KEY));
            Fixtures.get(server, "/v1/notifications/stream?token=" + TOKEN + "x", Map.of());
            try (SseConnection stream = SseConnection.open(server.baseUri(), "Authorization: Bearer " + TOKEN,
                    "Last-Event-ID: 0")) {
                stream.awaitEvents(8, Duration.ofSeconds(10));
            }
            String incidentId = server.incidents(TENANT).get(0).incidentId();
            Fixtures.post(server, "/v1/incidents/" + incidentId + "/resolve", "", Map.of("X-API-Key", API_KEY));
            Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
            Fixtures.post(server, "/dashboard/sign-in", "apiKey=" + API_KEY, form);
            Fixtures.post(server, "/dashboard/sign-in", "apiKey=" + API_KEY + "x", form);
            server.store().toString();
            System.err.println(server.config());
        }
        finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("something was logged").contains("401 invalid_api_key").contains("409 duplicate_alert")
                .contains("Dashboard sign-in for tenant " + TENANT).contains("Dashboard sign-in refused");
        assertThat(log).doesNotContain(API_KEY).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain(Fixtures.OTHER_API_KEY).doesNotContain(Fixtures.OTHER_SECRET)
                .doesNotContain(Fixtures.OTHER_TOKEN);
    }
}
