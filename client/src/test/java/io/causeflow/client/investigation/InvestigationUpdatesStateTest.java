package io.causeflow.client.investigation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests how {@link InvestigationUpdates} starts from its state directory: a sound, a missing and a damaged index. */
class InvestigationUpdatesStateTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path state;

    @Test
    void shouldAskForARebuildWhenTheIndexFileIsMissing() {
        try (InvestigationUpdates updates = InvestigationUpdates.create(state, new MapTargets(), clock)) {
            assertThat(updates.indexNeedsRebuild()).isTrue();
            assertThat(updates.index().size()).isZero();
        }
    }

    @Test
    void shouldNotAskForARebuildWhenTheSavedIndexIsSound() {
        try (InvestigationUpdates first = InvestigationUpdates.create(state, new MapTargets(), clock)) {
            first.register("inc-1", "job/a#1");
        }
        try (InvestigationUpdates second = InvestigationUpdates.create(state, new MapTargets(), clock)) {
            assertThat(second.indexNeedsRebuild()).isFalse();
            assertThat(second.index().targets("inc-1")).containsExactly("job/a#1");
        }
    }

    @Test
    void shouldMoveADamagedIndexAsideAndSaveWhatIsRestored() throws Exception {
        Path index = state.resolve(InvestigationUpdates.INDEX_FILE);
        Files.writeString(index, "{\"version\":1,\"entries\":[{\"incidentId\":", StandardCharsets.UTF_8); // truncated

        try (InvestigationUpdates updates = InvestigationUpdates.create(state, new MapTargets(), clock)) {
            assertThat(updates.indexNeedsRebuild()).isTrue();
            assertThat(updates.status().message()).contains("could not be read", "damaged-");
            updates.restore("inc-7", "job/b#7", NOW.minus(Duration.ofDays(1)));
            updates.restore("inc-old", "job/b#1", NOW.minus(IncidentIndex.DEFAULT_MAX_AGE).minusSeconds(1));
        }

        try (InvestigationUpdates reopened = InvestigationUpdates.create(state, new MapTargets(), clock)) {
            assertThat(reopened.indexNeedsRebuild()).isFalse();
            assertThat(reopened.index().targets("inc-7")).containsExactly("job/b#7");
            assertThat(reopened.index().targets("inc-old")).as("beyond the age bound").isEmpty();
        }
        try (var files = Files.list(state)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.startsWith(InvestigationUpdates.INDEX_FILE + ".damaged-"));
        }
    }
}
