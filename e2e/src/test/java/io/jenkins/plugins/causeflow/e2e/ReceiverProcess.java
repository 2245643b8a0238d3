package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final ChildProcess process;
    private final String baseUrl;
    private final Path database;
    private final String tenantId;

    private ReceiverProcess(ChildProcess process, String baseUrl, Path database, String tenantId) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.database = database;
        this.tenantId = tenantId;
    }

    static ReceiverProcess start(Path receiverJar, Path directory, ReceiverTenant tenant) {
        try {
            JenkinsHome.deleteRecursively(directory); // a fresh store: no incident of an earlier run
            Path data = Files.createDirectories(directory.resolve("data"));
            ChildProcess process = ChildProcess.start("receiver",
                    List.of(ChildProcess.javaExecutable(), "-Xmx128m", "-jar", receiverJar.toString(),
                            "--host", "127.0.0.1", "--port", "0", "--data", data.toString(),
                            "--simulator-delay", SIMULATOR_STEP_DELAY.toSeconds() + "s"),
                    tenant.receiverEnvironment(), directory, directory.resolve("receiver.log"));
            String url = process.awaitLog(LISTENING, Duration.ofSeconds(60)).group(1);
            return new ReceiverProcess(process, url, data.resolve("causeflow.db"), tenant.tenantId());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + directory, e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String log() {
        return process.log();
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
