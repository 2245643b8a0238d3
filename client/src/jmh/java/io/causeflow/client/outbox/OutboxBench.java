package io.causeflow.client.outbox;

import io.causeflow.client.Alert;
import io.causeflow.client.Severity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Outbox figures for issue 11 (a harness, not JMH: it measures a whole drain and a latency distribution).
 * <ol>
 *   <li>Enqueue latency (p50/p90/p99/max) with fsync, and without, into a fresh directory on the given disk.</li>
 *   <li>Drain rate: N entries delivered by the background sender to the reference receiver
 *       ({@code receiver/target/causeflow-receiver.jar}, started as a child process, in-memory store).</li>
 * </ol>
 * Run: {@code mvn -B -pl receiver,client -am -Pbench package -DskipTests} then
 * {@code java -cp client/target/benchmarks.jar io.causeflow.client.outbox.OutboxBench [receiverJar] [drainCount]
 * [latencySamples] [workDir]}.
 */
public final class OutboxBench {
    private static final String TENANT = "bench";
    private static final String API_KEY = "cflo_bench_key_0123456789";
    private static final String SECRET = "whsec_bench_secret_0123456789";

    private OutboxBench() {
    }

    public static void main(final String[] args) throws Exception {
        Path receiverJar = Path.of(args.length > 0 ? args[0] : "receiver/target/causeflow-receiver.jar");
        int drainCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Path work = Files.createTempDirectory(args.length > 3 ? Path.of(args[3]) : Path.of("client/target"),
                "outbox-bench");
        System.out.printf("JDK %s, %d cores, load average %s, work dir %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage(), work);

        URI unused = URI.create("http://127.0.0.1:9");
        for (boolean fsync : new boolean[] {true, false}) {
            latency(work.resolve("latency-" + fsync), unused, samples / 10, fsync, false); // warm-up
            latency(work.resolve("latency-" + fsync + "-run"), unused, samples, fsync, true);
        }

        Map<String, String> env = Map.of("CAUSEFLOW_RECEIVER_TENANT", TENANT, "CAUSEFLOW_RECEIVER_API_KEY", API_KEY,
                "CAUSEFLOW_RECEIVER_WEBHOOK_SECRET", SECRET, "CAUSEFLOW_RECEIVER_STREAM_TOKEN", "cfst_bench_token_1");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", receiverJar.toString(), "--port", "0",
                "--in-memory", "--simulator-delay", "1h").redirectErrorStream(true);
        builder.environment().putAll(env);
        Process receiver = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            for (int i = 0; i < 50 && first != null && !first.startsWith("causeflow-receiver listening on "); i++) {
                first = out.readLine(); // Javalin's own log lines come first
            }
            if (first == null || !first.startsWith("causeflow-receiver listening on ")) {
                throw new IllegalStateException("receiver did not start: " + first);
            }
            URI base = URI.create(first.substring("causeflow-receiver listening on ".length()).strip());
            Thread drainOutput = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep the pipe empty
                    }
                }
                catch (IOException e) {
                    // receiver gone
                }
            });
            drainOutput.setDaemon(true);
            drainOutput.start();
            for (int parallelism : new int[] {8, 8, 1}) {
                drain(work.resolve("drain-" + parallelism + "-" + System.nanoTime()), base, drainCount / 5,
                        parallelism, false); // warm-up
                drain(work.resolve("drain-" + parallelism + "-" + System.nanoTime()), base, drainCount, parallelism,
                        true);
            }
        }
        finally {
            receiver.destroy();
            deleteTree(work);
        }
    }

    private static void latency(final Path dir, final URI base, final int count, final boolean fsync,
            final boolean report) throws IOException {
        long[] nanos = new long[count];
        try (Outbox outbox = Outbox.builder(dir).fsync(fsync).open()) {
            for (int i = 0; i < count; i++) {
                QueuedAlert alert = queued(base, "lat-" + fsync + "-" + i);
                long start = System.nanoTime();
                outbox.enqueue(alert);
                nanos[i] = System.nanoTime() - start;
            }
        }
        if (report) {
            Arrays.sort(nanos);
            System.out.printf("enqueue fsync=%-5s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", fsync,
                    count, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[count - 1] / 1e6);
        }
        deleteTree(dir);
    }

    private static void drain(final Path dir, final URI base, final int count, final int parallelism,
            final boolean report) throws Exception {
        try (Outbox outbox = Outbox.builder(dir).fsync(false).parallelism(parallelism).open()) {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(queued(base, "drain-" + System.nanoTime() + "-" + i));
            }
            long start = System.nanoTime();
            try (OutboxSender sender = outbox.startSender((id, entry) -> id.equals("key") ? API_KEY : SECRET)) {
                while (outbox.stats().pendingEntries() > 0) {
                    Thread.sleep(5);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (outbox.stats().deadEntries() > 0) {
                throw new IllegalStateException(outbox.dead().get(0).deadReason());
            }
            if (report) {
                System.out.printf("drain parallelism=%d n=%d  %.2f s  %.0f alerts/s  (load average %s)%n",
                        parallelism, count, seconds, count / seconds, loadAverage());
            }
        }
        deleteTree(dir);
    }

    private static QueuedAlert queued(final URI base, final String id) {
        Alert alert = Alert.builder().title("Build failed: " + id).description("Stage 'test' failed: 3 tests failed.")
                .sourceAlertId(id).severity(Severity.HIGH).service("payments").environment("ci").build();
        return QueuedAlert.builder().alert(alert).baseUrl(base).tenantId(TENANT).apiKeyCredentialId("key")
                .webhookSecretCredentialId("secret").build();
    }

    private static double ms(final long[] sorted, final double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
