package io.causeflow.receiver.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a data directory: OS file locks on {@code receiver.lock} and on the database file itself,
 * gone when the process dies. Deleting {@code receiver.lock} therefore does not let a second receiver in: it would
 * have to delete the database, which the first one is using. The lock on the database covers one byte far beyond
 * anything SQLite locks or writes ({@link #DATABASE_LOCK_OFFSET}), so it never meets SQLite's own locks.
 *
 * <p>A POSIX lock also vanishes when the process closes <em>any</em> descriptor of the file. SQLite's connections to
 * the database stay open for the store's whole life (writer, readers, checkpointer), so none is closed under it.
 * <p>Directories held by this JVM are also tracked in memory and checked first. An OS file lock belongs to the
 * process, and on Linux closing <em>any</em> channel of the file drops it; so a second attempt in the same JVM must
 * not even open the file, or refusing it would silently release the first store's lock.
 */
final class DataDirLock {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** Byte of the database file we lock: far past SQLite's lock bytes (1 GiB) and any real database size. */
    static final long DATABASE_LOCK_OFFSET = Long.MAX_VALUE - 2;

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;
    private final FileChannel databaseChannel;
    private final FileLock databaseLock;

    private DataDirLock(Path directory, FileChannel channel, FileLock lock, FileChannel databaseChannel,
            FileLock databaseLock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
        this.databaseChannel = databaseChannel;
        this.databaseLock = databaseLock;
    }

    static DataDirLock acquire(Path dataDir, String databaseFile) throws SQLException {
        Path directory = canonical(dataDir);
        if (!HELD.add(directory)) {
            throw inUse(dataDir);
        }
        FileChannel channel = null;
        FileChannel databaseChannel = null;
        try {
            OwnerOnly.createFile(directory.resolve("receiver.lock"));
            channel = FileChannel.open(directory.resolve("receiver.lock"), StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir);
            }
            // Created by us, before SQLite, so that it and its -wal/-shm files are owner-only (see OwnerOnly).
            OwnerOnly.createFile(directory.resolve(databaseFile));
            databaseChannel = FileChannel.open(directory.resolve(databaseFile), StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock databaseLock = databaseChannel.tryLock(DATABASE_LOCK_OFFSET, 1, false);
            if (databaseLock == null) {
                throw inUse(dataDir);
            }
            return new DataDirLock(directory, channel, lock, databaseChannel, databaseLock);
        }
        catch (IOException e) {
            close(channel);
            close(databaseChannel);
            HELD.remove(directory);
            throw new SQLException("cannot lock data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        catch (SQLException | RuntimeException e) {
            close(channel);
            close(databaseChannel);
            HELD.remove(directory);
            throw e;
        }
    }

    private static Path canonical(Path dataDir) throws SQLException {
        try {
            return dataDir.toRealPath();
        }
        catch (IOException e) {
            throw new SQLException("cannot resolve data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
    }

    private static SQLException inUse(Path dataDir) {
        return new SQLException("data directory " + dataDir.toAbsolutePath()
                + " is in use by another receiver; stop it or use another --data directory");
    }

    void release() {
        try {
            lock.release();
            databaseLock.release();
        }
        catch (IOException e) {
            // closing the channels below releases them as well
        }
        close(databaseChannel);
        close(channel);
        HELD.remove(directory);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
