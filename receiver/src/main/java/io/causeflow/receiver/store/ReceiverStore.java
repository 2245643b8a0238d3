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
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store: incidents and the append-only event log in SQLite, through plain JDBC.
 *
 * <p>All writes go through one writer thread that applies queued writes in batches, one transaction per batch
 * (group commit), and completes each write's future only after that commit. One writer makes event ids gap-free in
 * commit order (so {@code Last-Event-ID} replay can never miss an event committed "in between"), and batching keeps
 * throughput high: a commit appends the batch's pages to the write-ahead log in one write. If a batch fails, it is
 * rolled back and its writes are retried one transaction each, so one bad write does not fail its neighbours.
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=NORMAL}, so a commit has reached the
 * operating system before {@code commit()} returns. It survives the receiver being killed (kill -9); a power loss
 * may lose the last commits. The log is copied into the main database file by a background checkpoint, not by the
 * writer. Reads use their own connections, which WAL mode lets run next to the writer.
 */
public final class ReceiverStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverStore.class);
    private static final int MAX_BATCH = 512;
    private static final int READERS = 4;
    private static final String DATABASE_FILE = "causeflow.db";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    private static final String INCIDENT_COLUMNS = "incident_id, tenant_id, source_alert_id, title, description, "
            + "severity, service, environment, tags_json, metadata_json, status, assigned_agents_json, root_cause, "
            + "recommended_json, created_at, updated_at";
    private static final String INSERT_INCIDENT = "INSERT INTO incidents (" + INCIDENT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            // The single writer makes this race-free; the constraint makes it true even without it.
            + " ON CONFLICT (tenant_id, source_alert_id) DO NOTHING";
    private static final String INSERT_EVENT = "INSERT INTO events "
            + "(id, tenant_id, incident_id, event_name, occurred_at, envelope_json) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_INCIDENT = "UPDATE incidents SET status = COALESCE(?, status), "
            + "assigned_agents_json = COALESCE(?, assigned_agents_json), root_cause = COALESCE(?, root_cause), "
            + "recommended_json = COALESCE(?, recommended_json), updated_at = ? WHERE incident_id = ?";
    private static final String SELECT_STATUS = "SELECT status FROM incidents WHERE incident_id = ? AND tenant_id = ?";
    private static final String SELECT_BY_SOURCE_ALERT =
            "SELECT incident_id FROM incidents WHERE tenant_id = ? AND source_alert_id = ?";

    private final ObjectMapper json = new ObjectMapper();
    private final String description;
    private final Connection writer;
    private final WriterStatements statements;
    private final ReadConnections readers;
    private final Optional<WalCheckpointer> checkpointer;
    private final Consumer<List<StoredEvent>> onCommitted;
    private final Clock clock;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Optional<DataDirLock> lock;
    private volatile boolean running = true;
    private long lastEventId;

    private ReceiverStore(Optional<Path> databaseFile, String description, Optional<DataDirLock> lock,
            Consumer<List<StoredEvent>> onCommitted, Clock clock, long walLimitBytes) throws SQLException {
        this.lock = lock;
        this.description = description;
        this.onCommitted = onCommitted;
        this.clock = clock;
        String url = databaseFile.map(file -> "jdbc:sqlite:" + file).orElse("jdbc:sqlite::memory:");
        this.writer = DriverManager.getConnection(url);
        try {
            configure(writer, databaseFile.isPresent(), walLimitBytes);
            writer.setAutoCommit(false);
            Migrations.migrate(writer);
            this.lastEventId = queryLong(writer, "SELECT COALESCE(MAX(id), 0) FROM events");
            writer.commit();
            this.statements = new WriterStatements(writer);
            // An in-memory database is private to its one connection: reads then share the writer's, between
            // batches. A file database gets its own read connections.
            this.readers = databaseFile.isPresent() ? new ReadConnections.Pool(url, READERS)
                    : new ReadConnections.Shared(writer);
            this.checkpointer = databaseFile.isPresent()
                    ? Optional.of(WalCheckpointer.start(url, Path.of(databaseFile.get() + "-wal"), walLimitBytes))
                    : Optional.empty();
        }
        catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        this.writerThread = new Thread(this::writeLoop, "causeflow-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /** Connection settings for the writer (the only connection that changes data). */
    private static void configure(Connection connection, boolean file, long walLimitBytes) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            if (file) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                // Checkpoints run on their own thread (WalCheckpointer) so that the writer never pays for one.
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                // When the log restarts after a complete checkpoint, the writer cuts the file back to this size.
                statement.execute("PRAGMA journal_size_limit = " + walLimitBytes);
            }
        }
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
        return openFile(dataDir, onCommitted, 16L * 1024 * 1024);
    }

    /**
     * Opens (creating or migrating) a file store in {@code dataDir}, created readable by its owner only.
     *
     * @param dataDir       directory for the database files; created (0700) if missing
     * @param onCommitted   called by the writer thread, in id order, with the events of each commit
     * @param walLimitBytes write-ahead log size past which the writer forces a restarting checkpoint
     * @return the open store
     * @throws SQLException if the database cannot be opened (e.g. another receiver holds it)
     */
    public static ReceiverStore openFile(Path dataDir, Consumer<List<StoredEvent>> onCommitted, long walLimitBytes)
            throws SQLException {
        try {
            OwnerOnly.createDirectories(dataDir);
        }
        catch (java.io.IOException e) {
            throw new SQLException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (Files.exists(dataDir.resolve("causeflow.mv.db")) && !Files.exists(dataDir.resolve(DATABASE_FILE))) {
            throw new SQLException("data directory " + dataDir.toAbsolutePath() + " holds an H2 database from a "
                    + "pre-release receiver (causeflow.mv.db); this receiver stores its data in SQLite ("
                    + DATABASE_FILE + "): use another --data directory or delete that file");
        }
        // SQLite would let two stores share one database; the single-writer design needs exclusive ownership, so
        // the directory is locked by us first (an OS lock, released by a crash too).
        DataDirLock lock = DataDirLock.acquire(dataDir, DATABASE_FILE);
        try {
            OwnerOnly.restrictFiles(dataDir, DATABASE_FILE, DATABASE_FILE + "-wal", DATABASE_FILE + "-shm");
            return new ReceiverStore(Optional.of(dataDir.toAbsolutePath().resolve(DATABASE_FILE)),
                    "file store in " + dataDir.toAbsolutePath(), Optional.of(lock), onCommitted, Clock.systemUTC(),
                    walLimitBytes);
        }
        catch (SQLException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Opens a fresh in-memory store (tests, throwaway sandboxes). */
    public static ReceiverStore openInMemory(Consumer<List<StoredEvent>> onCommitted) throws SQLException {
        return new ReceiverStore(Optional.empty(), "in-memory store", Optional.empty(), onCommitted,
                Clock.systemUTC(), 16L * 1024 * 1024);
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
        Now now = now();
        List<PreparedEvent> events = prepare(incident.tenantId(), incident.events(), now);
        String tagsJson = toJson(incident.tags());
        return submit(new Write<>(batch -> applyCreate(batch, incident, tagsJson, events, now)));
    }

    /** Applies a change and its events in one transaction. The future completes only after the commit. */
    public CompletableFuture<ChangeOutcome> change(IncidentChange change) {
        Now now = now();
        List<PreparedEvent> events = prepare(change.tenantId(), change.events(), now);
        Optional<String> agentsJson = change.assignedAgents().map(this::toJson);
        Optional<String> actionsJson = change.recommendedActions().map(this::toJson);
        return submit(new Write<>(batch -> applyChange(batch, change, agentsJson, actionsJson, events, now)));
    }

    private List<PreparedEvent> prepare(String tenantId, List<EventDraft> drafts, Now now) {
        List<PreparedEvent> events = new ArrayList<>(drafts.size());
        for (EventDraft draft : drafts) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("event", draft.name());
            envelope.put("timestamp", now.text());
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
            Now now) throws SQLException {
        PreparedStatement insert = statements.insertIncident;
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
        insert.setString(15, now.text());
        insert.setString(16, now.text());
        if (insert.executeUpdate() == 0) {
            // Only the (tenant, sourceAlertId) conflict is ignored, so a row with that key exists.
            return CreateOutcome.duplicate(existingIncidentId(n.tenantId(), n.sourceAlertId().orElseThrow())
                    .orElseThrow(() -> new SQLException("insert ignored but no incident has its sourceAlertId")));
        }
        List<StoredEvent> events = appendEvents(batch, n.tenantId(), n.incidentId(), prepared, now);
        Incident incident = new Incident(n.incidentId(), n.tenantId(), n.sourceAlertId(), n.title(), n.description(),
                n.severity(), n.service(), n.environment(), n.tags(), n.metadataJson(), IncidentStatus.parse(n.status()),
                List.of(), Optional.empty(), List.of(), now.instant(), now.instant());
        return CreateOutcome.created(incident, events);
    }

    private ChangeOutcome applyChange(Batch batch, IncidentChange change, Optional<String> agentsJson,
            Optional<String> actionsJson, List<PreparedEvent> prepared, Now now) throws SQLException {
        Optional<String> status = currentStatus(change.tenantId(), change.incidentId());
        if (status.isEmpty()) {
            return new ChangeOutcome.Missing();
        }
        if (!change.requiredStatuses().isEmpty() && !change.requiredStatuses().contains(status.get())) {
            return new ChangeOutcome.Skipped(status.get());
        }
        if (change.changesFields()) {
            PreparedStatement update = statements.updateIncident;
            update.setString(1, change.newStatus().orElse(null));
            update.setString(2, agentsJson.orElse(null));
            update.setString(3, change.rootCause().orElse(null));
            update.setString(4, actionsJson.orElse(null));
            update.setString(5, now.text());
            update.setString(6, change.incidentId());
            update.executeUpdate();
        }
        return new ChangeOutcome.Applied(appendEvents(batch, change.tenantId(), change.incidentId(), prepared, now));
    }

    private Optional<String> currentStatus(String tenantId, String incidentId) throws SQLException {
        return firstString(statements.selectStatus, incidentId, tenantId);
    }

    private Optional<String> existingIncidentId(String tenantId, String sourceAlertId) throws SQLException {
        return firstString(statements.selectBySourceAlert, tenantId, sourceAlertId);
    }

    /** The first column of the first row of a prepared query with string parameters, if there is a row. */
    private static Optional<String> firstString(PreparedStatement query, String... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            query.setString(i + 1, parameters[i]);
        }
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private List<StoredEvent> appendEvents(Batch batch, String tenantId, String incidentId,
            List<PreparedEvent> prepared, Now now) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(prepared.size());
        PreparedStatement insert = statements.insertEvent;
        for (PreparedEvent event : prepared) {
            long id = ++lastEventId;
            insert.setLong(1, id);
            insert.setString(2, tenantId);
            insert.setString(3, incidentId);
            insert.setString(4, event.name());
            insert.setString(5, now.text());
            insert.setString(6, event.envelopeJson());
            insert.executeUpdate();
            events.add(new StoredEvent(id, tenantId, incidentId, event.name(), now.instant(), event.envelopeJson()));
        }
        batch.events.addAll(events);
        return events;
    }

    /**
     * ISO-8601 UTC with exactly three fraction digits: timestamps are stored as text and sorted as text, so they must
     * have one width ({@link Instant#toString()} drops a zero fraction, and "…:05Z" sorts after "…:05.001Z").
     */
    static String timestamp(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = millis.toString();
        // At millisecond precision toString() prints either no fraction or exactly three digits.
        return millis.getNano() == 0 ? text.substring(0, text.length() - 1) + ".000Z" : text;
    }

    private Now now() {
        // Milliseconds are what ISO timestamps on the wire usually carry; the id, not the time, orders events.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new Now(now, timestamp(now));
    }

    /** A write's time, formatted once: the writer thread and the event envelopes all use the same text. */
    private record Now(Instant instant, String text) {
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
                if (!commitBatch(pending)) {
                    pending.forEach(write -> commitBatch(List.of(write)));
                }
                // Between batches, so the restart never waits for our own open transaction.
                checkpointer.ifPresent(WalCheckpointer::restartIfLarge);
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

    /**
     * Applies the writes in one transaction and completes their futures after the commit. Returns false, having
     * rolled back and completed nothing, if a batch of several writes failed: the caller then retries each alone,
     * so only the failing write is answered with its error.
     */
    private boolean commitBatch(List<Write<?>> pending) {
        Batch batch = new Batch();
        long idBeforeBatch = lastEventId;
        List<Object> results = new ArrayList<>(pending.size());
        Exception failure = null;
        readers.lockForWrite();
        try {
            for (Write<?> write : pending) {
                results.add(write.action.apply(batch));
            }
            writer.commit();
        }
        catch (SQLException | RuntimeException e) {
            failure = e;
            lastEventId = idBeforeBatch;
            // Still under the lock: a read sharing the connection must not see the failed batch's rows.
            rollbackQuietly();
        }
        finally {
            readers.unlockForWrite();
        }
        if (failure != null) {
            if (pending.size() > 1) {
                LOG.warn("Store batch of {} writes failed; retrying them one by one", pending.size(), failure);
                return false;
            }
            LOG.error("Store write failed and was rolled back", failure);
            pending.get(0).future.completeExceptionally(failure);
            return true;
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
        return true;
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

    /** Newest first, at most {@code limit}, only those whose status is one of {@code statuses} (wire names). */
    public List<Incident> incidents(String tenantId, Set<String> statuses, int limit) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        return read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + INCIDENT_COLUMNS
                    + " FROM incidents WHERE tenant_id = ? AND status IN (" + marks + ")"
                    + " ORDER BY created_at DESC, incident_id DESC LIMIT ?")) {
                int index = 1;
                query.setString(index++, tenantId);
                for (String status : statuses) {
                    query.setString(index++, status);
                }
                query.setInt(index, limit);
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

    /**
     * Events of one incident with an id greater than {@code afterId}, in id order, at most {@code limit} (the
     * dashboard's timeline; an incident has a handful of events).
     */
    public List<StoredEvent> incidentEventsAfter(String tenantId, String incidentId, long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT id, tenant_id, incident_id, event_name, "
                    + "occurred_at, envelope_json FROM events WHERE tenant_id = ? AND incident_id = ? AND id > ? "
                    + "ORDER BY id LIMIT ?")) {
                query.setString(1, tenantId);
                query.setString(2, incidentId);
                query.setLong(3, afterId);
                query.setInt(4, limit);
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
        try {
            return readers.read(query::apply);
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

    /** Finishes queued writes, then closes the database (a file store is checkpointed into its main file). */
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
        checkpointer.ifPresent(WalCheckpointer::close);
        readers.close();
        closeQuietly(statements);
        if (checkpointer.isPresent()) {
            try (Statement statement = writer.createStatement()) {
                writer.commit();
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            catch (SQLException e) {
                LOG.warn("Final checkpoint failed; the log is applied on the next start", e);
            }
        }
        closeQuietly(writer);
        lock.ifPresent(DataDirLock::release);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        }
        catch (Exception e) {
            LOG.debug("Close failed", e);
        }
    }

    /** A store failure; the HTTP layer answers 500. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The writer runs the same few statements all day: they are prepared once, on its connection. */
    private static final class WriterStatements implements AutoCloseable {
        private final PreparedStatement insertIncident;
        private final PreparedStatement insertEvent;
        private final PreparedStatement updateIncident;
        private final PreparedStatement selectStatus;
        private final PreparedStatement selectBySourceAlert;

        WriterStatements(Connection writer) throws SQLException {
            this.insertIncident = writer.prepareStatement(INSERT_INCIDENT);
            this.insertEvent = writer.prepareStatement(INSERT_EVENT);
            this.updateIncident = writer.prepareStatement(UPDATE_INCIDENT);
            this.selectStatus = writer.prepareStatement(SELECT_STATUS);
            this.selectBySourceAlert = writer.prepareStatement(SELECT_BY_SOURCE_ALERT);
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(insertIncident, insertEvent, updateIncident, selectStatus,
                    selectBySourceAlert)) {
                statement.close();
            }
        }
    }

    /** One transaction's shared state. */
    private static final class Batch {
        private final List<StoredEvent> events = new ArrayList<>();
    }

    /** A queued write and the future its caller waits on. */
    private static final class Write<T> {
        private final SqlFunction<Batch, T> action;
        private final CompletableFuture<T> future = new CompletableFuture<>();

        Write(SqlFunction<Batch, T> action) {
            this.action = action;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            future.complete((T) result);
        }
    }
}
