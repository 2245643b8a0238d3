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
 * Exclusive ownership of a data directory: an OS file lock on {@code receiver.lock}, gone when the process dies.
 *
 * <p>Directories held by this JVM are also tracked in memory and checked first. An OS file lock belongs to the
 * process, and on Linux closing <em>any</em> channel of the file drops it; so a second attempt in the same JVM must
 * not even open the file, or refusing it would silently release the first store's lock.
 */
final class DataDirLock {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) throws SQLException {
        Path directory = canonical(dataDir);
        if (!HELD.add(directory)) {
            throw inUse(dataDir);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve("receiver.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir);
            }
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
