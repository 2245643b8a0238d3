package io.causeflow.client.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import io.causeflow.client.Alert;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the class {@link BuildFiles}. */
class BuildFilesTest {
    @Test
    void shouldFillTestsAndExcerptFromFiles() throws IOException {
        BuildFiles files = new BuildFiles(Optional.of(SnapshotFixtures.resource("junit")),
                Optional.of(SnapshotFixtures.resource("freestyle-console.log")));

        BuildSnapshot snapshot = files.readInto(BuildSnapshot.builder().controller(SnapshotFixtures.CONTROLLER)
                .jobFullName("billing-service").buildNumber(118).result(BuildResult.FAILURE)).build();

        assertThat(snapshot.tests().failed()).isEqualTo(3);
        assertThat(snapshot.logExcerpt()).get().extracting(LogExcerpt::origin)
                .isEqualTo(LogExcerpt.Origin.BUILD_LOG_TAIL);
        Alert alert = FailureAlertMapper.map(snapshot, MappingRules.defaults(), AlertOverrides.none());
        assertThat(alert.title()).isEqualTo("FAILURE: billing-service #118, 3 failed tests");
        assertThat(alert.description()).contains("tests.test_api.test_create_user: AssertionError: assert 500 == 201");
    }

    @Test
    void shouldLeaveTheSnapshotAloneWithoutFiles() throws IOException {
        BuildSnapshot snapshot = new BuildFiles(Optional.empty(), Optional.empty()).readInto(BuildSnapshot.builder()
                .controller(SnapshotFixtures.CONTROLLER).jobFullName("a").buildNumber(1)
                .result(BuildResult.FAILURE)).build();

        assertThat(snapshot.tests()).isEqualTo(TestSummary.none());
        assertThat(snapshot.logExcerpt()).isEmpty();
    }

    @Test
    void shouldNameAMissingLogFile(@TempDir final Path dir) {
        BuildFiles files = new BuildFiles(Optional.empty(), Optional.of(dir.resolve("console.txt")));

        assertThatIOException().isThrownBy(() -> files.readInto(BuildSnapshot.builder()))
                .withMessageContaining("console.txt");
    }
}
