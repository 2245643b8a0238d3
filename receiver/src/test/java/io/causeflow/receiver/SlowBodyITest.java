package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link ReceiverServer} against slow, silent and broken request bodies over real sockets (issue 13,
 * items 2, 3 and 7): a deadline answered 408 in JSON, no thread held while bytes trickle in, a bound on bodies in
 * progress, no buffer sized from {@code Content-Length}, and 400 with one log line for broken bodies.
 */
class SlowBodyITest {
    private static final String PATH = "/v1/webhooks/" + TENANT + "/custom";
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private static String head(long contentLength) {
        return "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-API-Key: " + API_KEY
                + "\r\nX-Webhook-Signature: sha256=" + "0".repeat(64) + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private static void awaitArriving(ReceiverServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (server.bodiesArriving() < count) {
            assertThat(System.nanoTime()).as("%d bodies waiting in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void shouldAnswer408InJsonWhenTheBodyNeverArrives() throws Exception {
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().bodyTimeout(Duration.ofMillis(700))
                .build()).start();
             RawHttp client = new RawHttp(server.baseUri())) {
            long start = System.nanoTime();
            RawHttp.Answer answer = client.send(head(200) + "{\"ti").answer();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json().path("error").asText()).isEqualTo("request_timeout");
            assertThat(answer.json().path("message").asText()).contains("4 bytes received");
            assertThat(server.bodiesArriving()).isZero();
        }
    }

    @Test
    void shouldNotLetAByteEveryFewHundredMillisecondsExtendTheDeadline() throws Exception {
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().bodyTimeout(Duration.ofSeconds(1))
                .build()).start();
             RawHttp client = new RawHttp(server.baseUri())) {
            client.send(head(100));
            long start = System.nanoTime();
            int sent = 0;
            try {
                // Each byte would reset an idle timeout; the deadline counts the whole body.
                while (sent < 20) {
                    client.send("x");
                    sent++;
                    Thread.sleep(200);
                }
            }
            catch (java.io.IOException e) {
                // the server closed the connection after answering
            }
            RawHttp.Answer answer = client.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat(sent).as("cut near the 1 s deadline, not after 20 bytes").isLessThan(15);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void shouldKeepServingWhileManySlowBodiesAreAttachedOnASmallThreadPool() throws Exception {
        int slow = 200;
        List<RawHttp> clients = new ArrayList<>();
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().maxThreads(16)
                .bodyTimeout(Duration.ofSeconds(30)).build()).start()) {
            try {
                for (int i = 0; i < slow; i++) {
                    clients.add(new RawHttp(server.baseUri()).send(head(1000) + "{"));
                }
                awaitArriving(server, slow);

                HttpResponse<String> accepted = Fixtures.send(server, Fixtures.alert("while-slow"));
                HttpResponse<String> health = Fixtures.get(server, "/health", Map.of());

                assertThat(accepted.statusCode()).isEqualTo(202);
                assertThat(health.statusCode()).isEqualTo(200);
            }
            finally {
                for (RawHttp client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void shouldRefuseBodiesPastTheBoundWith503ServerBusy() throws Exception {
        List<RawHttp> clients = new ArrayList<>();
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().maxBodyReads(5)
                .bodyTimeout(Duration.ofSeconds(30)).build()).start()) {
            try {
                for (int i = 0; i < 5; i++) {
                    clients.add(new RawHttp(server.baseUri()).send(head(1000) + "{"));
                }
                awaitArriving(server, 5);
                try (RawHttp sixth = new RawHttp(server.baseUri())) {
                    RawHttp.Answer answer = sixth.send(head(1000) + "{").answer();

                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.json().path("error").asText()).isEqualTo("server_busy");
                    assertThat(answer.headers()).containsEntry("retry-after", "1");
                }
                assertThat(Fixtures.send(server, Fixtures.alert("complete-body")).statusCode())
                        .as("a body that is complete on arrival needs no slot").isEqualTo(202);
            }
            finally {
                for (RawHttp client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void shouldNotAllocateTheDeclaredLengthBeforeTheBytesArrive() throws Exception {
        int requests = 40;
        long declared = 64L * 1024 * 1024;
        List<RawHttp> clients = new ArrayList<>();
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().maxBodyBytes(declared)
                .bodyTimeout(Duration.ofSeconds(30)).build()).start()) {
            try {
                long before = liveHeap();
                for (int i = 0; i < requests; i++) {
                    clients.add(new RawHttp(server.baseUri()).send(head(declared)));
                }
                awaitArriving(server, requests);
                long grown = liveHeap() - before;

                // Preallocating would hold 40 x 64 MiB = 2.5 GiB (or fail with OutOfMemoryError).
                assertThat(grown).as("live heap growth in bytes").isLessThan(64L * 1024 * 1024);
            }
            finally {
                for (RawHttp client : clients) {
                    client.close();
                }
            }
        }
    }

    private static long liveHeap() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Test
    void shouldAnswerBrokenChunkingAndEarlyEndWith400AndOneLogLineEach() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        RawHttp.Answer broken;
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().build()).start()) {
            try (RawHttp client = new RawHttp(server.baseUri())) {
                String chunkedHead = head(0).replace("Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n");
                broken = client.send(chunkedHead + "5\r\n{\"ti\r\nzz\r\n").answer();
            }
            try (RawHttp client = new RawHttp(server.baseUri())) {
                client.send(head(500) + "{\"title\":");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (captured.toString(StandardCharsets.UTF_8).split("broke off", -1).length < 3) {
                assertThat(System.nanoTime()).as("early end logged in time").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(Fixtures.get(server, "/health", Map.of()).statusCode()).isEqualTo(200);
        }
        finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("error").asText()).isEqualTo("bad_request");
        assertThat(log.split("broke off", -1)).as("one line per broken request").hasSize(3);
        assertThat(log).doesNotContain("\tat ").doesNotContain("internal_error");
    }
}
