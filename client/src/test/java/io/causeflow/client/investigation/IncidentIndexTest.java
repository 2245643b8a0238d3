package io.causeflow.client.investigation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests the class {@link IncidentIndex}. */
class IncidentIndexTest {
    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path directory;

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void shouldKeepTheNewestTenThousandOfTwelveThousandIncidents() {
        IncidentIndex index = IncidentIndex.create(10_000, Duration.ofDays(14), clock);

        for (int i = 0; i < 12_000; i++) {
            now.set(START.plusSeconds(i));
            index.register("inc_" + i, "job/app#" + i);
        }

        assertThat(index.size()).isEqualTo(10_000);
        assertThat(index.targets("inc_1999")).isEmpty();
        assertThat(index.targets("inc_2000")).containsExactly("job/app#2000");
        assertThat(index.targets("inc_11999")).containsExactly("job/app#11999");
    }

    @Test
    void shouldSaveAndLoadTenThousandIncidentsWithinTheBounds() throws IOException {
        IncidentIndex index = IncidentIndex.create(10_000, Duration.ofDays(14), clock);
        for (int i = 0; i < 10_000; i++) {
            index.register("inc_" + i, "job/folder/app#" + i, START.minusSeconds(10_000 - i));
        }
        Path file = directory.resolve("index.json");
        index.save(file);

        IncidentIndex smaller = IncidentIndex.load(file, 5_000, Duration.ofDays(14), clock);
        IncidentIndex same = IncidentIndex.load(file, 10_000, Duration.ofDays(14), clock);

        assertThat(same.size()).isEqualTo(10_000);
        assertThat(same.isDirty()).isFalse();
        assertThat(smaller.size()).isEqualTo(5_000);
        assertThat(smaller.targets("inc_4999")).isEmpty();
        assertThat(smaller.targets("inc_5000")).containsExactly("job/folder/app#5000");
        assertThat(Files.size(file)).isLessThan(1_000_000);
    }

    @Test
    void shouldForgetIncidentsOlderThanTheAgeBound() throws IOException {
        IncidentIndex index = IncidentIndex.create(100, Duration.ofDays(1), clock);
        index.register("inc_old", "job/app#1");
        now.set(START.plus(Duration.ofHours(20)));
        index.register("inc_new", "job/app#2");
        index.register("inc_ancient", "job/app#0", START.minus(Duration.ofDays(3)));
        Path file = directory.resolve("index.json");
        index.save(file);

        now.set(START.plus(Duration.ofHours(25)));

        assertThat(index.targets("inc_old")).isEmpty();
        assertThat(index.targets("inc_new")).containsExactly("job/app#2");
        assertThat(index.targets("inc_ancient")).isEmpty();
        assertThat(IncidentIndex.load(file, 100, Duration.ofDays(1), clock).size()).isEqualTo(1);
    }

    @Test
    void shouldKeepAFewTargetsPerIncident() {
        IncidentIndex index = IncidentIndex.create(100, Duration.ofDays(1), clock);

        for (int i = 0; i < 10; i++) {
            index.register("inc_1", "job/app#" + i);
        }
        index.register("inc_1", "job/app#9");

        assertThat(index.targets("inc_1")).hasSize(IncidentIndex.MAX_TARGETS_PER_INCIDENT)
                .startsWith("job/app#2").endsWith("job/app#9");
    }

    @Test
    void shouldRejectBadKeysNamingTheField() {
        IncidentIndex index = IncidentIndex.create(100, Duration.ofDays(1), clock);

        assertThatThrownBy(() -> index.register(" ", "job/app#1")).hasMessage("incidentId is blank");
        assertThatThrownBy(() -> index.register("inc_1", "job\napp")).hasMessage(
                "target contains a control character at position 3");
        assertThatThrownBy(() -> index.register("i".repeat(201), "job/app#1"))
                .hasMessageStartingWith("incidentId is longer than 200 characters");
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldLoadAMissingFileAsEmpty() throws IOException {
        assertThat(IncidentIndex.load(directory.resolve("none.json"), 10, Duration.ofDays(1), clock).size()).isZero();
    }

    @Test
    void shouldNameTheFileAndTheProblemOfADamagedIndex() throws IOException {
        Path notJson = Files.writeString(directory.resolve("a.json"), "{\"version\":1,\"entries\":[");
        Path wrongShape = Files.writeString(directory.resolve("b.json"), "{\"entries\":{}}");
        Path badEntry = Files.writeString(directory.resolve("c.json"),
                "{\"version\":1,\"entries\":[{\"incidentId\":\"\",\"targets\":[\"x\"],\"registeredAt\":1}]}");

        assertThatThrownBy(() -> IncidentIndex.load(notJson, 10, Duration.ofDays(1), clock))
                .isInstanceOf(IOException.class).hasMessageContaining("a.json is not valid JSON");
        assertThatThrownBy(() -> IncidentIndex.load(wrongShape, 10, Duration.ofDays(1), clock))
                .isInstanceOf(IOException.class).hasMessageContaining("b.json is not an incident index");
        assertThatThrownBy(() -> IncidentIndex.load(badEntry, 10, Duration.ofDays(1), clock))
                .isInstanceOf(IOException.class).hasMessageContaining("c.json: incidentId is blank");
    }

    @Test
    void shouldRefuseAFileLargerThanTheBoundBeforeReadingIt() throws IOException {
        Path huge = directory.resolve("huge.json");
        Files.write(huge, new byte[4_096 + 10 * 2_048 + 1]);

        assertThatThrownBy(() -> IncidentIndex.load(huge, 10, Duration.ofDays(1), clock))
                .isInstanceOf(IOException.class).hasMessageContaining("huge.json is larger than 24576 bytes");
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() throws IOException {
        IncidentIndex index = IncidentIndex.create(10, Duration.ofDays(1), clock);
        index.register("inc_1", "job/app#1");
        Path file = directory.resolve("state/index.json");

        index.save(file);
        index.save(file);

        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"inc_1\"");
    }
}
