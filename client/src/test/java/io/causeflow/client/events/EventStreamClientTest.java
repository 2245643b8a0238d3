package io.causeflow.client.events;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.causeflow.client.events.CauseFlowEvent.IncidentCreated;
import io.causeflow.client.events.CauseFlowEvent.Ping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link EventStreamClient} against a scripted loopback server. */
class EventStreamClientTest {
    private static final String TOKEN = "stream-token-TOPSECRET-789";
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One scripted connection: what the server does with the n-th request. */
    private interface Script {
        void serve(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Recorder recorder = new Recorder();
    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/v1/notifications/stream", exchange -> {
            requests.add(exchange.getRequestHeaders());
            Script script = scripts.poll();
            try {
                if (script == null) {
                    exchange.sendResponseHeaders(503, -1);
                }
                else {
                    script.serve(exchange);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catch (IOException e) {
                // the client went away: expected when it drops a connection
            }
            finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private EventStreamClient.Builder client() {
        return EventStreamClient.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .token(TOKEN)
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .reconnectDelay(Duration.ofMillis(20))
                .jitter(() -> 1.0);
    }

    private static Script stream(final String text, final boolean keepOpen, final CountDownLatch release) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.flush();
            if (keepOpen) {
                release.await(30, TimeUnit.SECONDS);
            }
        };
    }

    @Test
    void shouldReconnectWithLastEventIdAfterTheServerClosesTheStream() throws InterruptedException {
        scripts.add(stream(": hello\nretry: 30\n\nid: evt_1\nevent: incident.created\n"
                + "data: {\"event\":\"incident.created\",\"data\":{\"incidentId\":\"inc_1\"}}\n\n", false, release));
        scripts.add(stream("id: evt_2\nevent: ping\ndata: {}\n\n", true, release));

        try (EventSubscription subscription = client().build().subscribe(recorder)) {
            CauseFlowEvent first = recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            CauseFlowEvent second = recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(first).isInstanceOfSatisfying(IncidentCreated.class,
                    created -> assertThat(created.incidentId()).isEqualTo("inc_1"));
            assertThat(second).isInstanceOf(Ping.class);
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(requests.get(0).getFirst("Accept")).isEqualTo("text/event-stream");
            assertThat(requests.get(0).containsKey("Last-Event-ID")).isFalse();
            assertThat(requests.get(1).getFirst("Last-Event-ID")).isEqualTo("evt_1");
            assertThat(recorder.disconnects).hasSize(1);
            // The server's retry: 30 ms is the ceiling after a stream that had opened.
            assertThat(recorder.waits).containsExactly(Duration.ofMillis(30));
            assertThat(subscription.lastEventId()).hasValue("evt_2");
        }
        assertThat(recorder.closed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.closeReasons).containsExactly(EventListener.CloseReason.CLOSED_BY_CALLER);
    }

    @Test
    void shouldDropASilentConnectionAfterTheHeartbeatTimeoutAndResume() throws InterruptedException {
        scripts.add(stream("id: evt_5\nevent: ping\ndata: {}\n\n", true, release));
        scripts.add(stream("id: evt_6\nevent: ping\ndata: {}\n\n", true, release));

        try (EventSubscription subscription = client().heartbeatTimeout(Duration.ofSeconds(1)).build()
                .subscribe(recorder)) {
            assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Ping.class);
            assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Ping.class);

            assertThat(recorder.disconnects.get(0)).contains("heartbeat timeout");
            assertThat(requests.get(1).getFirst("Last-Event-ID")).isEqualTo("evt_5");
        }
    }

    @Test
    void shouldResumeFromAGivenLastEventId() throws InterruptedException {
        scripts.add(stream("data: {}\n\n", true, release));

        try (EventSubscription subscription = client().lastEventId("evt_41").build().subscribe(recorder)) {
            assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(requests.get(0).getFirst("Last-Event-ID")).isEqualTo("evt_41");
        }
    }

