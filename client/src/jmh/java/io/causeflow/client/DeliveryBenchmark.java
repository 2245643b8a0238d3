package io.causeflow.client;

import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends per second from one thread over HTTP/1.1 keep-alive to a local JDK {@code HttpServer} answering 202
 * with an incident id: the client's own overhead (request, signature check bytes, response parsing, outcome).
 *
 * <pre>
 * mvn -B -pl client -am -Pbench package -DskipTests
 * java -jar client/target/benchmarks.jar DeliveryBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// The JDK server writes headers and body separately; without TCP_NODELAY Nagle's algorithm meets the client's
// delayed ACK and every exchange waits ~40 ms, which would measure the kernel, not the client.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DeliveryBenchmark {
    private static final byte[] ANSWER = "{\"incidentId\":\"inc_01HX9VTPQR3KF8MZWBYD5N6JCE\",\"status\":\"triaging\"}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService executor;
    private CauseFlowClient client;
    private Alert alert;

    /** Starts the local server and builds one client (one connection pool) and one alert. */
    @Setup
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/v1/webhooks/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
        client = CauseFlowClient.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .tenantId("ten_bench")
                .apiKey("cflo_bench_key_0123456789")
                .webhookSecret("whsec_benchmark_secret_0123456789")
                .retryPolicy(RetryPolicy.noRetries())
                .build();
        alert = Alert.builder().title("Build failed: team/payments/main #42")
                .description("Stage 'test' failed: 3 tests failed in PaymentServiceTest.".repeat(20))
                .sourceAlertId("cf1-3b9f2c61a0de-b42-team.payments.main-5d41402abc4b")
                .severity(Severity.HIGH).tag("job", "team/payments/main").metadata("buildNumber", 42).build();
    }

    /** Stops the server. */
    @TearDown
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** @return the outcome; an unexpected status fails the run loudly */
    @Benchmark
    public DeliveryOutcome send() {
        DeliveryOutcome outcome = client.send(alert);
        if (outcome.status() != DeliveryStatus.ACCEPTED) {
            throw new IllegalStateException(outcome.toString());
        }
        return outcome;
    }
}
