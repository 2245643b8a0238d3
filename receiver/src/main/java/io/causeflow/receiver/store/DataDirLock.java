package io.causeflow.receiver.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a data directory: an OS file lock on {@code receiver.lock}, gone when the process dies, and
 * a check that no other process has the database open. Deleting {@code receiver.lock} therefore does not let a second
 * receiver in.
 *
 * <p>The check uses SQLite's own lock: every open connection to a database in WAL mode holds a shared lock on byte
 * {@value #SHM_DMS_BYTE} of its {@code -shm} file (the "dead man switch") for as long as it is open. If an exclusive
 * lock on that byte cannot be had, another process is using the database. The probe is released before SQLite opens
 * the files. (A lock of our own on the database file would not do: a POSIX lock vanishes when the process closes
 * <em>any</em> descriptor of the file, and SQLite closes descriptors of it when it sees fit.)
 * <p>Directories held by this JVM are also tracked in memory and checked first. An OS file lock belongs to the
 * process, and on Linux closing <em>any</em> channel of the file drops it; so a second attempt in the same JVM must
 * not even open the file, or refusing it would silently release the first store's lock.
 */
final class DataDirLock {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** SQLite's unix VFS: UNIX_SHM_BASE (120) + SQLITE_SHM_NLOCK (8). */
    static final long SHM_DMS_BYTE = 128;

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir, String databaseFile) throws SQLException {
        Path directory = canonical(dataDir);
        if (!HELD.add(directory)) {
            throw inUse(dataDir);
        }
        FileChannel channel = null;
        try {
            OwnerOnly.createFile(directory.resolve("receiver.lock"));
            channel = FileChannel.open(directory.resolve("receiver.lock"), StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir);
            }
            if (openElsewhere(directory.resolve(databaseFile + "-shm"))) {
                throw inUse(dataDir);
            }
            // Created by us, before SQLite, so that it and its -wal/-shm files are owner-only (see OwnerOnly).
            OwnerOnly.createFile(directory.resolve(databaseFile));
            return new DataDirLock(directory, channel, lock);
        }
        catch (IOException e) {
            close(channel);
            HELD.remove(directory);
            throw new SQLException("cannot lock data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        catch (SQLException | RuntimeException e) {
            close(channel);
            HELD.remove(directory);
            throw e;
        }
    }

    /** Whether another process holds SQLite's shared-memory lock of the database (see the class comment). */
    private static boolean openElsewhere(Path shm) throws IOException {
        if (!Files.exists(shm)) {
            return false;
        }
        try (FileChannel probe = FileChannel.open(shm, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock dms = probe.tryLock(SHM_DMS_BYTE, 1, false);
            if (dms == null) {
                return true;
            }
            dms.release();
            return false;
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
        }
        catch (IOException e) {
            // closing the channel below releases it as well
        }
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
