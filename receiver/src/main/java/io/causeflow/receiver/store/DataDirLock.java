package io.causeflow.receiver.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

/** Exclusive ownership of a data directory: an OS file lock on {@code receiver.lock}, gone when the process dies. */
final class DataDirLock {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) throws SQLException {
        Path file = dataDir.resolve("receiver.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return new DataDirLock(channel, lock);
        }
        catch (OverlappingFileLockException e) {
            close(channel);
            throw new SQLException("data directory " + dataDir.toAbsolutePath()
                    + " is in use by another receiver; stop it or use another --data directory");
        }
        catch (IOException e) {
            close(channel);
            throw new SQLException("cannot lock data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            lock.release();
        }
        catch (IOException e) {
            // closing the channel below releases it as well
        }
        close(channel);
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
