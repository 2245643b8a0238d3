package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.alert;
import static io.causeflow.receiver.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.SseConnection.Frame;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link ReceiverServer} under concurrency: atomic dedup and slow SSE subscribers. */
class ConcurrencyITest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldGiveOne202And49DuplicatesFor50ConcurrentIdenticalPosts(@TempDir Path data) throws Exception {
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().dataDir(data).build()).start()) {
            String body = alert("concurrent-1");
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return send(server, body);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            pool.shutdown();

            assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(49);
            String incidentId = JSON.readTree(responses.stream().filter(r -> r.statusCode() == 202).findFirst()
                    .orElseThrow().body()).path("incidentId").asText();
            for (HttpResponse<String> response : responses) {
                assertThat(JSON.readTree(response.body()).path("incidentId").asText()).isEqualTo(incidentId);
            }
            assertThat(server.incidents(TENANT)).hasSize(1);
            assertThat(server.events(TENANT)).filteredOn(e -> e.name().equals("incident.created")).hasSize(1);
        }
    }

    @Test
    void shouldDisconnectASlowSubscriberWithoutStallingIngestionOrOthers() throws Exception {
        ReceiverConfig config = Fixtures.config().subscriberBuffer(256).build();
        try (ReceiverServer server = ReceiverServer.create(config).start();
             SseConnection slow = SseConnection.open(server.baseUri(), Optional.of(1024),
                     "Authorization: Bearer " + Fixtures.TOKEN);
             SseConnection fast = SseConnection.open(server.baseUri(), "Authorization: Bearer " + Fixtures.TOKEN)) {
            // Large titles (carried by incident.created) so that the kernel's socket buffers (up to ~4 MiB each
            // way) fill long before the test ends; only then does the server-side buffer of 256 events overflow.
            int alerts = 300;
            int eventsPerAlert = 8;
            String padding = "x".repeat(30_000);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            Future<List<Frame>> fastFrames = reader.submit(() ->
                    fast.awaitEvents(alerts * eventsPerAlert, Duration.ofSeconds(40)));

            for (int i = 0; i < alerts; i++) {
                String body = "{\"title\":\"slow " + i + " " + padding + "\",\"description\":\"ERROR: x\","
                        + "\"sourceAlertId\":\"slow-" + i + "\"}";
                assertThat(send(server, body).statusCode()).isEqualTo(202);
            }

            assertThat(fastFrames.get()).hasSize(alerts * eventsPerAlert);
            reader.shutdown();
            assertThat(server.slowSubscribersDisconnected()).isEqualTo(1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.subscriberCount() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.subscriberCount()).as("only the fast subscriber is left").isEqualTo(1);
            // The cut connection still holds what the kernel had buffered; with a 1 KiB window reading it would be
            // slow, and it is not what this test is about. Resuming with Last-Event-ID is.
            slow.close();
            try (SseConnection resumed = SseConnection.open(server.baseUri(), "Authorization: Bearer "
                    + Fixtures.TOKEN, "Last-Event-ID: 0")) {
                List<Frame> replayed = resumed.awaitEvents(alerts * eventsPerAlert, Duration.ofSeconds(20));
                assertThat(replayed).extracting(Frame::id).doesNotHaveDuplicates().isSorted();
            }
        }
    }
}
