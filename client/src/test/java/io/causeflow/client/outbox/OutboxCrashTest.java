package io.causeflow.client.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.causeflow.client.outbox.OutboxFixtures.API_KEY;
import static io.causeflow.client.outbox.OutboxFixtures.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with real processes: a child JVM ({@link OutboxChild}) enqueues and sends in a loop and is
 * killed with SIGKILL at random moments; a RLIMIT_FSIZE child stands in for a full disk. The receiver is the
 * loopback {@link LoopbackReceiver} (HMAC-checking, dedup by sourceAlertId); the reference receiver module
 * depends on the client, so it cannot serve the client's own tests.
 */
class OutboxCrashTest {
    /** At least 200 kills (issue 11); a property allows longer soak runs. */
    private static final int KILLS = Integer.getInteger("outbox.crash.kills", 200);

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryReturnedEnqueueExactlyOnceAcrossKillNine() throws Exception {
        long seed = Long.getLong("outbox.crash.seed", System.nanoTime());
        Set<String> returned = ConcurrentHashMap.newKeySet();
        AtomicInteger tempsSeen = new AtomicInteger();
        try (LoopbackReceiver receiver = new LoopbackReceiver(API_KEY, WEBHOOK_SECRET)) {
            receiver.recordRequests(false);
            // Four lanes (own directory each): JVM start-up dominates, and overlapping it keeps the run ~1-2 min.
            List<Path> lanes = List.of(dir.resolve("lane-a"), dir.resolve("lane-b"), dir.resolve("lane-c"),
                    dir.resolve("lane-d"));
            ExecutorService pool = Executors.newFixedThreadPool(lanes.size());
            List<Future<?>> runs = new ArrayList<>();
            for (int lane = 0; lane < lanes.size(); lane++) {
                Path laneDir = lanes.get(lane);
                Random random = new Random(seed + lane);
                String name = "l" + lane + "k";
                int kills = KILLS / lanes.size() + (lane < KILLS % lanes.size() ? 1 : 0);
                runs.add(pool.submit(() -> {
                    for (int kill = 0; kill < kills; kill++) {
                        tempsSeen.addAndGet(count(laneDir.resolve("pending"), ".tmp"));
                        killOnce(laneDir, receiver, name + kill, random, returned);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(15, TimeUnit.MINUTES);
            }
            pool.shutdown();

            for (Path laneDir : lanes) {
                try (Outbox outbox = Outbox.builder(laneDir).open()) {
                    assertThat(count(laneDir.resolve("pending"), ".tmp")).isZero();
                    outbox.retryAllNow();
                    while (!outbox.pending().isEmpty()) {
                        outbox.deliverDue(OutboxFixtures.resolver());
                    }
                    assertThat(outbox.dead()).isEmpty();
                }
                assertThat(OutboxTest.files(laneDir.resolve("quarantine"))).as("no damaged entry was ever found")
                        .isEmpty();
                assertThat(OutboxTest.files(laneDir.resolve("pending"))).isEmpty();
            }

            Map<String, String> incidents = receiver.incidents();
            assertThat(returned).hasSizeGreaterThanOrEqualTo(KILLS);
            assertThat(incidents.keySet()).containsAll(returned);
            assertThat(incidents.keySet()).allSatisfy(id -> assertThat(id).matches("l[0-3]k\\d+-\\d+"));
            assertThat(receiver.badSignatures()).isZero();
            assertThat(receiver.badBodies()).isZero();
            int posts = receiver.posts().values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("outbox crash test (seed %d): %d kills, %d enqueues returned, %d incidents (one per "
                    + "id), %d POSTs (%d redeliveries answered 409), %d temp files left by kills and removed%n", seed,
                    KILLS, returned.size(), incidents.size(), posts, posts - incidents.size(), tempsSeen.get());
        }
    }

    private static void killOnce(final Path laneDir, final LoopbackReceiver receiver, final String prefix,
            final Random random, final Set<String> returned) throws Exception {
        Process child = start(List.of("enqueue-forever", laneDir.toString(), receiver.baseUrl().toString(), prefix));
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readLines(child, ready, returned));
        reader.start();
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("child %s started", prefix).isTrue();
        Thread.sleep(random.nextInt(150)); // a random moment: mid-write, mid-rename, mid-send, mid-delete
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
    }

    @Test
    void shouldFailClearlyWithoutACorruptEntryWhenTheDiskIsFull() throws Exception {
        // RLIMIT_FSIZE makes writes past 64 KiB fail with EFBIG (the JVM ignores SIGXFSZ), as on a full disk.
        Process child = new ProcessBuilder(withShell(List.of("enqueue-big", dir.toString(), "http://127.0.0.1:9",
                "disk-full", "200000"))).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("ERR cannot queue alert disk-full in " + dir.resolve("pending"))
                .contains("File too large").contains("nothing was queued");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("lock");
        }
        try (Outbox outbox = Outbox.builder(dir).open()) {
            assertThat(outbox.pending()).isEmpty();
            assertThat(outbox.dead()).isEmpty();
        }
    }

    private static List<String> withShell(final List<String> childArgs) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
        command.addAll(javaCommand());
        command.addAll(childArgs);
        return command;
    }

    private static Process start(final List<String> childArgs) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(childArgs);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> javaCommand() {
        // C1 only, serial GC, small heap: a child starts in a fraction of a second, so 200 kills stay ~1-2 min.
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx64m", "-XX:-UsePerfData", "-cp", childClassPath(), OutboxChild.class.getName());
    }

    /** Only what the child loads (our classes, Jackson, commons-codec): less for the JVM to open at each start. */
    private static String childClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.endsWith("classes") || entry.contains("jackson-")
                        || entry.contains("commons-codec") || entry.contains("spotbugs-annotations"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Counts only complete lines: a line cut by the kill is not proof that its enqueue returned. */
    private static void readLines(final Process child, final CountDownLatch ready, final Set<String> returned) {
        try (InputStreamReader in = new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                if (line.toString().equals("READY")) {
                    ready.countDown();
                }
                else if (line.toString().startsWith("Q ")) {
                    returned.add(line.substring(2));
                }
                line.setLength(0);
            }
        }
        catch (IOException e) {
            // The pipe broke with the child: what was read so far counts.
        }
    }

    private static int count(final Path folder, final String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
