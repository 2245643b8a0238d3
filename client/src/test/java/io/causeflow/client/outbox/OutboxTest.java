package io.causeflow.client.outbox;

import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.DeliveryStatus;
import io.causeflow.client.fixtures.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.causeflow.client.outbox.OutboxFixtures.API_KEY;
import static io.causeflow.client.outbox.OutboxFixtures.WEBHOOK_SECRET;
import static io.causeflow.client.outbox.OutboxFixtures.queued;
import static io.causeflow.client.outbox.OutboxFixtures.resolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests {@link Outbox} against a loopback receiver, with a manual clock and synchronous drains. */
class OutboxTest {
    @TempDir
    Path dir;

    private LoopbackReceiver receiver;
    private final ManualClock clock = ManualClock.atDefaultStart();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<DeliveryOutcome> delivered = new CopyOnWriteArrayList<>();
    private final List<Outbox> opened = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new LoopbackReceiver(API_KEY, WEBHOOK_SECRET);
    }

    @AfterEach
    void stop() {
        opened.forEach(Outbox::close);
        receiver.close();
    }

    private Outbox.Builder builder() {
        return Outbox.builder(dir).clock(clock).jitter(() -> 1.0).warnings(warnings::add)
                .listener(new OutboxListener() {
                    @Override
                    public void onDelivered(final OutboxEntry entry, final DeliveryOutcome outcome) {
                        delivered.add(outcome);
                        events.add("delivered " + entry.sourceAlertId());
                    }

                    @Override
                    public void onDead(final OutboxEntry entry) {
                        events.add("dead " + entry.sourceAlertId() + ": " + entry.deadReason());
                    }

                    @Override
                    public void onRetryScheduled(final OutboxEntry entry) {
                        events.add("retry " + entry.sourceAlertId());
                    }
                });
    }

    private Outbox open(final Outbox.Builder builder) throws IOException {
        Outbox outbox = builder.open();
        opened.add(outbox);
        return outbox;
    }

    private Outbox open() throws IOException {
        return open(builder());
    }

    @Test
    void shouldDeliverAQueuedAlertAndRemoveItsFile() throws IOException {
        Outbox outbox = open();
        OutboxEntry entry = outbox.enqueue(queued(receiver.baseUrl(), "a-1"));

        assertThat(outbox.pending()).extracting(OutboxEntry::sourceAlertId).containsExactly("a-1");
        assertThat(entry.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(files(dir.resolve("pending"))).hasSize(1);

        Outbox.DrainResult result = outbox.deliverDue(resolver());

        assertThat(result).isEqualTo(new Outbox.DrainResult(1, 0, 0, 0));
        assertThat(receiver.incidents()).containsOnlyKeys("a-1");
        assertThat(outbox.pending()).isEmpty();
        assertThat(files(dir.resolve("pending"))).isEmpty();
        assertThat(delivered).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(outcome.incidentId()).contains(receiver.incidents().get("a-1"));
            assertThat(outcome.sourceAlertId()).contains("a-1");
        });
    }

    @Test
    void shouldSignTheSameStoredBytesOnEveryAttempt() throws IOException {
        Outbox outbox = open();
        QueuedAlert alert = queued(receiver.baseUrl(), "same-bytes");
        outbox.enqueue(alert);
        receiver.script(503, null, "{\"error\":\"unavailable\"}");
        receiver.script(500, null, "");

        for (int i = 0; i < 3; i++) {
            outbox.deliverDue(resolver());
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(receiver.requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.body()).isEqualTo(alert.body());
            assertThat(request.signature()).isEqualTo(receiver.requests().get(0).signature());
        });
        assertThat(receiver.incidents()).containsOnlyKeys("same-bytes");
        assertThat(events).containsExactly("retry same-bytes", "retry same-bytes", "delivered same-bytes");
        assertThat(delivered.get(0).attempts()).isEqualTo(3);
    }

    @Test
    void shouldBackOffExponentiallyUpToTheCap() throws IOException {
        Outbox outbox = open(builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        outbox.enqueue(queued(receiver.baseUrl(), "backoff"));
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            receiver.script(503, null, "");
            Instant before = clock.instant();
            outbox.deliverDue(resolver());
            waits.add(Duration.between(before, outbox.pending().get(0).nextAttemptAt()));
            clock.advance(Duration.ofSeconds(10));
        }

        // jitter 1.0 gives the full ceiling: 2, 4, 8, then capped at 10.
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(outbox.pending().get(0).attempts()).isEqualTo(5);
        assertThat(outbox.pending().get(0).lastError()).contains("HTTP 503");
    }

    @Test
    void shouldHonourRetryAfter() throws IOException {
        Outbox outbox = open();
        outbox.enqueue(queued(receiver.baseUrl(), "retry-after"));
        receiver.script(429, "120", "{\"error\":\"rate_limited\"}");
        Instant start = clock.instant();

        outbox.deliverDue(resolver());
        assertThat(outbox.pending()).singleElement().satisfies(entry -> {
            assertThat(entry.nextAttemptAt()).isEqualTo(start.plusSeconds(120));
            assertThat(entry.lastError()).contains("HTTP 429").contains("120 s");
        });

        clock.advance(Duration.ofSeconds(119));
        outbox.deliverDue(resolver());
        assertThat(receiver.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue(resolver());
        assertThat(receiver.requests()).hasSize(2);
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void shouldCountA409AsDelivered() throws IOException {
        Outbox outbox = open();
        outbox.enqueue(queued(receiver.baseUrl(), "dup"));
        outbox.deliverDue(resolver());
        outbox.enqueue(queued(receiver.baseUrl(), "dup"));

        Outbox.DrainResult result = outbox.deliverDue(resolver());

        assertThat(result.delivered()).isEqualTo(1);
        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.dead()).isEmpty();
        assertThat(delivered).extracting(DeliveryOutcome::status)
                .containsExactly(DeliveryStatus.ACCEPTED, DeliveryStatus.DUPLICATE);
        assertThat(receiver.incidents()).hasSize(1);
    }

    @Test
    void shouldMoveAFinal4xxToDeadAndNeverRetryItAutomatically() throws IOException {
        Outbox outbox = open();
        outbox.enqueue(queued(receiver.baseUrl(), "refused"));
        receiver.script(403, null, "{\"error\":\"forbidden\",\"message\":\"tenant suspended\"}");

        outbox.deliverDue(resolver());

        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.dead()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(OutboxEntry.State.DEAD);
            assertThat(entry.deadReason()).contains("HTTP 403 forbidden").contains("tenant suspended")
                    .contains("not retried automatically");
            assertThat(entry.attempts()).isZero();
        });
        assertThat(files(dir.resolve("dead"))).hasSize(1);
        assertThat(files(dir.resolve("pending"))).isEmpty();

        clock.advance(Duration.ofHours(1));
        outbox.deliverDue(resolver());
        assertThat(receiver.requests()).hasSize(1);

        assertThat(outbox.retryNow(outbox.dead().get(0).id())).isTrue();
        outbox.deliverDue(resolver());
        assertThat(outbox.dead()).isEmpty();
        assertThat(receiver.incidents()).containsOnlyKeys("refused");
    }

    @Test
    void shouldMoveToDeadOnceTheMaximumAgeIsReached() throws IOException {
        Outbox outbox = open(builder().maxAge(Duration.ofMinutes(30)).backoff(Duration.ofMinutes(4),
                Duration.ofMinutes(8)));
        outbox.enqueue(queued(receiver.baseUrl(), "too-old"));
        for (int i = 0; i < 20; i++) {
            receiver.script(503, null, "");
        }

        for (int i = 0; i < 12 && !outbox.pending().isEmpty(); i++) {
            outbox.deliverDue(resolver());
            outbox.nextDue().ifPresent(due -> clock.advance(Duration.between(clock.instant(), due)));
        }

        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.dead()).singleElement().satisfies(entry -> {
            assertThat(entry.deadReason()).startsWith("not delivered within the maximum age of 1800 s")
                    .contains("last error: HTTP 503");
            assertThat(Duration.between(entry.firstQueuedAt(), entry.deadAt())).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(events).last().asString().startsWith("dead too-old");
    }

    @Test
    void shouldMoveTheOldestPendingToDeadWhenTheEntryBoundIsReached() throws IOException {
        Outbox outbox = open(builder().maxEntries(3));
        for (int i = 1; i <= 5; i++) {
            outbox.enqueue(queued(receiver.baseUrl(), "full-" + i));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(outbox.pending()).extracting(OutboxEntry::sourceAlertId).containsExactly("full-3", "full-4",
                "full-5");
        assertThat(outbox.dead()).extracting(OutboxEntry::sourceAlertId).containsExactly("full-1", "full-2");
        assertThat(outbox.dead()).allSatisfy(entry -> assertThat(entry.deadReason()).startsWith("outbox full"));
        assertThat(warnings).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("WARNING outbox")
                .contains("is full"));
        assertThat(files(dir.resolve("pending"))).hasSize(3);
    }

    @Test
    void shouldBoundTheBytesOfPendingAndOfDeadEntries() throws IOException {
        Outbox outbox = open(builder().maxBytes(64 * 1024));
        String filler = "x".repeat(20_000);
        for (int i = 1; i <= 8; i++) {
            outbox.enqueue(QueuedAlert.builder().alert(OutboxFixtures.alert("big-" + i).toBuilder()
                    .description(filler).build()).baseUrl(receiver.baseUrl()).tenantId("t")
                    .apiKeyCredentialId("k").webhookSecretCredentialId("s").build());
        }

        Outbox.Stats stats = outbox.stats();
        assertThat(stats.pendingBytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(stats.deadBytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(stats.pendingEntries()).isEqualTo(3);
        assertThat(stats.deadEntries()).isEqualTo(3);
        assertThat(outbox.pending()).extracting(OutboxEntry::sourceAlertId).containsExactly("big-6", "big-7",
                "big-8");
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("dead/ is over its bound")
                .contains("big-1"));
        assertThat(files(dir.resolve("pending")).size() + files(dir.resolve("dead")).size()).isEqualTo(6);
    }

    @Test
    void shouldRefuseAnAlertLargerThanTheByteBound() throws IOException {
        Outbox outbox = open(builder().maxBytes(64 * 1024));
        QueuedAlert huge = new QueuedAlert(("{\"title\":\"" + "y".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8), URI.create("http://127.0.0.1:1/v1/webhooks/t/custom"), "t",
                "huge", io.causeflow.client.SignatureFormat.PREFIXED, "k", "s", null);

        assertThatThrownBy(() -> outbox.enqueue(huge)).isInstanceOf(OutboxException.class)
                .hasMessageContaining("huge").hasMessageContaining("exceed the outbox bound of 65536 bytes");
        assertThat(outbox.pending()).isEmpty();
        assertThat(files(dir.resolve("pending"))).isEmpty();
    }

    @Test
    void shouldNeverWriteASecretToDisk() throws IOException {
        Outbox outbox = open(builder().maxEntries(2));
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(queued(receiver.baseUrl(), "secret-" + i));
        }
        // The server echoes both secrets back; the stored last error must not keep them.
        receiver.script(500, null, "{\"error\":\"boom\",\"message\":\"bad key " + API_KEY + " / " + WEBHOOK_SECRET
                + "\"}");
        receiver.script(401, null, "{\"error\":\"denied\",\"message\":\"key " + API_KEY + "\"}");
        outbox.deliverDue(resolver());

        assertThat(outbox.pending()).singleElement().satisfies(entry -> assertThat(entry.lastError())
                .contains("****").doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET));
        assertThat(outbox.dead()).anySatisfy(entry -> assertThat(entry.deadReason()).contains("HTTP 401"));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : all) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);
        }
        assertThat(outbox.pending().toString() + outbox.dead()).doesNotContain(API_KEY)
                .doesNotContain(WEBHOOK_SECRET);
    }

    @Test
    void shouldResolveCredentialsAtSendTimeAndKillTheEntryWhenTheyAreGoneForGood() throws IOException {
        Outbox outbox = open();
        outbox.enqueue(queued(receiver.baseUrl(), "later"));
        outbox.enqueue(queued(receiver.baseUrl(), "orphan"));
        List<String> asked = new CopyOnWriteArrayList<>();
        CredentialResolver resolver = (id, entry) -> {
            asked.add(id + " for " + entry.buildId());
            if (entry.sourceAlertId().equals("orphan")) {
                throw CredentialUnavailableException.permanently("build " + entry.buildId() + " was deleted");
            }
            if (asked.size() < 3) {
                throw CredentialUnavailableException.forNow("Jenkins is still starting");
            }
            return resolver().resolve(id, entry);
        };

        outbox.deliverDue(resolver);

        assertThat(outbox.dead()).singleElement().satisfies(entry -> assertThat(entry.deadReason())
                .startsWith("credentials: build team/payments/main#").contains("was deleted"));
        assertThat(outbox.pending()).singleElement().satisfies(entry -> assertThat(entry.lastError())
                .isEqualTo("credentials: Jenkins is still starting"));
        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue(resolver);
        assertThat(receiver.incidents()).containsOnlyKeys("later");
        assertThat(asked).allSatisfy(line -> assertThat(line).contains(" for team/payments/main#"));
    }

    @Test
    void shouldListDiscardAndRetryEntries() throws IOException {
        Outbox outbox = open();
        OutboxEntry first = outbox.enqueue(queued(receiver.baseUrl(), "one"));
        OutboxEntry second = outbox.enqueue(queued(receiver.baseUrl(), "two"));
        receiver.script(503, "600", "");
        receiver.script(503, "600", "");
        outbox.deliverDue(resolver());
        assertThat(outbox.nextDue()).contains(clock.instant().plusSeconds(600));

        assertThat(outbox.discard(first.id())).isTrue();
        assertThat(outbox.discard(first.id())).isFalse();
        assertThat(outbox.retryAllNow()).isEqualTo(1);
        outbox.deliverDue(resolver());

        assertThat(receiver.incidents()).containsOnlyKeys("two");
        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.find(second.id())).isEmpty();
        assertThat(files(dir.resolve("pending"))).isEmpty();
    }

    @Test
    void shouldKeepEntriesAcrossARestart() throws IOException {
        Outbox outbox = open();
        outbox.enqueue(queued(receiver.baseUrl(), "restart"));
        receiver.script(502, null, "");
        outbox.deliverDue(resolver());
        OutboxEntry before = outbox.pending().get(0);
        outbox.close();

        Outbox reopened = open();

        assertThat(reopened.pending()).containsExactly(before);
        clock.advance(Duration.ofMinutes(1));
        reopened.deliverDue(resolver());
        assertThat(receiver.incidents()).containsOnlyKeys("restart");
        assertThat(delivered).singleElement().satisfies(outcome -> assertThat(outcome.attempts()).isEqualTo(2));
    }

    @Test
    void shouldQuarantineDamagedFilesAndStillSendTheGoodOnes() throws IOException {
        Outbox outbox = open();
        OutboxEntry good = outbox.enqueue(queued(receiver.baseUrl(), "good"));
        OutboxEntry victim = outbox.enqueue(queued(receiver.baseUrl(), "victim"));
        outbox.close();
        Path victimFile = dir.resolve("pending").resolve(victim.id() + ".entry");
        byte[] bytes = Files.readAllBytes(victimFile);
        Files.write(victimFile, java.util.Arrays.copyOf(bytes, bytes.length - 7)); // lost its tail
        Files.writeString(dir.resolve("pending").resolve("0000000000000-000000-00000000.entry"), "garbage");
        Files.writeString(dir.resolve("pending").resolve(good.id() + ".entry.1a2b.tmp"), "half written");

        Outbox reopened = open();
        reopened.deliverDue(resolver());

        assertThat(receiver.incidents()).containsOnlyKeys("good");
        assertThat(receiver.badBodies()).isZero();
        assertThat(files(dir.resolve("pending"))).isEmpty();
        assertThat(files(dir.resolve("quarantine"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(victim.id() + ".entry", victim.id() + ".entry.reason.txt",
                        "0000000000000-000000-00000000.entry", "0000000000000-000000-00000000.entry.reason.txt");
        assertThat(Files.readString(dir.resolve("quarantine").resolve(victim.id() + ".entry.reason.txt")))
                .contains("body is");
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("removed 1 unfinished temporary file"));
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("not an intact entry"));
    }

    @Test
    void shouldFailClearlyAndLeaveNothingWhenTheDirectoryIsNotWritable() throws IOException {
        Outbox outbox = open();
        Path pending = dir.resolve("pending");
        Files.delete(pending);
        Files.writeString(pending, "not a directory"); // works as root too, unlike chmod

        assertThatThrownBy(() -> outbox.enqueue(queued(receiver.baseUrl(), "nowhere")))
                .isInstanceOf(OutboxException.class)
                .hasMessageStartingWith("cannot queue alert nowhere in " + pending)
                .hasMessageEndingWith("nothing was queued");
        assertThat(outbox.pending()).isEmpty();
        assertThat(files(dir.resolve("dead"))).isEmpty();
    }

    @Test
    void shouldRefuseASecondOutboxOnTheSameDirectory() throws IOException {
        open();

        assertThatThrownBy(() -> Outbox.builder(dir).open()).isInstanceOf(OutboxException.class)
                .hasMessageContaining("is in use");
    }

    @Test
    void shouldRefuseToQueueAnAlertWithoutSourceAlertId() {
        assertThatThrownBy(() -> QueuedAlert.builder().alert(OutboxFixtures.alert("x").toBuilder()
                .sourceAlertId(null).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a sourceAlertId");
    }

    static List<Path> files(final Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
