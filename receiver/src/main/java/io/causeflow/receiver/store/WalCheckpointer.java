package io.causeflow.receiver.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database file once a second on its own connection and thread. A passive
 * checkpoint never blocks the writer, which therefore never pays for copying pages or syncing the file.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final ScheduledExecutorService executor;

    private WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "causeflow-store-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    }

    static WalCheckpointer start(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new WalCheckpointer(connection);
    }

    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SQLException e) {
            LOG.warn("WAL checkpoint failed; retrying in a second", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        }
        catch (SQLException e) {
            LOG.debug("Checkpoint connection already closed", e);
        }
    }
}
