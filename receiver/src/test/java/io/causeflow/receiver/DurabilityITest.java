package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.SECRET;
import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.TOKEN;
import static io.causeflow.receiver.Fixtures.alert;
import static io.causeflow.receiver.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.SseConnection.Frame;
import io.causeflow.receiver.model.StoredEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link ReceiverServer}'s durability: restarts on the same data directory, and kill -9. */
class DurabilityITest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReceiverServer start(Path data) {
        return ReceiverServer.create(Fixtures.config().dataDir(data).build()).start();
    }

    private static void awaitEvents(ReceiverServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.events(TENANT).size() < count) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void shouldKeepIncidentsDedupAndEventIdsAcrossStopAndStart(@TempDir Path data) throws Exception {
        String incidentId;
        List<StoredEvent> before;
        try (ReceiverServer server = start(data)) {
            incidentId = JSON.readTree(send(server, alert("durable-1")).body()).path("incidentId").asText();
            awaitEvents(server, 8);
            before = server.events(TENANT);
        }

        try (ReceiverServer server = start(data)) {
            assertThat(server.incident(incidentId)).isPresent();
            HttpResponse<String> repeat = send(server, alert("durable-1"));
            assertThat(repeat.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(repeat.body()).path("incidentId").asText()).isEqualTo(incidentId);
            assertThat(server.events(TENANT)).containsExactlyElementsOf(before);

            try (SseConnection stream = SseConnection.open(server.baseUri(), "Authorization: Bearer " + TOKEN,
                    "Last-Event-ID: " + before.get(before.size() - 1).wireId())) {
                assertThat(send(server, alert("durable-2")).statusCode()).isEqualTo(202);
                List<Frame> frames = stream.awaitEvents(8, Duration.ofSeconds(10));
                assertThat(frames.get(0).id()).isEqualTo(
                        io.causeflow.receiver.model.EventIds.format(before.get(before.size() - 1).id() + 1));
            }
            assertThat(server.store().schemaVersion()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepEveryAcceptedIncidentAfterKillDashNine(@TempDir Path data) throws Exception {
        String jar = System.getProperty("causeflow.receiver.jar");
        assertThat(jar).as("failsafe passes the shaded jar's path").isNotBlank();
        assertThat(Path.of(jar)).exists();

        List<String> accepted = new ArrayList<>();
        long lastEventBeforeKill;
        Process first = launch(jar, data);
        try {
            URI base = awaitListening(first);
            HttpClient client = HttpClient.newHttpClient();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger acceptedSoFar = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(senders.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; !killed.get() && i < 10_000; i++) {
                        String body = alert("kill-" + thread + "-" + i);
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                            base.resolve("/v1/webhooks/" + TENANT + "/custom"))
                                    .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                                    .header("X-Webhook-Signature", Fixtures.sign(SECRET, body))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 202) {
                                ids.add(JSON.readTree(response.body()).path("incidentId").asText());
                                acceptedSoFar.incrementAndGet();
                            }
                        }
                        catch (IOException e) {
                            break; // the process is gone
                        }
                    }
                    return ids;
                }));
            }
            // Kill while the clients are posting: after the first acceptances (a loaded machine may need seconds for
            // a cold JVM's first answers) plus 1.5 s of load.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acceptedSoFar.get() == 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
            }
            Thread.sleep(1500);
            // kill -9: no shutdown hook, no clean database close.
            new ProcessBuilder("kill", "-9", String.valueOf(first.pid())).inheritIO().start().waitFor();
            killed.set(true);
            first.waitFor(10, TimeUnit.SECONDS);
            for (Future<List<String>> result : results) {
                accepted.addAll(result.get());
            }
            senders.shutdown();
        }
        finally {
            first.destroyForcibly();
        }
        assertThat(accepted).as("some alerts were accepted before the kill").isNotEmpty();

        try (ReceiverServer server = start(data)) {
            List<String> stored = server.incidents(TENANT).stream().map(i -> i.incidentId()).toList();
            assertThat(stored).containsAll(accepted);
            List<StoredEvent> events = server.events(TENANT);
            lastEventBeforeKill = events.get(events.size() - 1).id();
            assertThat(events).extracting(StoredEvent::id).as("ids are gap-free").containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, lastEventBeforeKill).boxed().toList());
            assertThat(send(server, alert("kill-0-0")).statusCode()).as("dedup survives kill -9").isEqualTo(409);
            assertThat(send(server, alert("after-kill")).statusCode()).isEqualTo(202);
            assertThat(server.events(TENANT).get(events.size()).id()).isEqualTo(lastEventBeforeKill + 1);
        }
    }

    private static Process launch(String jar, Path data) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar, "--port", "0", "--data", data.toString(),
                "--simulator-delay", "0", "--tenant", TENANT, "--api-key", API_KEY, "--webhook-secret", SECRET,
                "--stream-token", TOKEN).redirectErrorStream(true).start();
    }

    private static URI awaitListening(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = reader.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("causeflow-receiver listening on ")) {
                URI base = URI.create(line.substring("causeflow-receiver listening on ".length()).strip());
                Thread drain = new Thread(() -> {
                    try {
                        while (reader.readLine() != null) {
                            // keep the pipe empty
                        }
                    }
                    catch (IOException e) {
                        // process gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return base;
            }
        }
        throw new IllegalStateException("receiver did not start: " + seen);
    }

    @Test
    void shouldRefuseASecondReceiverOnTheSameDataDirectory(@TempDir Path data) {
        try (ReceiverServer server = start(data)) {
            ReceiverServer second = ReceiverServer.create(Fixtures.config().dataDir(data).build());
            org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot open the store");
            assertThat(Files.exists(data)).isTrue();
            assertThat(server.port()).isPositive();
        }
    }
}
