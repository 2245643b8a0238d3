package io.causeflow.receiver.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the ordered migration scripts under {@code migrations/} and records each in {@code schema_version}.
 * A new schema change is a new script appended to {@link #SCRIPTS}; applied scripts are never edited.
 */
final class Migrations {
    /** Ordered; the version of a script is its position + 1. */
    static final List<String> SCRIPTS = List.of("V1__incidents_and_events.sql");

    private Migrations() {
    }

    /** Brings the schema up to date in one transaction per script; returns the resulting version. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
        }
        connection.commit();
        int current = currentVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new SQLException("the data directory has schema version " + current
                    + " but this receiver knows only up to " + SCRIPTS.size() + "; use a newer receiver");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String script = SCRIPTS.get(version - 1);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(read(script))) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.setString(3, Instant.now().toString());
                insert.executeUpdate();
            }
            connection.commit();
        }
        return SCRIPTS.size();
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the jar: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits on semicolons that end a line; drops {@code --} comment lines. Our scripts contain no string literals. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
