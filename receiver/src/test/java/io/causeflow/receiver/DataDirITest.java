package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.API_KEY;
import static io.causeflow.receiver.Fixtures.SECRET;
import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests the class {@link ReceiverServer}'s data directory (issue 13, item 10): created for its owner only, and held
 * against a second receiver process even after someone deletes {@code receiver.lock}.
 */
class DataDirITest {
    @Test
    void shouldCreateTheDataDirectoryAndItsFilesForTheOwnerOnly(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        try (ReceiverServer server = ReceiverServer.create(Fixtures.config().dataDir(data).build()).start()) {
            assertThat(Fixtures.send(server, Fixtures.alert("perm-1")).statusCode()).isEqualTo(202);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            for (String file : new String[] {"causeflow.db", "causeflow.db-wal", "causeflow.db-shm", "receiver.lock"}) {
                assertThat(data.resolve(file)).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void shouldKeepASecondReceiverProcessOutEvenAfterTheLockFileIsDeleted(@TempDir Path data) throws Exception {
        String jar = System.getProperty("causeflow.receiver.jar");
        assertThat(jar).as("failsafe passes the shaded jar's path").isNotBlank();
        try (ReceiverServer first = ReceiverServer.create(Fixtures.config().dataDir(data).build()).start()) {
            assertThat(Fixtures.send(first, Fixtures.alert("lock-1")).statusCode()).isEqualTo(202);
            Files.delete(data.resolve("receiver.lock"));

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process second = new ProcessBuilder(java.toString(), "-Xmx128m", "-jar", jar, "--port", "0", "--data",
                    data.toString(), "--tenant", TENANT, "--api-key", API_KEY, "--webhook-secret", SECRET,
                    "--stream-token", TOKEN, "--exit-after", "20s").redirectErrorStream(true).start();
            boolean exited = second.waitFor(30, TimeUnit.SECONDS);
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!exited) {
                second.destroyForcibly();
            }

            assertThat(exited).as("second receiver exits instead of serving: %s", output).isTrue();
            assertThat(second.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("in use by another receiver");
            assertThat(Fixtures.send(first, Fixtures.alert("lock-2")).statusCode()).as("first one unharmed")
                    .isEqualTo(202);
            assertThat(first.incidents(TENANT)).hasSize(2);
        }
    }
}
