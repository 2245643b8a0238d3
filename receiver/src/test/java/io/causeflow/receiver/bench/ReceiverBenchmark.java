package io.causeflow.receiver.bench;

import io.causeflow.receiver.ReceiverConfig;
import io.causeflow.receiver.ReceiverServer;
import io.causeflow.receiver.http.HttpServerFactory;
import io.causeflow.receiver.ingest.SignatureVerifier;
import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Benchmark harness (not a test): run with {@code mvn -B -pl receiver -am -Pbench -DskipTests verify}.
 *
 * <ol>
 *   <li>Ingest: 32 keep-alive clients on loopback post signed, unique alerts to a receiver with the durable file
 *   store (simulator on, 1 s steps as in the CLI default) for a fixed time; reports ingests/s and latency
 *   percentiles.</li>
 *   <li>Baseline: the same clients against the same Jetty/Javalin setup whose only route reads the body and answers
 *   202, i.e. this machine's HTTP limit; the ratio shows what signature check, validation and commit cost.</li>
 *   <li>SSE: 500 subscribers on one tenant; alerts at a steady rate; delivery latency = arrival time minus the
 *   event's {@code timestamp} (millisecond precision).</li>
 * </ol>
 * Each load phase warms up for 30 s before it measures for 10 s: on two cores the JIT compilers are still busy for
 * 20 s or more under this load, and a figure taken earlier measures the compiler, not the server
 * ({@code -Dbench.warmupSeconds=N} to see that). Bounded in time (about two minutes) and loopback only. The clients
 * share the CPU with the server, as they would on a developer machine. Next to each result it prints the CPU time
 * per ingest by thread group (JIT and GC threads are in "process" only) and the bytes allocated per ingest.
 */
