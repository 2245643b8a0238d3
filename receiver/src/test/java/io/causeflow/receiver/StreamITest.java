package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.OTHER_TENANT;
import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.TOKEN;
import static io.causeflow.receiver.Fixtures.alert;
import static io.causeflow.receiver.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.SseConnection.Frame;
import io.causeflow.receiver.model.StoredEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the class {@link ReceiverServer}'s SSE stream over real sockets: frames, replay, isolation, pings. */
class StreamITest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int EVENTS_PER_INCIDENT = 8;
    private static final String AUTH = "Authorization: Bearer " + TOKEN;

    private ReceiverServer server;

    @BeforeEach
    void startServer() {
        server = ReceiverServer.create(Fixtures.config().pingInterval(Duration.ofMillis(300)).build()).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String ingest() throws Exception {
        HttpResponse<String> response = send(server, alert("k-" + UUID.randomUUID()));
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).path("incidentId").asText();
    }

    private void awaitStored(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.events(TENANT).size() < count) {
            assertThat(System.nanoTime()).as("events stored in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void shouldRejectMissingOrWrongToken() throws Exception {
        try (SseConnection none = SseConnection.open(server.baseUri());
             SseConnection wrong = SseConnection.open(server.baseUri(), "Authorization: Bearer nope");
             SseConnection apiKey = SseConnection.open(server.baseUri(), "Authorization: Bearer " + Fixtures.API_KEY)) {
            assertThat(none.status()).isEqualTo(401);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(apiKey.status()).isEqualTo(401);
        }
        HttpResponse<String> response = Fixtures.get(server, "/v1/notifications/stream", Map.of());
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void shouldStreamTheSimulatedInvestigationWithEnvelopeAndMonotonicIds() throws Exception {
        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH)) {
            assertThat(stream.status()).isEqualTo(200);
            String incidentId = ingest();

            List<Frame> frames = stream.awaitEvents(EVENTS_PER_INCIDENT, WAIT);

            assertThat(frames).extracting(Frame::event).containsExactly("incident.created",
                    "incident.status_changed", "incident.status_changed", "investigation.progress",
                    "investigation.progress", "investigation.progress", "investigation.completed",
                    "remediation.proposed");
            long previous = 0;
            for (Frame frame : frames) {
                assertThat(frame.id()).matches("evt_\\d{12}");
                long id = Long.parseLong(frame.id().substring(4));
                assertThat(id).isGreaterThan(previous);
                previous = id;
                JsonNode envelope = JSON.readTree(frame.data());
                assertThat(envelope.path("event").asText()).isEqualTo(frame.event());
                assertThat(envelope.path("tenantId").asText()).isEqualTo(TENANT);
                assertThat(Instant.parse(envelope.path("timestamp").asText())).isNotNull();
                assertThat(envelope.path("data").path("incidentId").asText()).isEqualTo(incidentId);
            }
            JsonNode created = JSON.readTree(frames.get(0).data()).path("data");
            assertThat(created.path("status").asText()).isEqualTo("open");
            assertThat(created.path("source").asText()).isEqualTo("automated");
            assertThat(created.path("severity").asText()).isEqualTo("high");
            JsonNode triaging = JSON.readTree(frames.get(1).data()).path("data");
            assertThat(triaging.path("previousStatus").asText()).isEqualTo("open");
            assertThat(triaging.path("newStatus").asText()).isEqualTo("triaging");
            JsonNode investigating = JSON.readTree(frames.get(2).data()).path("data");
            assertThat(investigating.path("previousStatus").asText()).isEqualTo("triaging");
            assertThat(investigating.path("newStatus").asText()).isEqualTo("investigating");
            JsonNode progress = JSON.readTree(frames.get(5).data()).path("data");
            assertThat(progress.path("stepIndex").asInt()).isEqualTo(3);
            assertThat(progress.path("totalSteps").asInt()).isEqualTo(3);
            assertThat(progress.path("agentName").asText()).isNotBlank();
            JsonNode completed = JSON.readTree(frames.get(6).data()).path("data");
            assertThat(completed.path("rootCause").asText()).isEqualTo("ERROR: compilation failed in module core");
            assertThat(completed.path("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(completed.path("recommendedActions").size()).isPositive();
            JsonNode remediation = JSON.readTree(frames.get(7).data()).path("data");
            assertThat(remediation.path("remediationId").asText()).startsWith("rem_");
            assertThat(remediation.path("requiresApproval").asBoolean()).isTrue();
            assertThat(remediation.path("steps").size()).isPositive();
        }
    }

    @Test
    void shouldWriteExactlyTheDocumentedRawLines() throws Exception {
        ingest();
        awaitStored(EVENTS_PER_INCIDENT);
        StoredEvent first = server.events(TENANT).get(0);

        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH, "Last-Event-ID: 0")) {
            stream.awaitEvents(1, WAIT);

            assertThat(stream.rawLines()).containsSubsequence("id: " + first.wireId(),
                    "event: incident.created", "data: " + first.envelopeJson(), "");
            int idLine = stream.rawLines().indexOf("id: " + first.wireId());
            assertThat(stream.rawLines().subList(idLine, idLine + 4)).containsExactly("id: " + first.wireId(),
                    "event: incident.created", "data: " + first.envelopeJson(), "");
        }
    }

    @Test
    void shouldReplayEverythingAfterLastEventIdExactlyOnceThenContinueLive() throws Exception {
        ingest();
        ingest();
        awaitStored(2 * EVENTS_PER_INCIDENT);
        List<StoredEvent> stored = server.events(TENANT);
        StoredEvent resumeFrom = stored.get(4);

        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH,
                "Last-Event-ID: " + resumeFrom.wireId())) {
            List<Frame> replayed = stream.awaitEvents(stored.size() - 5, WAIT);
            ingest();
            List<Frame> live = stream.awaitEvents(EVENTS_PER_INCIDENT, WAIT);

            assertThat(replayed).extracting(Frame::id)
                    .containsExactlyElementsOf(stored.subList(5, stored.size()).stream().map(StoredEvent::wireId)
                            .toList());
            List<String> all = new ArrayList<>(replayed.stream().map(Frame::id).toList());
            all.addAll(live.stream().map(Frame::id).toList());
            assertThat(all).doesNotHaveDuplicates().isSorted();
            assertThat(stream.quietFor(Duration.ofMillis(700))).as("no extra frames after live events").isTrue();
            List<String> storedNow = server.events(TENANT).stream().map(StoredEvent::wireId).toList();
            assertThat(all).containsExactlyElementsOf(storedNow.subList(5, storedNow.size()));
        }
    }

    @Test
    void shouldAcceptBareNumericLastEventId() throws Exception {
        ingest();
        awaitStored(EVENTS_PER_INCIDENT);

        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH, "Last-Event-ID: 6")) {
            assertThat(stream.awaitEvents(2, WAIT)).extracting(Frame::id)
                    .containsExactly("evt_000000000007", "evt_000000000008");
        }
    }

    @Test
    void shouldNotDeliverStoredEventsWithoutLastEventId() throws Exception {
        ingest();
        awaitStored(EVENTS_PER_INCIDENT);

        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH)) {
            assertThat(stream.quietFor(Duration.ofMillis(700))).isTrue();
        }
    }

    @Test
    void shouldRejectUnparseableLastEventId() throws Exception {
        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH, "Last-Event-ID: yesterday")) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    @Test
    void shouldAcceptTheTokenAsQueryParameter() throws Exception {
        ingest();
        awaitStored(EVENTS_PER_INCIDENT);
        java.net.URI base = server.baseUri();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/notifications/stream?token=" + TOKEN + " HTTP/1.0\r\n"
                    + "Last-Event-ID: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(reader.readLine()).contains(" 200 ");
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("event: ")) {
                // headers and the first id line
            }
            assertThat(line).isEqualTo("event: incident.created");
        }
    }

    @Test
    void shouldShowEachTenantOnlyItsOwnEvents() throws Exception {
        try (SseConnection acme = SseConnection.open(server.baseUri(), AUTH);
             SseConnection globex = SseConnection.open(server.baseUri(),
                     "Authorization: Bearer " + Fixtures.OTHER_TOKEN, "Last-Event-ID: 0")) {
            ingest();

            assertThat(acme.awaitEvents(EVENTS_PER_INCIDENT, WAIT)).allSatisfy(frame ->
                    assertThat(JSON.readTree(frame.data()).path("tenantId").asText()).isEqualTo(TENANT));
            assertThat(globex.quietFor(Duration.ofMillis(700))).as("other tenant sees nothing").isTrue();
            assertThat(server.events(OTHER_TENANT)).isEmpty();
        }
    }

    @Test
    void shouldSendPingsAtTheConfiguredInterval() throws Exception {
        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH)) {
            long start = System.nanoTime();
            Frame frame = stream.nextFrame().orElseThrow();
            Frame second = stream.nextFrame().orElseThrow();

            assertThat(frame.event()).isEqualTo("ping");
            assertThat(frame.data()).isEqualTo("{}");
            assertThat(frame.id()).isNull();
            assertThat(second.event()).isEqualTo("ping");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void shouldEndOpenStreamsWhenTheServerCloses() throws Exception {
        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH)) {
            assertThat(server.subscriberCount()).isEqualTo(1);

            server.close();

            // drain() reads to end of stream; a stream left open would hit the 10 s read timeout and throw.
            assertThat(stream.drain()).allSatisfy(frame -> assertThat(frame.event()).isEqualTo("ping"));
            assertThat(server.subscriberCount()).isZero();
        }
    }

    @Test
    void shouldEmitStatusChangeToResolvedAndStopTheInvestigation() throws Exception {
        String incidentId = ingest();
        awaitStored(EVENTS_PER_INCIDENT);

        try (SseConnection stream = SseConnection.open(server.baseUri(), AUTH)) {
            HttpResponse<String> resolved = Fixtures.post(server, "/v1/incidents/" + incidentId + "/resolve", "",
                    Map.of("X-API-Key", Fixtures.API_KEY));

            assertThat(resolved.statusCode()).isEqualTo(200);
            Frame frame = stream.awaitEvents(1, WAIT).get(0);
            JsonNode data = JSON.readTree(frame.data()).path("data");
            assertThat(frame.event()).isEqualTo("incident.status_changed");
            assertThat(data.path("previousStatus").asText()).isEqualTo("investigating");
            assertThat(data.path("newStatus").asText()).isEqualTo("resolved");
        }
    }
}
