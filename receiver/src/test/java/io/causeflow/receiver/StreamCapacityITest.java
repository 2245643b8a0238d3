package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.OTHER_TENANT;
import static io.causeflow.receiver.Fixtures.OTHER_TOKEN;
import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ReceiverServer} against idle SSE subscribers (issue 13, items 1 and 5): streams hold no HTTP
 * thread, are capped per tenant, and a {@code Last-Event-ID} the receiver never issued is refused.
 */
class StreamCapacityITest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDLE_STREAMS = 300;
    private static final int SMALL_POOL = 16;

    @Test
    void shouldKeepIngestAndHealthAnsweringWhileManyIdleStreamsAreOpenOnASmallThreadPool() throws Exception {
        List<SseConnection> idle = new ArrayList<>();
        // 16 threads in all: with a thread per stream, the 17th stream (or fewer) would stop the server.
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().maxThreads(SMALL_POOL)
                .pingInterval(Duration.ofSeconds(1))
                .maxStreamsPerTenant(IDLE_STREAMS).build()).start()) {
            try {
                for (int i = 0; i < IDLE_STREAMS; i++) {
                    SseConnection stream = SseConnection.open(server.baseUri(), "Authorization: Bearer " + OTHER_TOKEN);
                    idle.add(stream);
                    assertThat(stream.status()).as("stream %d", i).isEqualTo(200);
                }
                assertThat(server.openStreams(OTHER_TENANT)).isEqualTo(IDLE_STREAMS);

                HttpResponse<String> health = Fixtures.get(server, "/health", Map.of());
                assertThat(health.statusCode()).isEqualTo(200);
                try (SseConnection live = SseConnection.open(server.baseUri(), "Authorization: Bearer " + TOKEN)) {
                    HttpResponse<String> accepted = Fixtures.send(server, Fixtures.alert("busy-1"));

                    assertThat(accepted.statusCode()).isEqualTo(202);
                    assertThat(live.awaitEvents(8, Duration.ofSeconds(10))).hasSize(8);
                }
                // The idle streams are alive, not just counted: each still gets its pings.
                assertThat(idle.get(0).nextFrame()).hasValueSatisfying(frame ->
                        assertThat(frame.event()).isEqualTo("ping"));
            }
            finally {
                for (SseConnection stream : idle) {
                    stream.close();
                }
            }
        }
    }

    @Test
    void shouldRefuseStreamsPastTheTenantCapWith503AndFreeTheSlotWhenOneCloses() throws Exception {
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().maxStreamsPerTenant(3).build()).start()) {
            List<SseConnection> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(SseConnection.open(server.baseUri(), "Authorization: Bearer " + TOKEN));
            }
            HttpResponse<String> refused = Fixtures.get(server, "/v1/notifications/stream",
                    Map.of("Authorization", "Bearer " + TOKEN));
            try (SseConnection otherTenant = SseConnection.open(server.baseUri(), "Authorization: Bearer " + OTHER_TOKEN)) {
                assertThat(otherTenant.status()).as("another tenant is not affected").isEqualTo(200);
            }

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.path("error").asText()).isEqualTo("too_many_streams");
            assertThat(body.path("message").asText()).contains("'" + TENANT + "'").contains("3");

            open.remove(0).close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The server notices a closed socket when it writes to it (a ping every 30 s): make it write now.
            for (int i = 0; server.openStreams(TENANT) > 2; i++) {
                assertThat(System.nanoTime()).as("slot freed in time").isLessThan(deadline);
                Fixtures.send(server, Fixtures.alert("cap-" + i));
                Thread.sleep(100);
            }
            try (SseConnection again = SseConnection.open(server.baseUri(), "Authorization: Bearer " + TOKEN)) {
                assertThat(again.status()).isEqualTo(200);
            }
            for (SseConnection stream : open) {
                stream.close();
            }
        }
    }

    @Test
    void shouldRefuseLastEventIdAboveTheNewestEventWith400UnknownEventId() throws Exception {
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().simulatorStepDelay(Duration.ofHours(1))
                .build()).start()) {
            assertThat(Fixtures.send(server, Fixtures.alert("reset-1")).statusCode()).isEqualTo(202);
            long newest = server.store().lastEventId();

            HttpResponse<String> aboveNewest = Fixtures.get(server, "/v1/notifications/stream",
                    Map.of("Authorization", "Bearer " + TOKEN, "Last-Event-ID", "evt_00000000" + (9000 + newest)));
            HttpResponse<String> hostedForm = Fixtures.get(server, "/v1/notifications/stream",
                    Map.of("Authorization", "Bearer " + TOKEN, "Last-Event-ID", "evt_01HX9VTPQR3KF8MZWBYD5N6JCE"));

            assertThat(aboveNewest.statusCode()).isEqualTo(400);
            JsonNode body = JSON.readTree(aboveNewest.body());
            assertThat(body.path("error").asText()).isEqualTo("unknown_event_id");
            assertThat(body.path("newestEventId").asLong()).isEqualTo(newest);
            assertThat(body.path("message").asText()).contains("Last-Event-ID: 0");
            assertThat(hostedForm.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(hostedForm.body()).path("error").asText()).isEqualTo("unknown_event_id");
            try (SseConnection newestId = SseConnection.open(server.baseUri(), "Authorization: Bearer " + TOKEN,
                    "Last-Event-ID: " + newest)) {
                assertThat(newestId.status()).as("the newest id itself resumes").isEqualTo(200);
            }
        }
    }
}
