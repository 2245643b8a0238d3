package io.causeflow.receiver.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/** Where the store's reads run, and what a write batch must hold so that reads never see it half done. */
sealed interface ReadConnections extends AutoCloseable {
    /** Runs a query on a read connection; it sees only committed data. */
    <T> T read(SqlFunction<Connection, T> query) throws SQLException;

    /** Held by the writer from the first statement of a batch to its commit. */
    void lockForWrite();

    void unlockForWrite();

    @Override
    void close();

    /**
     * Read-only connections to a file database in WAL mode: they run next to the writer and see the last commit.
     * At most {@code size} are opened; a read waits for a free one beyond that.
     */
    final class Pool implements ReadConnections {
        private static final long WAIT_SECONDS = 30;
        private final String url;
        private final int size;
        private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
        private final AtomicInteger opened = new AtomicInteger();

        Pool(String url, int size) {
            this.url = url;
            this.size = size;
        }

        @Override
        public <T> T read(SqlFunction<Connection, T> query) throws SQLException {
            Connection connection = borrow();
            try {
                return query.apply(connection);
            }
            finally {
                idle.add(connection);
            }
        }

        private Connection borrow() throws SQLException {
            Connection connection = idle.poll();
            if (connection != null) {
                return connection;
            }
            if (opened.incrementAndGet() <= size) {
                try {
                    return open();
                }
                catch (SQLException | RuntimeException e) {
                    opened.decrementAndGet();
                    throw e;
                }
            }
            opened.decrementAndGet();
            try {
                connection = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for a read connection", e);
            }
            if (connection == null) {
                throw new SQLException("no read connection became free within " + WAIT_SECONDS + " s");
            }
            return connection;
        }

        private Connection open() throws SQLException {
            Connection connection = DriverManager.getConnection(url);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("PRAGMA query_only = true");
            }
            catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        @Override
        public void lockForWrite() {
            // WAL readers never see an uncommitted batch; nothing to hold.
        }

        @Override
        public void unlockForWrite() {
            // see lockForWrite
        }

        @Override
        public void close() {
            Connection connection;
            while ((connection = idle.poll()) != null) {
                try {
                    connection.close();
                }
                catch (SQLException e) {
                    // closing anyway
                }
            }
        }
    }

    /**
     * An in-memory database lives in its one connection, so reads share the writer's, between batches: a read on
     * the connection inside an open batch would see its uncommitted rows.
     */
    final class Shared implements ReadConnections {
        private final Connection connection;
        private final ReentrantLock lock = new ReentrantLock();

        Shared(Connection connection) {
            this.connection = connection;
        }

        @Override
        public <T> T read(SqlFunction<Connection, T> query) throws SQLException {
            lock.lock();
            try {
                return query.apply(connection);
            }
            finally {
                lock.unlock();
            }
        }

        @Override
        public void lockForWrite() {
            lock.lock();
        }

        @Override
        public void unlockForWrite() {
            lock.unlock();
        }

        @Override
        public void close() {
            // the writer owns the connection
        }
    }
}
