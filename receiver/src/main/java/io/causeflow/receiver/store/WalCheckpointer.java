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
 * <p>SQLite starts the log from its beginning again only when a writer begins a transaction right after a checkpoint
 * copied <em>all</em> of it. Under sustained writes the background checkpoint never sees the end of a log that the
 * writer keeps appending to, so the log grew without end (917 MB in a minute). So once the log file passes the limit
 * the writer itself, between two batches, runs the checkpoint ({@link #restartIfLarge}): nothing is appended
 * meanwhile, so it copies everything short readers do not still need (most pages were copied by the background runs
 * already), and the writer's next commit starts the log from the top and cuts the file back to the limit
 * ({@code journal_size_limit}). It is a passive checkpoint: it never waits for readers. Only if readers kept it from
 * copying everything and the log passes twice the limit does the writer run a restarting checkpoint, which waits up
 * to 250 ms for them to move on (at most every 250 ms). Durability is unchanged: commits still go to the log first,
 * as before.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RESTART_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Connection connection;
    private final ScheduledExecutorService executor;
    private final Path walFile;
    private final long limitBytes;
    private long nextCheck;
    private long nextRestart;

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
            // Short: the restarting checkpoint runs on the writer's thread and must not stall ingest behind a long
            // reader; if readers are in the way it simply tries again 50 ms later.
            statement.execute("PRAGMA busy_timeout = 250");
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
        if (size <= limitBytes) {
            return;
        }
        // Readers that began before the last commit still need its frames; if they kept the passive run from
        // copying everything, the log keeps growing: past twice the limit, wait for them (briefly, see busy_timeout).
        boolean restart = size > 2 * limitBytes && now - nextRestart >= 0;
        if (restart) {
            nextRestart = now + RESTART_INTERVAL_NANOS;
        }
        synchronized (this) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(restart ? "PRAGMA wal_checkpoint(RESTART)" : "PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SQLException e) {
                LOG.warn("WAL checkpoint failed ({} bytes in the log); retrying later", size, e);
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