    @Test
    void shouldBackOffAfterFailuresAndThenConnect() throws InterruptedException {
        scripts.add(exchange -> exchange.sendResponseHeaders(503, -1));
        scripts.add(exchange -> exchange.sendResponseHeaders(500, -1));
        scripts.add(stream("event: ping\ndata: {}\n\n", true, release));

        try (EventSubscription subscription = client().build().subscribe(recorder)) {
            assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Ping.class);

            assertThat(recorder.disconnects).containsExactly("HTTP 503", "HTTP 500");
            assertThat(recorder.waits).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40));
        }
    }

    @Test
    void shouldStopForGoodWhenTheTokenIsRejected() throws InterruptedException {
        scripts.add(exchange -> exchange.sendResponseHeaders(401, -1));

        EventSubscription subscription = client().build().subscribe(recorder);

        assertThat(subscription.awaitClosed(WAIT)).isTrue();
        assertThat(subscription.isClosed()).isTrue();
        assertThat(recorder.closeReasons).containsExactly(EventListener.CloseReason.REJECTED);
        assertThat(recorder.closeMessages.get(0)).contains("HTTP 401").doesNotContain(TOKEN);
        Thread.sleep(100); // a reconnect, if one were scheduled, would have happened by now
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldNeverShowTheToken() {
        assertThat(client().build().toString()).doesNotContain(TOKEN);
    }

    @Test
    void shouldDropAHugeEventAndDeliverTheNextOneOverARealSocket() throws InterruptedException {
        scripts.add(stream("id: evt_1\nevent: incident.created\ndata: {\"title\":\"" + "x".repeat(3 * 1024 * 1024)
                + "\"}\n\nid: evt_2\nevent: ping\ndata: {}\n\n", true, release));

        try (EventSubscription subscription = client().build().subscribe(recorder)) {
            assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Ping.class);

            assertThat(recorder.dropped).containsExactly("event dropped: line longer than 1048576 characters;"
                    + " skipping it up to its end");
            assertThat(recorder.events).isEmpty();
            assertThat(subscription.lastEventId()).hasValue("evt_2");
        }
    }

    @ParameterizedTest
    @CsvSource({"301, REJECTED, redirect to http://elsewhere.example/: check the base URL",
            "307, REJECTED, redirect to http://elsewhere.example/: check the base URL",
            "400, REJECTED, HTTP 400 unknown_event_id: Last-Event-ID evt_000000009999 is newer than",
            "422, REJECTED, HTTP 422 unknown_event_id",
            "404, ENDED_BY_SERVER, HTTP 404 unknown_event_id"})
    void shouldEndForGoodOnAFinalStatusWithTheServersReason(final int status,
            final EventListener.CloseReason reason, final String message) throws InterruptedException {
        scripts.add(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://elsewhere.example/");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = ("{\"error\":\"unknown_event_id\",\"message\":\"Last-Event-ID evt_000000009999 is newer"
                    + " than the newest event\\u009b\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        });

        EventSubscription subscription = client().lastEventId("evt_000000009999").build().subscribe(recorder);

        assertThat(subscription.awaitClosed(WAIT)).isTrue();
        assertThat(recorder.closeReasons).containsExactly(reason);
        assertThat(recorder.closeMessages.get(0)).contains(message).endsWith("not reconnecting")
                .doesNotContain("\u009b");
        Thread.sleep(100); // a reconnect, if one were scheduled, would have happened by now
        assertThat(requests).hasSize(1);
    }

    /** Collects callbacks for assertions. */
    private static final class Recorder implements EventListener {
        private final BlockingQueue<CauseFlowEvent> events = new LinkedBlockingQueue<>();
        private final List<String> disconnects = new CopyOnWriteArrayList<>();
        private final List<Duration> waits = new CopyOnWriteArrayList<>();
        private final List<CloseReason> closeReasons = new CopyOnWriteArrayList<>();
        private final List<String> closeMessages = new CopyOnWriteArrayList<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final List<String> dropped = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(final CauseFlowEvent event) {
            events.add(event);
        }

        @Override
        public void onEventDropped(final String reason) {
            dropped.add(reason);
        }

        @Override
        public void onDisconnected(final String reason, final Duration reconnectIn) {
            disconnects.add(reason);
            waits.add(reconnectIn);
        }

        @Override
        public void onClosed(final CloseReason reason, final String message) {
            closeReasons.add(reason);
            closeMessages.add(message);
            closed.countDown();
        }
    }
}