public final class ReceiverBenchmark {
    private static final String TENANT = "bench";
    private static final String PROCESS = "(process)";
    private static final String ALLOCATED = "(allocated)";
    private static final String API_KEY = "cflo_bench_key";
    private static final String SECRET = "whsec_bench_secret";
    private static final String TOKEN = "cfst_bench_token";
    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 30));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 500);
    private static final int SSE_ALERTS = Integer.getInteger("bench.sseAlerts", 100);
    private static final Duration SIMULATOR_DELAY = Duration.ofMillis(Long.getLong("bench.simulatorDelayMillis", 1000));
    /**
     * Comma-separated subset of {@code durable,baseline,sse} and the attack phases of issue 13
     * {@code idle-streams,slow-bodies,unsent-bodies,wal-flood}, e.g. to profile one phase alone.
     */
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases", "durable,baseline,sse")
            .split(","));
    private static final int IDLE_STREAMS = Integer.getInteger("bench.idleStreams", 5000);
    private static final int IDLE_TENANTS = 10;
    private static final int SLOW_BODIES = Integer.getInteger("bench.slowBodies", 1000);
    private static final int UNSENT_BODIES = Integer.getInteger("bench.unsentBodies", 900);
    private static final Duration WAL_FLOOD = Duration.ofSeconds(Long.getLong("bench.walSeconds", 60));

    private ReceiverBenchmark() {
    }

    /** Runs all three phases and prints the figures. */
    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "causeflow-receiver benchmark: %d clients, %d s warm-up, %d s measured, "
                + "%d cores, Java %s%n", CLIENTS, WARMUP.toSeconds(), MEASURE.toSeconds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path data = Files.createTempDirectory("causeflow-bench");
        Result durable = null;
        if (PHASES.contains("durable")) {
            try (ReceiverServer server = ReceiverServer.create(config(data.resolve("ingest"), SIMULATOR_DELAY))
                    .start()) {
                durable = load(server.baseUri(), "durable");
            }
        }
        Result baseline = PHASES.contains("baseline") ? baseline() : null;
        SseResult sse = null;
        if (PHASES.contains("sse")) {
            try (ReceiverServer server = ReceiverServer.create(config(data.resolve("sse"), Duration.ZERO)).start()) {
                sse = sse(server.baseUri());
            }
        }
        List<String> attacks = new ArrayList<>();
        if (PHASES.contains("idle-streams")) {
            attacks.add(idleStreams(data.resolve("idle")));
        }
        if (PHASES.contains("slow-bodies")) {
            attacks.add(slowBodies(data.resolve("slow")));
        }
        if (PHASES.contains("unsent-bodies")) {
            attacks.add(unsentBodies());
        }
        if (PHASES.contains("wal-flood")) {
            attacks.add(walFlood(data.resolve("wal")));
        }
        deleteTree(data);

        System.out.println();
        System.out.println("RESULTS");
        attacks.forEach(System.out::println);
        if (durable != null) {
            System.out.println(durable.line());
        }
        if (baseline != null) {
            System.out.println(baseline.line());
        }
        if (durable != null && baseline != null) {
            System.out.printf(Locale.ROOT, "ratio durable/baseline throughput = %.2f%n",
                    durable.perSecond() / baseline.perSecond());
        }
        if (sse != null) {
            System.out.println(sse.line());
        }
        if (durable != null) {
            boolean target = durable.perSecond() >= 3000 && durable.p99Millis() < 50;
            System.out.println("target (>= 3000/s and p99 < 50 ms, durable): " + (target ? "MET" : "NOT MET"));
        }
    }

    /** The same HTTP stack with a route that only reads the body and answers 202: this machine's ceiling. */
    private static Result baseline() throws Exception {
        HttpServerFactory factory = new HttpServerFactory("127.0.0.1", 0, 1000, Duration.ofMinutes(2));
        byte[] accepted = "{\"incidentId\":\"inc_01M8D4FG78QM47MF9TVXYXKFB9\",\"status\":\"triaging\"}"
                .getBytes(StandardCharsets.UTF_8);
        Javalin noop = factory.create(routes -> routes.post("/v1/webhooks/{tenantId}/{provider}", ctx -> {
            ctx.req().getInputStream().readAllBytes();
            ctx.status(202).contentType("application/json").result(accepted);
        }));
        noop.start();
        try {
            return load(URI.create("http://127.0.0.1:" + factory.boundPort()), "baseline");
        }
        finally {
            noop.stop();
        }
    }

    private static ReceiverConfig config(Path data, Duration simulatorDelay) {
        return ReceiverConfig.builder().tenant(TENANT, API_KEY, SECRET, TOKEN).dataDir(data)
                .simulatorStepDelay(simulatorDelay).maxThreads(1200).build();
    }

    // ------------------------------------------------------------------ attacks (issue 13)

    private static ReceiverConfig.Builder attackConfig(Path data) {
        ReceiverConfig.Builder builder = ReceiverConfig.builder().tenant(TENANT, API_KEY, SECRET, TOKEN).dataDir(data)
                .simulatorStepDelay(SIMULATOR_DELAY);
        for (int t = 0; t < IDLE_TENANTS; t++) {
            builder.tenant("idle" + t, "cflo_idle_key_" + t, "whsec_idle_" + t, "cfst_idle_token_" + t);
        }
        return builder;
    }

    /** Item 1: idle streams (500 on each of 10 tenants, the default cap) attached while ingest is measured. */
    private static String idleStreams(Path data) throws Exception {
        try (ReceiverServer server = ReceiverServer.create(attackConfig(data).build()).start()) {
            URI base = server.baseUri();
            List<Socket> streams = new ArrayList<>();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < IDLE_STREAMS; i++) {
                    Socket socket = new Socket(base.getHost(), base.getPort());
                    socket.setSoTimeout(30_000);
                    socket.getOutputStream().write(("GET /v1/notifications/stream HTTP/1.1\r\nHost: bench\r\n"
                            + "Authorization: Bearer cfst_idle_token_" + (i % IDLE_TENANTS) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    streams.add(socket);
                    String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII)).readLine();
                    if (status == null || !status.contains(" 200 ")) {
                        throw new IOException("stream " + i + " refused: " + status);
                    }
                }
                double attachSeconds = (System.nanoTime() - start) / 1e9;
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                HealthProbe health = HealthProbe.start(base);
                Result result = load(base, "durable+" + IDLE_STREAMS + "idle");
                String healthLine = health.stop();
                return result.line() + String.format(Locale.ROOT, "%n         %d idle streams attached in %.1f s "
                        + "(open on server: %d); JVM threads %d; %s; target (>= 3000/s, p99 < 50 ms, health < 100 ms)",
                        IDLE_STREAMS, attachSeconds, server.subscriberCount(), threads, healthLine);
            }
            finally {
                for (Socket socket : streams) {
                    socket.close();
                }
            }
        }
    }

    /** Item 2: slow-body clients (1 byte a second, reconnecting when cut at the deadline) while ingest is measured. */
    private static String slowBodies(Path data) throws Exception {
        try (ReceiverServer server = ReceiverServer.create(attackConfig(data).build()).start()) {
            URI base = server.baseUri();
            AtomicLong reconnects = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean attacking = new java.util.concurrent.atomic.AtomicBoolean(true);
            byte[] head = ("POST /v1/webhooks/" + TENANT + "/custom HTTP/1.1\r\nHost: bench\r\nContent-Type: "
                    + "application/json\r\nX-API-Key: " + API_KEY + "\r\nX-Webhook-Signature: sha256=" + "0".repeat(64)
                    + "\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII);
            Socket[] slow = new Socket[SLOW_BODIES];
            Thread attacker = new Thread(() -> {
                while (attacking.get()) {
                    long round = System.nanoTime();
                    for (int i = 0; i < slow.length && attacking.get(); i++) {
                        try {
                            if (slow[i] == null) {
                                slow[i] = new Socket(base.getHost(), base.getPort());
                                slow[i].getOutputStream().write(head);
                            }
                            else {
                                slow[i].getOutputStream().write('x');
                            }
                        }
                        catch (IOException e) {
                            closeQuietly(slow[i]);
                            slow[i] = null;
                            reconnects.incrementAndGet();
                        }
                    }
                    sleepUntil(round + 1_000_000_000L);
                }
            }, "bench-slow-bodies");
            attacker.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (server.bodiesArriving() < SLOW_BODIES * 9 / 10 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            int attached = server.bodiesArriving();
            HealthProbe health = HealthProbe.start(base);
            Result result = load(base, "durable+" + SLOW_BODIES + "slow");
            String healthLine = health.stop();
            int attachedAtEnd = server.bodiesArriving();
            attacking.set(false);
            attacker.join();
            for (Socket socket : slow) {
                closeQuietly(socket);
            }
            return result.line() + String.format(Locale.ROOT, "%n         slow bodies arriving at the server: %d at the "
                    + "start, %d at the end; attacker reconnects after 408: %d; %s; target p99 < 100 ms", attached,
                    attachedAtEnd, reconnects.get(), healthLine);
        }
    }

    /** Item 3: requests that declare 1 MiB and send nothing; live heap before and after they are all waiting. */
    private static String unsentBodies() throws Exception {
        try (ReceiverServer server = ReceiverServer.create(ReceiverConfig.builder().tenant(TENANT, API_KEY, SECRET, TOKEN)
                .bodyTimeout(Duration.ofSeconds(60)).build()).start()) {
            URI base = server.baseUri();
            long before = liveHeap();
            List<Socket> sockets = new ArrayList<>();
            byte[] head = ("POST /v1/webhooks/" + TENANT + "/custom HTTP/1.1\r\nHost: bench\r\nContent-Type: "
                    + "application/json\r\nX-API-Key: " + API_KEY + "\r\nX-Webhook-Signature: sha256=" + "0".repeat(64)
                    + "\r\nContent-Length: 1048576\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < UNSENT_BODIES; i++) {
                    Socket socket = new Socket(base.getHost(), base.getPort());
                    socket.getOutputStream().write(head);
                    sockets.add(socket);
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (server.bodiesArriving() < UNSENT_BODIES && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                int waiting = server.bodiesArriving();
                long after = liveHeap();
                return String.format(Locale.ROOT, "unsent   %d requests declaring 1 MiB, none sent (%d waiting at the "
                        + "server): live heap %.1f MB before, %.1f MB after (+%.1f MB; preallocation would add %d MB)",
                        UNSENT_BODIES, waiting, before / 1e6, after / 1e6, (after - before) / 1e6,
                        UNSENT_BODIES * 1048576L / 1_000_000);
            }
            finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** Item 4: a flood of signed ingest for a minute; the WAL's size sampled every 100 ms. */
    private static String walFlood(Path data) throws Exception {
        try (ReceiverServer server = ReceiverServer.create(attackConfig(data).build()).start()) {
            Path wal = data.resolve("causeflow.db-wal");
            AtomicLong largest = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        largest.accumulateAndGet(Files.exists(wal) ? Files.size(wal) : 0, Math::max);
                        Thread.sleep(100);
                    }
                    catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "bench-wal-sampler");
            sampler.start();
            Result result = load(server.baseUri(), "wal-flood", Duration.ZERO, WAL_FLOOD);
            sampling.set(false);
            sampler.join();
            return result.line() + String.format(Locale.ROOT, "%n         after %d s: WAL largest %.1f MB, at the end "
                    + "%.1f MB, database %.1f MB; target WAL < 64 MB", WAL_FLOOD.toSeconds(), largest.get() / 1e6,
                    Files.size(wal) / 1e6, Files.size(data.resolve("causeflow.db")) / 1e6);
        }
    }

    private static long liveHeap() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            }
            catch (IOException e) {
                // gone already
            }
        }
    }

    /** {@code GET /health} every 100 ms on its own connection while a load runs; reports p99 and max latency. */
    private static final class HealthProbe {
        private final Thread thread;
        private final LatencyLog log = new LatencyLog();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final AtomicLong failures = new AtomicLong();

        private HealthProbe(URI base) {
            byte[] request = ("GET /health HTTP/1.1\r\nHost: bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            thread = new Thread(() -> {
                try (KeepAliveClient http = new KeepAliveClient(base)) {
                    while (running.get()) {
                        long start = System.nanoTime();
                        if (http.exchange(request) != 200) {
                            failures.incrementAndGet();
                        }
                        log.add(System.nanoTime() - start);
                        Thread.sleep(100);
                    }
                }
                catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                }
            }, "bench-health");
        }

        static HealthProbe start(URI base) {
            HealthProbe probe = new HealthProbe(base);
            probe.thread.start();
            return probe;
        }

        String stop() throws InterruptedException {
            running.set(false);
            thread.join();
            long[] all = log.values();
            Arrays.sort(all);
            return String.format(Locale.ROOT, "/health during the load: %d probes, p99=%.1fms max=%.1fms failures=%d",
                    all.length, percentile(all, 99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
                    failures.get());
        }
    }

    // ------------------------------------------------------------------ ingest

    private static Result load(URI base, String name) throws Exception {
        return load(base, name, WARMUP, MEASURE);
    }

    private static Result load(URI base, String name, Duration warmup, Duration measure) throws Exception {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<LatencyLog> logs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            LatencyLog log = new LatencyLog();
            logs.add(log);
            int client = c;
            Thread thread = new Thread(() -> {
                try (KeepAliveClient http = new KeepAliveClient(base)) {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        byte[] request = http.signedAlert(name + "-" + client + "-" + i);
                        long start = System.nanoTime();
                        int status = http.exchange(request);
                        long done = System.nanoTime();
                        if (status != 202) {
                            errors.incrementAndGet();
                        }
                        else if (start >= warmupEnd && done <= end) {
                            log.add(done - start);
                        }
                    }
                }
                catch (IOException e) {
                    errors.incrementAndGet();
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(warmupEnd);
        Map<String, Long> cpuAtStart = cpuByThreadGroup();
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Long> cpu = cpuByThreadGroup();
        cpu.replaceAll((group, nanos) -> nanos - cpuAtStart.getOrDefault(group, 0L));
        logs.forEach(log -> latencies.add(log.values()));
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length / (double) measure.toSeconds(), percentile(all, 50), percentile(all, 99),
                percentile(all, 99.9), errors.get(), cpuPerIngest(cpu, all.length));
    }

    /**
     * CPU time of this JVM's threads, summed by name with digits removed ("causeflow-http-12" counts as
     * "causeflow-http-"). Throughput on a shared machine is noisy; CPU per ingest says where the work goes.
     */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                cpu.merge(info.getThreadName().replaceAll("\\d+", ""), nanos, Long::sum);
            }
            if (threads instanceof com.sun.management.ThreadMXBean allocation) {
                long bytes = allocation.getThreadAllocatedBytes(info.getThreadId());
                if (bytes > 0) {
                    cpu.merge(ALLOCATED, bytes, Long::sum);
                }
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu.put(PROCESS, os.getProcessCpuTime());
        }
        return cpu;
    }

    private static String cpuPerIngest(Map<String, Long> cpu, int ingests) {
        if (ingests == 0) {
            return "";
        }
        StringBuilder line = new StringBuilder("cpu-us/ingest: process=")
                .append(cpu.getOrDefault(PROCESS, 0L) / ingests / 1000);
        String allocated = " | allocated-kB/ingest=" + cpu.getOrDefault(ALLOCATED, 0L) / ingests / 1024;
        cpu.entrySet().stream().filter(e -> !e.getKey().startsWith("(") && e.getValue() / ingests >= 5_000)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(e.getValue() / ingests / 1000));
        return line.append(allocated).toString();
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1_000_000.0;
    }

    /** One keep-alive HTTP/1.1 connection with pre-built signed requests; no client library overhead. */
    private static final class KeepAliveClient implements AutoCloseable {
        private final URI base;
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        KeepAliveClient(URI base) throws IOException {
            this.base = base;
            this.socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        byte[] signedAlert(String key) {
            byte[] body = ("{\"title\":\"Build failed: bench #" + key + "\",\"description\":\"ERROR: tests failed\\n"
                    + "at com.example.FooTest\",\"sourceAlertId\":\"" + key + "\",\"severity\":\"high\","
                    + "\"service\":\"ci\",\"tags\":{\"job\":\"bench\"}}").getBytes(StandardCharsets.UTF_8);
            String head = "POST /v1/webhooks/" + TENANT + "/custom HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nContent-Type: application/json\r\nX-API-Key: " + API_KEY
                    + "\r\nX-Webhook-Signature: sha256=" + SignatureVerifier.hexHmac(SECRET, body)
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            return request;
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            String header;
            while (!(header = line()).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                int size;
                while ((size = Integer.parseInt(line().strip(), 16)) > 0) {
                    in.readNBytes(size);
                    line();
                }
                line();
            }
            else if (length > 0) {
                in.readNBytes(length);
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Growable array of nanosecond latencies. */
    private static final class LatencyLog {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }
    }

    private record Result(String name, double perSecond, double p50Millis, double p99Millis, double p999Millis,
                          long errors, String cpu) {
        String line() {
            return String.format(Locale.ROOT, "%-8s ingests/s=%.0f p50=%.2fms p99=%.2fms p99.9=%.2fms non-202=%d%n"
                    + "         %s", name, perSecond, p50Millis, p99Millis, p999Millis, errors, cpu);
        }
    }

    // ------------------------------------------------------------------ SSE

    private static SseResult sse(URI base) throws Exception {
        int eventsPerAlert = 8;
        int expected = SSE_ALERTS * eventsPerAlert;
        CountDownLatch connected = new CountDownLatch(SUBSCRIBERS);
        CountDownLatch finished = new CountDownLatch(SUBSCRIBERS);
        List<LatencyLog> logs = new ArrayList<>();
        AtomicLong incomplete = new AtomicLong();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            LatencyLog log = new LatencyLog();
            logs.add(log);
            Thread reader = new Thread(null, () -> {
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setSoTimeout(60_000);
                    socket.getOutputStream().write(("GET /v1/notifications/stream HTTP/1.0\r\nAuthorization: Bearer "
                            + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    String line;
                    boolean counted = false;
                    int received = 0;
                    while (received < expected && (line = lines.readLine()) != null) {
                        if (line.startsWith(": connected") && !counted) {
                            counted = true;
                            connected.countDown();
                        }
                        else if (line.startsWith("data: {\"event\"")) {
                            long now = System.currentTimeMillis();
                            int at = line.indexOf("\"timestamp\":\"") + 13;
                            long sent = Instant.parse(line.substring(at, line.indexOf('"', at))).toEpochMilli();
                            log.add((now - sent) * 1_000_000L);
                            received++;
                        }
                    }
                    if (received < expected) {
                        incomplete.incrementAndGet();
                    }
                }
                catch (IOException | RuntimeException e) {
                    incomplete.incrementAndGet();
                }
                finally {
                    if (connected.getCount() > 0) {
                        connected.countDown();
                    }
                    finished.countDown();
                }
            }, "bench-sse-" + s, 256 * 1024);
            reader.setDaemon(true);
            reader.start();
        }
        connected.await();
        long start = System.nanoTime();
        try (KeepAliveClient http = new KeepAliveClient(base)) {
            long interval = 1_000_000_000L / 50;
            for (int i = 0; i < SSE_ALERTS; i++) {
                http.exchange(http.signedAlert("sse-" + i));
                long next = start + (i + 1) * interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        finished.await();
        long[] all = logs.stream().map(LatencyLog::values).flatMapToLong(Arrays::stream).sorted().toArray();
        return new SseResult(SUBSCRIBERS, all.length, percentile(all, 50), percentile(all, 99),
                percentile(all, 99.9), incomplete.get());
    }

    private record SseResult(int subscribers, long deliveries, double p50Millis, double p99Millis, double p999Millis,
                             long incomplete) {
        String line() {
            return String.format(Locale.ROOT, "sse      subscribers=%d deliveries=%d p50=%.0fms p99=%.0fms "
                    + "p99.9=%.0fms incomplete-subscribers=%d (alerts at 50/s, 8 events each)",
                    subscribers, deliveries, p50Millis, p99Millis, p999Millis, incomplete);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
