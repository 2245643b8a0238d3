package io.causeflow.receiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests the class {@link ReceiverStore}. */
class ReceiverStoreTest {
    private static final String TENANT = "acme";
    private static final String OTHER_TENANT = "globex";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The two ways to open a store; most behaviour must be the same for both. */
    enum Kind {
        MEMORY, FILE
    }

    @TempDir
    Path data;

    private final List<ReceiverStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(ReceiverStore::close);
    }

    private Path storeDir() {
        return data.resolve("store");
    }

    private ReceiverStore open(Kind kind, Consumer<List<StoredEvent>> onCommitted) throws SQLException {
        ReceiverStore store = kind == Kind.MEMORY ? ReceiverStore.openInMemory(onCommitted)
                : ReceiverStore.openFile(storeDir(), onCommitted);
        opened.add(store);
        return store;
    }

    private ReceiverStore open(Kind kind) throws SQLException {
        return open(kind, events -> { });
    }

    private static String id(int n) {
        return String.format("inc_%05d", n);
    }

    private static NewIncident incident(String incidentId, String tenantId, Optional<String> sourceAlertId) {
        return incident(incidentId, tenantId, sourceAlertId, "Disk full on " + incidentId);
    }

    private static NewIncident incident(String incidentId, String tenantId, Optional<String> sourceAlertId,
            String title) {
        return new NewIncident(incidentId, tenantId, sourceAlertId, title, "ERROR: no space left on device", "high",
                Optional.of("checkout"), Optional.of("production"), Map.of("team", "payments"), "{\"host\":\"db-1\"}",
                IncidentStatus.TRIAGING.wireName(),
                List.of(new EventDraft("incident.created", Map.of("incidentId", incidentId, "title", title)),
                        new EventDraft("incident.status_changed", Map.of("incidentId", incidentId,
                                "previousStatus", "open", "newStatus", "triaging"))));
    }

    private static NewIncident incident(String incidentId) {
        return incident(incidentId, TENANT, Optional.empty());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static CreateOutcome.Created created(CompletableFuture<CreateOutcome> future) throws Exception {
        CreateOutcome outcome = await(future);
        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        return (CreateOutcome.Created) outcome;
    }

    private static List<Long> ids(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::id).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static List<String> incidentIds(List<Incident> incidents) {
        return incidents.stream().map(Incident::incidentId).toList();
    }

    // ---------------------------------------------------------------- dedup

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldAnswerTheSameSourceAlertIdAgainWithADuplicateNamingTheFirstIncidentAndKeepOnlyItsEvents(Kind kind)
            throws Exception {
        ReceiverStore store = open(kind);
        CreateOutcome.Created first = created(store.create(incident(id(1), TENANT, Optional.of("alert-1"))));

        CreateOutcome second = await(store.create(incident(id(2), TENANT, Optional.of("alert-1"))));

        assertThat(second).isEqualTo(new CreateOutcome.Duplicate(id(1)));
        assertThat(first.incidentId()).isEqualTo(id(1));
        assertThat(ids(first.events())).containsExactly(1L, 2L);
        assertThat(incidentIds(store.incidents(TENANT))).containsExactly(id(1));
        assertThat(store.incident(id(2))).isEmpty();
        List<StoredEvent> events = store.events(TENANT);
        assertThat(ids(events)).containsExactly(1L, 2L);
        assertThat(events).extracting(StoredEvent::incidentId).containsOnly(id(1));
        assertThat(events).extracting(StoredEvent::name).containsExactly("incident.created", "incident.status_changed");
        assertThat(store.lastEventId()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldAnswerTheSecondOfTwoCreatesWithOneSourceAlertIdInOneBatchWithADuplicateOfTheFirst(Kind kind)
            throws Exception {
        CommitRecorder recorder = new CommitRecorder();
        ReceiverStore store = open(kind, recorder);
        recorder.holdNextCommit();
        CompletableFuture<CreateOutcome> blocker = store.create(incident(id(0)));
        recorder.awaitHeld();

        CompletableFuture<CreateOutcome> first = store.create(incident(id(1), TENANT, Optional.of("alert-1")));
        CompletableFuture<CreateOutcome> second = store.create(incident(id(2), TENANT, Optional.of("alert-1")));
        recorder.release();

        assertThat(await(blocker)).isInstanceOf(CreateOutcome.Created.class);
        assertThat(await(first)).isInstanceOf(CreateOutcome.Created.class);
        assertThat(await(second)).isEqualTo(new CreateOutcome.Duplicate(id(1)));
        assertThat(incidentIds(store.incidents(TENANT))).containsExactlyInAnyOrder(id(0), id(1));
        assertThat(ids(store.events(TENANT))).containsExactly(1L, 2L, 3L, 4L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldCreateOneIncidentPerTenantForTheSameSourceAlertId(Kind kind) throws Exception {
        ReceiverStore store = open(kind);

        CreateOutcome first = await(store.create(incident(id(1), TENANT, Optional.of("alert-1"))));
        CreateOutcome second = await(store.create(incident(id(2), OTHER_TENANT, Optional.of("alert-1"))));

        assertThat(first).isInstanceOf(CreateOutcome.Created.class);
        assertThat(second).isInstanceOf(CreateOutcome.Created.class);
        assertThat(incidentIds(store.incidents(TENANT))).containsExactly(id(1));
        assertThat(incidentIds(store.incidents(OTHER_TENANT))).containsExactly(id(2));
        assertThat(ids(store.events(TENANT))).containsExactly(1L, 2L);
        assertThat(ids(store.events(OTHER_TENANT))).containsExactly(3L, 4L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldCreateEveryIncidentWithoutSourceAlertIdEvenWithTheSameTitle(Kind kind) throws Exception {
        ReceiverStore store = open(kind);

        List<CreateOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            outcomes.add(await(store.create(incident(id(i), TENANT, Optional.empty(), "same title"))));
        }

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(CreateOutcome.Created.class));
        assertThat(outcomes).extracting(CreateOutcome::incidentId).containsExactly(id(1), id(2), id(3));
        assertThat(incidentIds(store.incidents(TENANT))).containsExactlyInAnyOrder(id(1), id(2), id(3));
        assertThat(store.incident(id(3)).orElseThrow().sourceAlertId()).isEmpty();
        assertThat(ids(store.events(TENANT))).isEqualTo(range(1, 6));
    }

    // ---------------------------------------------------------------- failing writes and batches

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldFailOnlyTheCreateThatReusesAnIncidentIdInABatchOf50AndKeepEventIdsGapFree(Kind kind)
            throws Exception {
        CommitRecorder recorder = new CommitRecorder();
        ReceiverStore store = open(kind, recorder);
        created(store.create(incident("inc_taken", TENANT, Optional.empty(), "original")));
        // The writer waits inside the next commit's callback, so the 50 creates below queue up behind it and are
        // then drained as one batch: the primary-key conflict fails that whole batch, not only its own write.
        recorder.holdNextCommit();
        CompletableFuture<CreateOutcome> blocker = store.create(incident(id(0)));
        recorder.awaitHeld();

        int count = 50;
        int reusing = 25;
        List<CompletableFuture<CreateOutcome>> futures = submitConcurrently(count, i -> store.create(i == reusing
                ? incident("inc_taken", TENANT, Optional.empty(), "stolen") : incident(id(i + 1))));
        recorder.release();

        assertThat(await(blocker)).isInstanceOf(CreateOutcome.Created.class);
        assertThat(futures.get(reusing)).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(SQLException.class).withMessageContaining("incidents.incident_id");
        List<CreateOutcome.Created> createdOutcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i != reusing) {
                createdOutcomes.add(created(futures.get(i)));
            }
        }
        long lastId = 2 + 2 + (count - 1) * 2L;
        List<StoredEvent> stored = store.events(TENANT);
        assertThat(ids(stored)).isEqualTo(range(1, lastId));
        assertThat(store.lastEventId()).isEqualTo(lastId);
        Map<String, List<StoredEvent>> storedByIncident = stored.stream()
                .collect(Collectors.groupingBy(StoredEvent::incidentId));
        for (CreateOutcome.Created outcome : createdOutcomes) {
            assertThat(outcome.events()).as("events reported to the creator of %s", outcome.incidentId())
                    .isEqualTo(storedByIncident.get(outcome.incidentId()));
        }
        assertThat(store.incidents(TENANT)).hasSize(1 + 1 + count - 1);
        assertThat(store.incident("inc_taken").orElseThrow().title()).isEqualTo("original");
        assertThat(storedByIncident.get("inc_taken")).extracting(StoredEvent::id).containsExactly(1L, 2L);
    }

    /** Calls {@code create} from 8 threads at once; returns the futures in index order once all are queued. */
    private static <T> List<CompletableFuture<T>> submitConcurrently(int count,
            IntFunction<CompletableFuture<T>> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CompletableFuture<T>>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                submitted.add(pool.submit(() -> {
                    start.await();
                    return create.apply(index);
                }));
            }
            start.countDown();
            List<CompletableFuture<T>> futures = new ArrayList<>();
            for (Future<CompletableFuture<T>> future : submitted) {
                futures.add(future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            }
            return futures;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldPublishEveryCommittedEventExactlyOnceInIdOrderEvenWhenABatchIsRetried(Kind kind) throws Exception {
        CommitRecorder recorder = new CommitRecorder();
        ReceiverStore store = open(kind, recorder);
        created(store.create(incident(id(1), TENANT, Optional.of("alert-1"))));
        recorder.holdNextCommit();
        CompletableFuture<CreateOutcome> blocker = store.create(incident(id(2)));
        recorder.awaitHeld();

        // One batch: creates, a duplicate, a change, and a primary-key conflict that makes the batch fail.
        List<CompletableFuture<?>> futures = new ArrayList<>();
        futures.add(store.create(incident(id(3))));
        futures.add(store.create(incident(id(4), TENANT, Optional.of("alert-1"))));
        futures.add(store.change(IncidentChange.eventsOnly(TENANT, id(1), Set.of(),
                List.of(new EventDraft("investigation.started", Map.of("incidentId", id(1)))))));
        CompletableFuture<CreateOutcome> failing = store.create(incident(id(3)));
        futures.add(store.create(incident(id(5), OTHER_TENANT, Optional.empty())));
        futures.add(store.create(incident(id(6))));
        recorder.release();

        await(blocker);
        for (CompletableFuture<?> future : futures) {
            await(future);
        }
        assertThat(futures.get(1).join()).isEqualTo(new CreateOutcome.Duplicate(id(1)));
        assertThat(futures.get(2).join()).isInstanceOf(ChangeOutcome.Applied.class);
        assertThat(failing).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(SQLException.class);
        List<StoredEvent> published = recorder.events();
        assertThat(ids(published)).isEqualTo(range(1, 11));
        List<StoredEvent> stored = new ArrayList<>(store.events(TENANT));
        stored.addAll(store.events(OTHER_TENANT));
        stored.sort((a, b) -> Long.compare(a.id(), b.id()));
        assertThat(published).isEqualTo(stored);
    }

    // ---------------------------------------------------------------- change

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldApplyAChangeInARequiredStatusAndShowItsStatusRootCauseAgentsActionsAndEvent(Kind kind)
            throws Exception {
        ReceiverStore store = open(kind);
        Incident before = created(store.create(incident(id(1)))).incident();

        ChangeOutcome outcome = await(store.change(new IncidentChange(TENANT, id(1), Set.of("open", "triaging"),
                Optional.of("investigating"), Optional.of(List.of("log-analyst")), Optional.of("disk full"),
                Optional.of(List.of("rotate logs")), List.of(new EventDraft("incident.status_changed",
                        Map.of("incidentId", id(1), "newStatus", "investigating"))))));

        assertThat(outcome).isInstanceOf(ChangeOutcome.Applied.class);
        List<StoredEvent> appended = ((ChangeOutcome.Applied) outcome).events();
        assertThat(appended).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(3);
            assertThat(event.incidentId()).isEqualTo(id(1));
            assertThat(event.name()).isEqualTo("incident.status_changed");
        });
        Incident after = store.incident(id(1)).orElseThrow();
        assertThat(after.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(after.rootCause()).contains("disk full");
        assertThat(after.assignedAgents()).containsExactly("log-analyst");
        assertThat(after.recommendedActions()).containsExactly("rotate logs");
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
        List<StoredEvent> stored = store.events(TENANT);
        assertThat(ids(stored)).containsExactly(1L, 2L, 3L);
        assertThat(stored.get(2)).isEqualTo(appended.get(0));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldKeepTheFieldsAChangeDoesNotSet(Kind kind) throws Exception {
        ReceiverStore store = open(kind);
        created(store.create(incident(id(1))));
        await(store.change(new IncidentChange(TENANT, id(1), Set.of(), Optional.of("investigating"),
                Optional.of(List.of("log-analyst")), Optional.of("disk full"), Optional.of(List.of("rotate logs")),
                List.of())));

        ChangeOutcome eventsOnly = await(store.change(IncidentChange.eventsOnly(TENANT, id(1), Set.of(),
                List.of(new EventDraft("remediation.proposed", Map.of("incidentId", id(1)))))));
        ChangeOutcome statusOnly = await(store.change(new IncidentChange(TENANT, id(1), Set.of(),
                Optional.of("resolved"), Optional.empty(), Optional.empty(), Optional.empty(), List.of())));

        assertThat(eventsOnly).isInstanceOf(ChangeOutcome.Applied.class);
        assertThat(statusOnly).isEqualTo(new ChangeOutcome.Applied(List.of()));
        Incident after = store.incident(id(1)).orElseThrow();
        assertThat(after.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(after.rootCause()).contains("disk full");
        assertThat(after.assignedAgents()).containsExactly("log-analyst");
        assertThat(after.recommendedActions()).containsExactly("rotate logs");
        assertThat(store.events(TENANT)).extracting(StoredEvent::name)
                .containsExactly("incident.created", "incident.status_changed", "remediation.proposed");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSkipAChangeWhenTheIncidentIsNotInARequiredStatusAndWriteNothing(Kind kind) throws Exception {
        ReceiverStore store = open(kind);
        created(store.create(incident(id(1))));

        ChangeOutcome outcome = await(store.change(new IncidentChange(TENANT, id(1), Set.of("investigating"),
                Optional.of("resolved"), Optional.empty(), Optional.of("too late"), Optional.empty(),
                List.of(new EventDraft("incident.resolved", Map.of("incidentId", id(1)))))));

        assertThat(outcome).isEqualTo(new ChangeOutcome.Skipped("triaging"));
        Incident after = store.incident(id(1)).orElseThrow();
        assertThat(after.status()).isEqualTo(IncidentStatus.TRIAGING);
        assertThat(after.rootCause()).isEmpty();
        assertThat(ids(store.events(TENANT))).containsExactly(1L, 2L);
        assertThat(created(store.create(incident(id(2)))).events()).extracting(StoredEvent::id)
                .containsExactly(3L, 4L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldReportMissingForAnUnknownIncidentAndForAnotherTenantsIncidentAndWriteNothing(Kind kind)
            throws Exception {
        ReceiverStore store = open(kind);
        created(store.create(incident(id(1))));
        List<EventDraft> events = List.of(new EventDraft("incident.resolved", Map.of("incidentId", id(1))));

        ChangeOutcome unknown = await(store.change(new IncidentChange(TENANT, "inc_unknown", Set.of(),
                Optional.of("resolved"), Optional.empty(), Optional.empty(), Optional.empty(), events)));
        ChangeOutcome otherTenant = await(store.change(new IncidentChange(OTHER_TENANT, id(1), Set.of(),
                Optional.of("resolved"), Optional.empty(), Optional.empty(), Optional.empty(), events)));

        assertThat(unknown).isEqualTo(new ChangeOutcome.Missing());
        assertThat(otherTenant).isEqualTo(new ChangeOutcome.Missing());
        assertThat(store.incident("inc_unknown")).isEmpty();
        assertThat(store.incident(id(1)).orElseThrow().status()).isEqualTo(IncidentStatus.TRIAGING);
        assertThat(ids(store.events(TENANT))).containsExactly(1L, 2L);
        assertThat(store.events(OTHER_TENANT)).isEmpty();
        assertThat(store.lastEventId()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- reads during writes, close

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldShowReadsDuringWritesOnlyWholeCommittedCreatesWithEventIdsWithoutGaps(Kind kind) throws Exception {
        ReceiverStore store = open(kind);
        int total = 400;
        int eventsEach = 20;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < total; i += 8) {
                    // Eight at a time, so that batches of several writes commit while the reads run.
                    List<CompletableFuture<CreateOutcome>> batch = new ArrayList<>();
                    for (int j = i; j < i + 8; j++) {
                        batch.add(store.create(incidentWithEvents(id(j), eventsEach)));
                    }
                    for (CompletableFuture<CreateOutcome> future : batch) {
                        future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
            catch (Exception | AssertionError e) {
                writerFailure.set(e);
            }
            finally {
                writing.set(false);
            }
        }, "test-writer");
        writer.start();

        // Only creates of exactly eventsEach events are written, so a read of committed data sees a multiple of
        // eventsEach events, and every incident it sees with all of its events.
        int partialReads = 0;
        try {
            for (int round = 0; writing.get(); round++) {
                long last = store.lastEventId();
                assertThat(last % eventsEach).as("lastEventId %d seen by a read", last).isZero();
                long after = Math.max(0, last - 2L * eventsEach);
                List<StoredEvent> tail = store.eventsAfter(TENANT, after, 1000);
                assertThat(ids(tail)).as("event ids seen by one read").isEqualTo(range(after + 1, after + tail.size()));
                assertThat(tail.size() % eventsEach).as("events seen by one read").isZero();
                assertThat(tail.stream().collect(Collectors.groupingBy(StoredEvent::incidentId, Collectors.counting())))
                        .as("events per incident seen by one read")
                        .allSatisfy((incidentId, count) -> assertThat(count).isEqualTo(eventsEach));
                if (round % 10 == 0) {
                    List<Incident> incidents = store.incidents(TENANT);
                    Map<String, Long> eventsPerIncident = store.eventsAfter(TENANT, 0, Integer.MAX_VALUE).stream()
                            .collect(Collectors.groupingBy(StoredEvent::incidentId, Collectors.counting()));
                    for (Incident incident : incidents) {
                        assertThat(eventsPerIncident.get(incident.incidentId()))
                                .as("events of %s read after it", incident.incidentId()).isEqualTo(eventsEach);
                    }
                    if (!incidents.isEmpty() && incidents.size() < total) {
                        partialReads++;
                    }
                }
            }
        }
        finally {
            writer.join(TIMEOUT.toMillis());
        }

        assertThat(writerFailure.get()).isNull();
        assertThat(partialReads).as("reads of incidents while the writes were under way").isPositive();
        assertThat(store.incidents(TENANT)).hasSize(total);
        assertThat(ids(store.events(TENANT))).isEqualTo(range(1, (long) eventsEach * total));
    }

    private static NewIncident incidentWithEvents(String incidentId, int count) {
        NewIncident base = incident(incidentId);
        List<EventDraft> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new EventDraft("investigation.step", Map.of("incidentId", incidentId, "step", i)));
        }
        return new NewIncident(base.incidentId(), base.tenantId(), base.sourceAlertId(), base.title(),
                base.description(), base.severity(), base.service(), base.environment(), base.tags(),
                base.metadataJson(), base.status(), events);
    }

    @Test
    void shouldNeverLetAReadOnTheFileStoreSeeTheRowsOfAWriteThatFailsAfterItsFirstStatement() throws Exception {
        assertNoReadSeesAFailedWrite(open(Kind.FILE), 100);
    }

    @Test
    void shouldNeverLetAReadOnTheInMemoryStoreSeeTheRowsOfAWriteThatFailsAfterItsFirstStatement() throws Exception {
        assertNoReadSeesAFailedWrite(open(Kind.MEMORY), 500);
    }

    /**
     * Submits {@code writes} creates with an unknown status, one after the other: the store inserts the incident and
     * its events, then fails building the result and rolls back. Three threads keep reading meanwhile; none may see
     * any of those rows.
     */
    private static void assertNoReadSeesAFailedWrite(ReceiverStore store, int writes) throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                while (reading.get() && seen.isEmpty()) {
                    try {
                        store.eventsAfter(TENANT, 0, 100).forEach(event -> seen.add(event.wireId() + " of "
                                + event.incidentId()));
                    }
                    catch (RuntimeException e) {
                        seen.add(e.toString());
                    }
                }
            }, "test-reader-" + r);
            reader.start();
            readers.add(reader);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (int i = 0; i < writes && seen.isEmpty() && System.nanoTime() < deadline; i++) {
                NewIncident bad = incident("inc_bad_" + i);
                assertThat(store.create(new NewIncident(bad.incidentId(), bad.tenantId(), bad.sourceAlertId(),
                        bad.title(), bad.description(), bad.severity(), bad.service(), bad.environment(), bad.tags(),
                        bad.metadataJson(), "bogus", bad.events()))).failsWithin(TIMEOUT)
                        .withThrowableOfType(ExecutionException.class).havingCause()
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        finally {
            reading.set(false);
            for (Thread reader : readers) {
                reader.join(TIMEOUT.toMillis());
            }
        }

        assertThat(seen).as("rows seen by reads although their write was rolled back").isEmpty();
        assertThat(store.events(TENANT)).isEmpty();
        assertThat(store.incidents(TENANT)).isEmpty();
        assertThat(created(store.create(incident(id(1)))).events()).extracting(StoredEvent::id)
                .containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldFailWritesAfterCloseWithStoreIsClosed(Kind kind) throws Exception {
        ReceiverStore store = open(kind);
        store.close();

        assertThat(store.create(incident(id(1)))).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IllegalStateException.class).withMessage("store is closed");
        assertThat(store.change(IncidentChange.eventsOnly(TENANT, id(1), Set.of(), List.of())))
                .failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IllegalStateException.class).withMessage("store is closed");
    }

    // ---------------------------------------------------------------- file store

    @Test
    void shouldKeepIncidentsAndEventsAfterReopeningTheDirectoryAndContinueTheEventIds() throws Exception {
        try (ReceiverStore store = ReceiverStore.openFile(storeDir(), events -> { })) {
            created(store.create(incident(id(1), TENANT, Optional.of("alert-1"))));
            created(store.create(incident(id(2))));
            await(store.change(new IncidentChange(TENANT, id(1), Set.of(), Optional.of("investigating"),
                    Optional.empty(), Optional.of("disk full"), Optional.empty(),
                    List.of(new EventDraft("incident.status_changed", Map.of("incidentId", id(1)))))));
        }

        CommitRecorder recorder = new CommitRecorder();
        ReceiverStore reopened = open(Kind.FILE, recorder);

        assertThat(incidentIds(reopened.incidents(TENANT))).containsExactlyInAnyOrder(id(1), id(2));
        Incident first = reopened.incident(id(1)).orElseThrow();
        assertThat(first.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(first.rootCause()).contains("disk full");
        assertThat(first.tags()).isEqualTo(Map.of("team", "payments"));
        assertThat(ids(reopened.events(TENANT))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reopened.lastEventId()).isEqualTo(5);
        assertThat(await(reopened.create(incident(id(3), TENANT, Optional.of("alert-1")))))
                .isEqualTo(new CreateOutcome.Duplicate(id(1)));
        assertThat(created(reopened.create(incident(id(4)))).events()).extracting(StoredEvent::id)
                .containsExactly(6L, 7L);
        assertThat(ids(recorder.events())).containsExactly(6L, 7L);
    }

    @Test
    void shouldCheckpointTheWriteAheadLogIntoTheDatabaseFileOnClose() throws Exception {
        Path wal = storeDir().resolve("causeflow.db-wal");
        try (ReceiverStore store = ReceiverStore.openFile(storeDir(), events -> { })) {
            for (int i = 1; i <= 20; i++) {
                created(store.create(incident(id(i))));
            }
            // Reads open the read connections, which close() must close as well for the log to go away.
            assertThat(store.events(TENANT)).hasSize(40);
            assertThat(Files.size(wal)).as("size of the write-ahead log while open").isPositive();
        }

        if (Files.exists(wal)) {
            assertThat(wal).isEmptyFile();
        }
        // The main file alone, without any log next to it, holds every commit.
        Path copy = data.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(storeDir().resolve("causeflow.db"), copy.resolve("causeflow.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("causeflow.db"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), MAX(id) FROM events")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(40);
            assertThat(rs.getLong(2)).isEqualTo(40);
        }
    }

    @Test
    void shouldRefuseASecondStoreOnADirectoryThatIsInUseAndKeepTheFirstWorking() throws Exception {
        ReceiverStore first = open(Kind.FILE);

        assertThatThrownBy(() -> ReceiverStore.openFile(storeDir(), events -> { })).isInstanceOf(SQLException.class)
                .hasMessageContaining("in use by another receiver")
                .hasMessageContaining(storeDir().toAbsolutePath().toString());
        assertThat(created(first.create(incident(id(1)))).events()).extracting(StoredEvent::id)
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldOpenTheDirectoryAgainOnceTheStoreHoldingItIsClosed() throws Exception {
        ReceiverStore.openFile(storeDir(), events -> { }).close();

        ReceiverStore second = open(Kind.FILE);

        assertThat(second.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
    }

    @Test
    void shouldStillHoldTheDirectoryLockForOtherProcessesAfterRefusingASecondStoreInTheSameProcess()
            throws Exception {
        ReceiverStore first = open(Kind.FILE);
        Path lockFile = storeDir().resolve("receiver.lock");
        assertThat(lockProbe(lockFile)).as("lock probe from another process before the refused open")
                .isEqualTo("held");

        assertThatThrownBy(() -> ReceiverStore.openFile(storeDir(), events -> { })).isInstanceOf(SQLException.class);

        assertThat(lockProbe(lockFile)).as("lock probe from another process after the refused open")
                .isEqualTo("held");
        assertThat(created(first.create(incident(id(1)))).incidentId()).isEqualTo(id(1));
    }

    /** Tries the data directory's lock from a separate JVM: "held" if another process holds it, else "free". */
    private String lockProbe(Path lockFile) throws IOException, InterruptedException {
        Path source = data.resolve("probe").resolve("LockProbe.java");
        if (!Files.exists(source)) {
            Files.createDirectories(source.getParent());
            Files.writeString(source, """
                    import java.nio.channels.FileChannel;
                    import java.nio.file.Path;
                    import java.nio.file.StandardOpenOption;

                    public class LockProbe {
                        public static void main(String[] args) throws Exception {
                            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                                System.out.print(channel.tryLock() == null ? "held" : "free");
                            }
                        }
                    }
                    """, StandardCharsets.UTF_8);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), source.toString(), lockFile.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("lock probe finished").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void shouldRefuseADirectoryWithOnlyAnOldH2DatabaseNamingH2AndTheFile() throws Exception {
        Path dir = data.resolve("old");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("causeflow.mv.db"), "H2 file store");

        assertThatThrownBy(() -> ReceiverStore.openFile(dir, events -> { })).isInstanceOf(SQLException.class)
                .hasMessageContaining("H2").hasMessageContaining("causeflow.mv.db");
        assertThat(dir.resolve("causeflow.db")).doesNotExist();
        assertThat(dir.resolve("causeflow.mv.db")).hasContent("H2 file store");
    }

    @Test
    void shouldOpenADirectoryWithAnOldH2FileNextToItsSqliteDatabase() throws Exception {
        ReceiverStore.openFile(storeDir(), events -> { }).close();
        Files.writeString(storeDir().resolve("causeflow.mv.db"), "H2 file store");

        ReceiverStore store = open(Kind.FILE);

        assertThat(created(store.create(incident(id(1)))).incidentId()).isEqualTo(id(1));
    }

    // ---------------------------------------------------------------- ordering

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldListIncidentsInCreationOrderAlsoWhenOneIsCreatedOnAWholeSecond(Kind kind) throws Exception {
        ReceiverStore store = open(kind);
        List<Incident> created = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int n = 0;
        while (!hasWholeSecondFollowedBySameSecond(created)) {
            assertThat(System.nanoTime()).as("time to create an incident on a whole second").isLessThan(deadline);
            long toNextSecond = 1000 - System.currentTimeMillis() % 1000;
            if (toNextSecond > 3) {
                Thread.sleep(toNextSecond - 3);
            }
            long end = System.currentTimeMillis() + 8;
            while (System.currentTimeMillis() < end) {
                created.add(created(store.create(incident(id(n++)))).incident());
            }
        }

        List<String> inCreationOrder = incidentIds(created);
        List<String> newestFirst = new ArrayList<>(inCreationOrder);
        Collections.reverse(newestFirst);
        assertThat(incidentIds(store.incidents(TENANT))).isEqualTo(inCreationOrder);
        assertThat(incidentIds(store.incidents(TENANT, created.size()))).isEqualTo(newestFirst);
    }

    private static boolean hasWholeSecondFollowedBySameSecond(List<Incident> incidents) {
        Set<Instant> wholeSeconds = new HashSet<>();
        for (Incident incident : incidents) {
            Instant at = incident.createdAt();
            if (at.getNano() == 0) {
                wholeSeconds.add(at);
            }
            else if (wholeSeconds.contains(at.truncatedTo(ChronoUnit.SECONDS))) {
                return true;
            }
        }
        return false;
    }

    /** Records what the store publishes; can make the writer thread wait inside one commit's callback. */
    private static final class CommitRecorder implements Consumer<List<StoredEvent>> {
        private final List<List<StoredEvent>> commits = new CopyOnWriteArrayList<>();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private volatile boolean armed;

        @Override
        public void accept(List<StoredEvent> events) {
            commits.add(events);
            if (armed) {
                armed = false;
                held.countDown();
                try {
                    gate.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The next commit's callback waits until {@link #release()}, so that writes submitted meanwhile queue up. */
        void holdNextCommit() {
            armed = true;
        }

        /** Returns once the writer thread waits in the callback. */
        void awaitHeld() throws InterruptedException {
            assertThat(held.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("writer held").isTrue();
        }

        void release() {
            gate.countDown();
        }

        List<StoredEvent> events() {
            return commits.stream().flatMap(List::stream).toList();
        }
    }

    @Test
    void shouldFormatTimestampsWithExactlyThreeFractionDigitsSoThatTextOrderIsTimeOrder() {
        Instant whole = Instant.parse("2026-11-27T02:00:05Z");
        assertThat(ReceiverStore.timestamp(whole)).isEqualTo("2026-11-27T02:00:05.000Z");
        assertThat(ReceiverStore.timestamp(whole.plusMillis(7))).isEqualTo("2026-11-27T02:00:05.007Z");
        assertThat(ReceiverStore.timestamp(whole.plusNanos(123_456_789))).isEqualTo("2026-11-27T02:00:05.123Z");
        assertThat(ReceiverStore.timestamp(whole)).isLessThan(ReceiverStore.timestamp(whole.plusMillis(1)));
    }
}
