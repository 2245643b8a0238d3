package io.causeflow.receiver.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store: incidents and the append-only event log in H2, through plain JDBC.
 *
 * <p>All writes go through one writer thread that applies queued writes in batches, one transaction per batch
 * (group commit), and completes each write's future only after that commit. One writer makes event ids gap-free in
 * commit order (so {@code Last-Event-ID} replay can never miss an event committed "in between"), and batching keeps
 * throughput high even though the file store writes on every commit. Each write in a batch runs under its own
 * savepoint, so one failing write does not undo its neighbours. Reads use a small connection pool.
 */
public final class ReceiverStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverStore.class);
    private static final int MAX_BATCH = 256;
    private static final String DUPLICATE_KEY_STATE = "23505";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    private static final String INCIDENT_COLUMNS = "incident_id, tenant_id, source_alert_id, title, description, "
            + "severity, service, environment, tags_json, metadata_json, status, assigned_agents_json, root_cause, "
            + "recommended_json, created_at, updated_at";

    private final ObjectMapper json = new ObjectMapper();
    private final String description;
    private final JdbcConnectionPool readers;
    private final Connection writer;
    private final Consumer<List<StoredEvent>> onCommitted;
    private final Clock clock;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Optional<DataDirLock> lock;
    private volatile boolean running = true;
    private long lastEventId;

    private ReceiverStore(String url, String description, Optional<DataDirLock> lock,
            Consumer<List<StoredEvent>> onCommitted, Clock clock) throws SQLException {
        this.lock = lock;
        this.description = description;
        this.onCommitted = onCommitted;
        this.clock = clock;
        this.writer = DriverManager.getConnection(url, "sa", "");
        writer.setAutoCommit(false);
        Migrations.migrate(writer);
        this.lastEventId = queryLong(writer, "SELECT COALESCE(MAX(id), 0) FROM events");
        writer.commit();
        this.readers = JdbcConnectionPool.create(url, "sa", "");
        readers.setMaxConnections(16);
        this.writerThread = new Thread(this::writeLoop, "causeflow-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /**
     * Opens (creating or migrating) a file store in {@code dataDir}.
     *
     * @param dataDir     directory for the database files; created if missing
     * @param onCommitted called by the writer thread, in id order, with the events of each commit
     * @return the open store
     * @throws SQLException if the database cannot be opened (e.g. another receiver holds it)
     */
    public static ReceiverStore openFile(Path dataDir, Consumer<List<StoredEvent>> onCommitted) throws SQLException {
        try {
            Files.createDirectories(dataDir);
        }
        catch (java.io.IOException e) {
            throw new SQLException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        // FILE_LOCK=FS: an OS lock that dies with the process, so a restart after kill -9 does not wait for a stale
        // lock file. WRITE_DELAY=0: a commit reaches the file before commit() returns, not up to 500 ms later.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("causeflow").toString()
                + ";FILE_LOCK=FS;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        // H2 would happily share one database between two stores in the same JVM; the single-writer design needs
        // exclusive ownership, so the directory is locked by us first (an OS lock, released by a crash too).
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            return new ReceiverStore(url, "file store in " + dataDir.toAbsolutePath(), Optional.of(lock), onCommitted,
                    Clock.systemUTC());
        }
        catch (SQLException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Opens a fresh in-memory store (tests, throwaway sandboxes). */
    public static ReceiverStore openInMemory(Consumer<List<StoredEvent>> onCommitted) throws SQLException {
        String url = "jdbc:h2:mem:causeflow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new ReceiverStore(url, "in-memory store", Optional.empty(), onCommitted, Clock.systemUTC());
    }

    /** Where the data lives, for the startup line. */
    public String description() {
        return description;
    }

    /** Current schema version. */
    public int schemaVersion() {
        return read(c -> Migrations.currentVersion(c));
    }

    // ---------------------------------------------------------------- writes

    /**
     * Creates the incident and its events in one transaction, or reports the existing incident with the same
     * {@code (tenant, sourceAlertId)}. The future completes only after the commit.
     */
    public CompletableFuture<CreateOutcome> create(NewIncident incident) {
        // Serialise outside the single writer thread: it is the bottleneck, the callers are many.
        Instant now = now();
        List<PreparedEvent> events = prepare(incident.tenantId(), incident.events(), now);
        String tagsJson = toJson(incident.tags());
        return submit(new Write<>(batch -> applyCreate(batch, incident, tagsJson, events, now)));
    }

    /** Applies a change and its events in one transaction. The future completes only after the commit. */
    public CompletableFuture<ChangeOutcome> change(IncidentChange change) {
        Instant now = now();
        List<PreparedEvent> events = prepare(change.tenantId(), change.events(), now);
        Optional<String> agentsJson = change.assignedAgents().map(this::toJson);
        Optional<String> actionsJson = change.recommendedActions().map(this::toJson);
        return submit(new Write<>(batch -> applyChange(batch, change, agentsJson, actionsJson, events, now)));
    }

    private List<PreparedEvent> prepare(String tenantId, List<EventDraft> drafts, Instant now) {
        List<PreparedEvent> events = new ArrayList<>(drafts.size());
        for (EventDraft draft : drafts) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("event", draft.name());
            envelope.put("timestamp", now.toString());
            envelope.put("tenantId", tenantId);
            envelope.put("data", draft.data());
            events.add(new PreparedEvent(draft.name(), toJson(envelope)));
        }
        return events;
    }

    /** An event with its envelope already serialised; the writer only adds the id. */
    private record PreparedEvent(String name, String envelopeJson) {
    }

    private <T> CompletableFuture<T> submit(Write<T> write) {
        if (!running) {
            write.future.completeExceptionally(new IllegalStateException("store is closed"));
            return write.future;
        }
        queue.add(write);
        return write.future;
    }

    private CreateOutcome applyCreate(Batch batch, NewIncident n, String tagsJson, List<PreparedEvent> prepared,
            Instant now) throws SQLException {
        Connection c = batch.connection;
        // No SELECT first: the unique constraint decides, and a duplicate (the rare case) is rolled back to here.
        Savepoint beforeInsert = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO incidents (" + INCIDENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, n.incidentId());
            insert.setString(2, n.tenantId());
            insert.setString(3, n.sourceAlertId().orElse(null));
            insert.setString(4, n.title());
            insert.setString(5, n.description());
            insert.setString(6, n.severity());
            insert.setString(7, n.service().orElse(null));
            insert.setString(8, n.environment().orElse(null));
            insert.setString(9, tagsJson);
            insert.setString(10, n.metadataJson());
            insert.setString(11, n.status());
            insert.setString(12, "[]");
            insert.setString(13, null);
            insert.setString(14, "[]");
            insert.setString(15, now.toString());
            insert.setString(16, now.toString());
            insert.executeUpdate();
        }
        catch (SQLException e) {
            // The pre-check above makes this unreachable with one writer; the constraint is the guarantee anyway.
            if (DUPLICATE_KEY_STATE.equals(e.getSQLState()) && n.sourceAlertId().isPresent()) {
                c.rollback(beforeInsert);
                Optional<String> winner = existingIncidentId(c, n.tenantId(), n.sourceAlertId().get());
                if (winner.isPresent()) {
                    return CreateOutcome.duplicate(winner.get());
                }
            }
            throw e;
        }
        List<StoredEvent> events = appendEvents(batch, n.tenantId(), n.incidentId(), prepared, now);
        Incident incident = new Incident(n.incidentId(), n.tenantId(), n.sourceAlertId(), n.title(), n.description(),
                n.severity(), n.service(), n.environment(), n.tags(), n.metadataJson(), IncidentStatus.parse(n.status()),
                List.of(), Optional.empty(), List.of(), now, now);
        return CreateOutcome.created(incident, events);
    }

    private ChangeOutcome applyChange(Batch batch, IncidentChange change, Optional<String> agentsJson,
            Optional<String> actionsJson, List<PreparedEvent> prepared, Instant now) throws SQLException {
        Connection c = batch.connection;
        Optional<String> status = currentStatus(c, change.tenantId(), change.incidentId());
        if (status.isEmpty()) {
            return new ChangeOutcome.Missing();
        }
        if (!change.requiredStatuses().isEmpty() && !change.requiredStatuses().contains(status.get())) {
            return new ChangeOutcome.Skipped(status.get());
        }
        if (change.changesFields()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE incidents SET status = COALESCE(?, status), "
                    + "assigned_agents_json = COALESCE(?, assigned_agents_json), root_cause = COALESCE(?, root_cause), "
                    + "recommended_json = COALESCE(?, recommended_json), updated_at = ? WHERE incident_id = ?")) {
                update.setString(1, change.newStatus().orElse(null));
                update.setString(2, agentsJson.orElse(null));
                update.setString(3, change.rootCause().orElse(null));
                update.setString(4, actionsJson.orElse(null));
                update.setString(5, now.toString());
                update.setString(6, change.incidentId());
                update.executeUpdate();
            }
        }
        return new ChangeOutcome.Applied(appendEvents(batch, change.tenantId(), change.incidentId(), prepared, now));
    }

    private static Optional<String> currentStatus(Connection c, String tenantId, String incidentId)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT status FROM incidents WHERE incident_id = ? AND tenant_id = ?")) {
            query.setString(1, incidentId);
            query.setString(2, tenantId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private List<StoredEvent> appendEvents(Batch batch, String tenantId, String incidentId,
            List<PreparedEvent> prepared, Instant now) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(prepared.size());
        try (PreparedStatement insert = batch.connection.prepareStatement("INSERT INTO events "
                + "(id, tenant_id, incident_id, event_name, occurred_at, envelope_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (PreparedEvent event : prepared) {
                long id = ++lastEventId;
                insert.setLong(1, id);
                insert.setString(2, tenantId);
                insert.setString(3, incidentId);
                insert.setString(4, event.name());
                insert.setString(5, now.toString());
                insert.setString(6, event.envelopeJson());
                insert.addBatch();
                events.add(new StoredEvent(id, tenantId, incidentId, event.name(), now, event.envelopeJson()));
            }
            if (!events.isEmpty()) {
                insert.executeBatch();
            }
        }
        batch.events.addAll(events);
        return events;
    }

    private Instant now() {
        // Milliseconds are what ISO timestamps on the wire usually carry; the id, not the time, orders events.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void writeLoop() {
        List<Write<?>> pending = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Write<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                pending.add(first);
                queue.drainTo(pending, MAX_BATCH - 1);
                commitBatch(pending);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            finally {
                pending.clear();
            }
        }
        Write<?> left;
        while ((left = queue.poll()) != null) {
            left.future.completeExceptionally(new IllegalStateException("store is closed"));
        }
    }

    private void commitBatch(List<Write<?>> pending) {
        Batch batch = new Batch(writer);
        long idBeforeBatch = lastEventId;
        List<Object> results = new ArrayList<>(pending.size());
        try {
            for (Write<?> write : pending) {
                results.add(applyOne(batch, write));
            }
            writer.commit();
        }
        catch (SQLException | RuntimeException e) {
            lastEventId = idBeforeBatch;
            rollbackQuietly();
            LOG.error("Store commit failed; {} write(s) answered with an error", pending.size(), e);
            pending.forEach(write -> write.future.completeExceptionally(e));
            return;
        }
        // Publish before completing the futures: an SSE subscriber then sees the events no later than the 202 goes out.
        if (!batch.events.isEmpty()) {
            try {
                onCommitted.accept(List.copyOf(batch.events));
            }
            catch (RuntimeException e) {
                LOG.error("Event listener failed; events are stored and will be served on replay", e);
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).complete(results.get(i));
        }
    }

    private Object applyOne(Batch batch, Write<?> write) throws SQLException {
        Savepoint savepoint = batch.connection.setSavepoint();
        long idBefore = lastEventId;
        int eventsBefore = batch.events.size();
        try {
            Object result = write.action.apply(batch);
            batch.connection.releaseSavepoint(savepoint);
            return result;
        }
        catch (SQLException | RuntimeException e) {
            batch.connection.rollback(savepoint);
            lastEventId = idBefore;
            batch.events.subList(eventsBefore, batch.events.size()).clear();
            return new Failure(e);
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        }
        catch (SQLException e) {
            LOG.warn("Rollback failed", e);
        }
    }

    // ---------------------------------------------------------------- reads

    /** One incident. */
    public Optional<Incident> incident(String incidentId) {
        return read(c -> incident(c, incidentId));
    }

    /** Newest first, at most {@code limit}. */
    public List<Incident> incidents(String tenantId, int limit) {
        return read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + INCIDENT_COLUMNS
                    + " FROM incidents WHERE tenant_id = ? ORDER BY created_at DESC, incident_id DESC LIMIT ?")) {
                query.setString(1, tenantId);
                query.setInt(2, limit);
                return incidentList(query);
            }
        });
    }

    /** Every incident of the tenant, oldest first. */
    public List<Incident> incidents(String tenantId) {
        return read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + INCIDENT_COLUMNS
                    + " FROM incidents WHERE tenant_id = ? ORDER BY created_at, incident_id")) {
                query.setString(1, tenantId);
                return incidentList(query);
            }
        });
    }

    /** Incidents whose simulated investigation had not finished (for resuming after a restart). */
    public List<Incident> unfinishedIncidents() {
        return read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + INCIDENT_COLUMNS
                    + " FROM incidents WHERE status IN ('open', 'triaging', 'investigating') AND root_cause IS NULL"
                    + " ORDER BY created_at")) {
                return incidentList(query);
            }
        });
    }

    /** Events of a tenant with an id greater than {@code afterId}, in id order, at most {@code limit}. */
    public List<StoredEvent> eventsAfter(String tenantId, long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT id, tenant_id, incident_id, event_name, "
                    + "occurred_at, envelope_json FROM events WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?")) {
                query.setString(1, tenantId);
                query.setLong(2, afterId);
                query.setInt(3, limit);
                try (ResultSet rs = query.executeQuery()) {
                    List<StoredEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        events.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Instant.parse(rs.getString(5)), rs.getString(6)));
                    }
                    return events;
                }
            }
        });
    }

    /** Every event of a tenant, in id order. */
    public List<StoredEvent> events(String tenantId) {
        List<StoredEvent> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = eventsAfter(tenantId, after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Highest committed event id (0 when empty). */
    public long lastEventId() {
        return read(c -> queryLong(c, "SELECT COALESCE(MAX(id), 0) FROM events"));
    }

    private Optional<Incident> incident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + INCIDENT_COLUMNS
                + " FROM incidents WHERE incident_id = ?")) {
            query.setString(1, incidentId);
            List<Incident> found = incidentList(query);
            return found.stream().findFirst();
        }
    }

    private static Optional<String> existingIncidentId(Connection c, String tenantId, String sourceAlertId)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT incident_id FROM incidents WHERE tenant_id = ? AND source_alert_id = ?")) {
            query.setString(1, tenantId);
            query.setString(2, sourceAlertId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private List<Incident> incidentList(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            List<Incident> result = new ArrayList<>();
            while (rs.next()) {
                result.add(new Incident(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7)),
                        Optional.ofNullable(rs.getString(8)), fromJson(rs.getString(9), STRING_MAP),
                        rs.getString(10), IncidentStatus.parse(rs.getString(11)),
                        fromJson(rs.getString(12), STRING_LIST), Optional.ofNullable(rs.getString(13)),
                        fromJson(rs.getString(14), STRING_LIST), Instant.parse(rs.getString(15)),
                        Instant.parse(rs.getString(16))));
            }
            return result;
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private <T> T read(SqlFunction<Connection, T> query) {
        try (Connection c = readers.getConnection()) {
            return query.apply(c);
        }
        catch (SQLException e) {
            throw new StoreException("store read failed: " + e.getMessage(), e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not serialisable as JSON", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        }
        catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON column", e);
        }
    }

    /** Finishes queued writes, then closes the database (a file store is compacted and closed cleanly). */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Statement statement = writer.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        catch (SQLException e) {
            LOG.warn("Database shutdown reported an error", e);
        }
        readers.dispose();
        try {
            writer.close();
        }
        catch (SQLException e) {
            LOG.debug("Writer connection already closed", e);
        }
        lock.ifPresent(DataDirLock::release);
    }

    /** A store failure; the HTTP layer answers 500. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    private interface SqlFunction<A, R> {
        R apply(A argument) throws SQLException;
    }

    /** One transaction's shared state. */
    private static final class Batch {
        private final Connection connection;
        private final List<StoredEvent> events = new ArrayList<>();

        Batch(Connection connection) {
            this.connection = connection;
        }
    }

    /** A failed write inside a committed batch. */
    private record Failure(Exception cause) {
    }

    /** A queued write and the future its caller waits on. */
    private final class Write<T> {
        private final SqlFunction<Batch, T> action;
        private final CompletableFuture<T> future = new CompletableFuture<>();

        Write(SqlFunction<Batch, T> action) {
            this.action = action;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            if (result instanceof Failure failure) {
                future.completeExceptionally(failure.cause());
            }
            else {
                future.complete((T) result);
            }
        }
    }
}
