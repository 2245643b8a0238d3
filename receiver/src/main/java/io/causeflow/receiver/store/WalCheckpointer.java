package io.causeflow.receiver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>Under sustained writes a passive checkpoint never catches up completely, and SQLite only starts the log from its
 * beginning again after a complete one: the log then grows without end (917 MB in a minute). So the writer asks,
 * between batches, for a restarting checkpoint once the log file passes the limit ({@link #restartIfLarge}): it waits
 * for readers to leave the old log, copies the rest (most pages were copied by the passive runs already), syncs the
 * database file and lets the next commit start the log from the top, cut back to the limit
 * ({@code journal_size_limit}). Durability is unchanged: commits still go to the log first, synchronously.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Connection connection;
    private final ScheduledExecutorService executor;
    private final Path walFile;
    private final long limitBytes;
    private long nextCheck;

    private WalCheckpointer(Connection connection, Path walFile, long limitBytes) {
        this.connection = connection;
        this.walFile = walFile;
        this.limitBytes = limitBytes;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "causeflow-store-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    }

    static WalCheckpointer start(String url, Path walFile, long limitBytes) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("PRAGMA journal_size_limit = " + limitBytes);
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new WalCheckpointer(connection, walFile, limitBytes);
    }

    /** Called by the store's writer thread between batches; looks at the log size at most every 50 ms. */
    void restartIfLarge() {
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return;
        }
        nextCheck = now + CHECK_INTERVAL_NANOS;
        long size;
        try {
            size = Files.size(walFile);
        }
        catch (IOException e) {
            return; // no log yet
        }
        if (size > limitBytes) {
            synchronized (this) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(RESTART)");
                }
                catch (SQLException e) {
                    LOG.warn("Restarting WAL checkpoint failed ({} bytes in the log); retrying later", size, e);
                }
            }
        }
    }

    private synchronized void checkpoint() {
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
