package io.causeflow.client.outbox;

import io.causeflow.client.DeliveryOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.causeflow.client.outbox.OutboxFixtures.API_KEY;
import static io.causeflow.client.outbox.OutboxFixtures.WEBHOOK_SECRET;
import static io.causeflow.client.outbox.OutboxFixtures.queued;
import static io.causeflow.client.outbox.OutboxFixtures.resolver;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests the background {@link OutboxSender} (real thread, real clock, loopback receiver). */
class OutboxSenderTest {
    @TempDir
    Path dir;

    private LoopbackReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new LoopbackReceiver(API_KEY, WEBHOOK_SECRET);
        receiver.recordRequests(false);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldDrainTenThousandEntriesCompletely() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        // fsync off: this test is about draining; durability is the crash test's subject, and 20,000 fsyncs
        // would cost minutes on a shared CI disk.
        try (Outbox outbox = Outbox.builder(dir).fsync(false).listener(new OutboxListener() {
            @Override
            public void onDelivered(final OutboxEntry entry, final DeliveryOutcome outcome) {
                delivered.incrementAndGet();
            }
        }).open()) {
            for (int i = 0; i < 10_000; i++) {
                outbox.enqueue(queued(receiver.baseUrl(), "drain-" + i));
            }
            assertThat(outbox.stats().pendingEntries()).isEqualTo(10_000);

            try (OutboxSender sender = outbox.startSender(resolver())) {
                await(() -> outbox.pending().isEmpty(), Duration.ofMinutes(3));
            }

            assertThat(receiver.incidents()).hasSize(10_000);
            assertThat(receiver.posts().values()).allSatisfy(posts -> assertThat(posts).isEqualTo(1));
            assertThat(delivered).hasValue(10_000);
            assertThat(outbox.dead()).isEmpty();
            assertThat(OutboxTest.files(dir.resolve("pending"))).isEmpty();
        }
    }

    @Test
    void shouldWakeOnEnqueueFromManyThreads() throws Exception {
        try (Outbox outbox = Outbox.builder(dir).open(); OutboxSender sender = outbox.startSender(resolver())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<OutboxEntry>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "threads-" + i;
                futures.add(pool.submit(() -> outbox.enqueue(queued(receiver.baseUrl(), id))));
            }
            for (Future<OutboxEntry> future : futures) {
                future.get();
            }
            pool.shutdown();

            await(() -> receiver.incidents().size() == 40, Duration.ofSeconds(60));
            await(() -> outbox.pending().isEmpty(), Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldRetryInTheBackgroundAndStopWhenClosed() throws Exception {
        try (Outbox outbox = Outbox.builder(dir).backoff(Duration.ofMillis(100), Duration.ofMillis(200)).open()) {
            receiver.script(503, null, "");
            receiver.script(503, "0", "");
            OutboxSender sender = outbox.startSender(resolver());
            outbox.enqueue(queued(receiver.baseUrl(), "retried"));

            await(() -> receiver.incidents().containsKey("retried"), Duration.ofSeconds(30));
            sender.close();
            outbox.enqueue(queued(receiver.baseUrl(), "after-close"));
            Thread.sleep(300);

            assertThat(receiver.incidents()).containsOnlyKeys("retried");
            assertThat(outbox.pending()).extracting(OutboxEntry::sourceAlertId).containsExactly("after-close");
        }
    }

    static void await(final BooleanSupplier condition, final Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within %s", timeout).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
