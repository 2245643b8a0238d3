package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference receiver ({@code receiver/target/causeflow-receiver.jar}) as a child process on a free loopback
 * port, with one tenant given through the environment. What it stored is read from its SQLite file, read-only
 * (WAL allows a reader beside the writer).
 */
final class ReceiverProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("causeflow-receiver listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The simulator's pause before each investigation step (status, 3 progress steps, root cause, remediation:
     * 18 s in all): slow enough that the suite can restart Jenkins in the middle of an investigation
     * ({@code LiveInvestigationUpdatesITest}); the other tests do not wait for investigations.
     */
    static final Duration SIMULATOR_STEP_DELAY = Duration.ofSeconds(3);

    private final Path receiverJar;
    private final Path directory;
    private final ReceiverTenant tenant;
    private final String baseUrl;
    private final Path database;
    private final String tenantId;
    private ChildProcess process;
    private int starts = 1;

    private ReceiverProcess(Path receiverJar, Path directory, ReceiverTenant tenant, ChildProcess process,
                            String baseUrl, Path database) {
        this.receiverJar = receiverJar;
        this.directory = directory;
        this.tenant = tenant;
        this.process = process;
        this.baseUrl = baseUrl;
        this.database = database;
        this.tenantId = tenant.tenantId();
    }

    static ReceiverProcess start(Path receiverJar, Path directory, ReceiverTenant tenant) {
        try {
            JenkinsHome.deleteRecursively(directory); // a fresh store: no incident of an earlier run
            Path data = Files.createDirectories(directory.resolve("data"));
            ChildProcess process = launch(receiverJar, directory, tenant, 0, directory.resolve("receiver.log"));
            String url = process.awaitLog(LISTENING, Duration.ofSeconds(60)).group(1);
            return new ReceiverProcess(receiverJar, directory, tenant, process, url, data.resolve("causeflow.db"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + directory, e);
        }
    }

    private static ChildProcess launch(Path receiverJar, Path directory, ReceiverTenant tenant, int port, Path log) {
        return ChildProcess.start("receiver",
                List.of(ChildProcess.javaExecutable(), "-Xmx128m", "-jar", receiverJar.toString(),
                        "--host", "127.0.0.1", "--port", String.valueOf(port),
                        "--data", directory.resolve("data").toString(),
                        "--simulator-delay", SIMULATOR_STEP_DELAY.toSeconds() + "s"),
                tenant.receiverEnvironment(), directory, log);
    }

    /** Stops the receiver (an outage of CauseFlow); {@link #startAgain()} brings it back with its store. */
    void stop() {
        process.stop(Duration.ofSeconds(15));
    }

    boolean isRunning() {
        return ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Starts the receiver again on the same port and store, as CauseFlow coming back after an outage: what Jenkins
     * queued for this URL must reach it. The port was free while the receiver was down, so another process may have
     * taken it meanwhile; a few tries cover a port that is only briefly in use, then it fails saying so.
     */
    void startAgain() {
        int port = URI.create(baseUrl).getPort();
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            starts++;
            process = launch(receiverJar, directory, tenant, port, directory.resolve("receiver-" + starts + ".log"));
            try {
                process.awaitLog(Pattern.compile(Pattern.quote("causeflow-receiver listening on " + baseUrl)),
                        Duration.ofSeconds(60));
                return;
            } catch (IllegalStateException e) {
                lastFailure = e;
                process.stop(Duration.ofSeconds(5));
                ChildProcess.sleep(Duration.ofSeconds(2));
            }
        }
        throw new IllegalStateException("The receiver could not listen again on " + baseUrl + ", the URL Jenkins "
                + "queued its alerts for; another process may have taken port " + port + " while it was down",
                lastFailure);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Everything the receiver logged, over every start (each {@link #startAgain()} writes a new file). */
    String log() {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            Path file = directory.resolve(i == 1 ? "receiver.log" : "receiver-" + i + ".log");
            try {
                all.append(Files.exists(file) ? Files.readString(file) : "");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return all.toString();
    }

    /** The tenant's incident whose title contains {@code titlePart}, once it is stored. */
    StoredIncident awaitIncident(String titlePart, Duration timeout) {
        return ChildProcess.await("an incident titled '…" + titlePart + "…' at the receiver", timeout,
                () -> incidents().stream().filter(incident -> incident.title().contains(titlePart)).findFirst());
    }

    /** The tenant's incident with this id, if stored. */
    Optional<StoredIncident> incident(String incidentId) {
        return incidents().stream().filter(incident -> incident.incidentId().equals(incidentId)).findFirst();
    }

    List<StoredIncident> incidents() {
        if (!Files.exists(database)) {
            return List.of();
        }
        String sql = "SELECT incident_id, source_alert_id, title, severity, description, tags_json, metadata_json, "
                + "created_at FROM incidents WHERE tenant_id = ? ORDER BY created_at";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            List<StoredIncident> incidents = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    incidents.add(new StoredIncident(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), JSON.readTree(rows.getString(6)),
                            JSON.readTree(rows.getString(7)), Instant.parse(rows.getString(8))));
                }
            }
            return incidents;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not read the receiver's store " + database, e);
        }
    }

    /** The events the receiver stored for an incident (what its stream sends), oldest first. */
    List<StoredEvent> events(String incidentId) {
        if (!Files.exists(database)) {
            return List.of();
        }
        String sql = "SELECT id, event_name, envelope_json FROM events WHERE tenant_id = ? AND incident_id = ? "
                + "ORDER BY id";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            statement.setString(2, incidentId);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1), rows.getString(2), JSON.readTree(rows.getString(3))));
                }
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not read the receiver's store " + database, e);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(15));
    }
}
