package io.causeflow.receiver.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds every alert ever received: on POSIX systems it is created {@code rwx------} and the
 * receiver's files {@code rw-------}, whatever the umask. SQLite creates its {@code -wal} and {@code -shm} files with
 * the permissions of the database file, so the database file is created first, by us. An existing directory is left
 * as it is (it may be shared on purpose), with a warning when others can read it.
 */
final class OwnerOnly {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    static boolean posix(Path path) {
        return Files.getFileAttributeView(path.toAbsolutePath().getRoot(), PosixFileAttributeView.class) != null;
    }

    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            if (posix(dir)) {
                Set<PosixFilePermission> current = Files.getPosixFilePermissions(dir);
                if (current.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    LOG.warn("Data directory {} is {}: other users may read the stored alerts (it was created "
                            + "elsewhere, so its permissions are left as they are)", dir.toAbsolutePath(),
                            PosixFilePermissions.toString(current));
                }
            }
            return;
        }
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        else {
            Files.createDirectories(dir);
        }
    }

    /** Creates the file readable by its owner only, unless it exists. */
    static void createFile(Path file) throws IOException {
        try {
            if (posix(file)) {
                FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(FILE);
                Files.createFile(file, attribute);
            }
            else {
                Files.createFile(file);
            }
        }
        catch (FileAlreadyExistsException e) {
            // kept; restrictFiles tightens it
        }
    }

    /** Makes the named files of the directory (those that exist) readable by their owner only. */
    static void restrictFiles(Path dir, String... names) throws java.sql.SQLException {
        if (!posix(dir)) {
            return;
        }
        for (String name : names) {
            Path file = dir.resolve(name);
            try {
                if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
            catch (IOException e) {
                throw new java.sql.SQLException("cannot restrict the permissions of " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
