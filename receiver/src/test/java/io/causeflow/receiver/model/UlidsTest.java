package io.causeflow.receiver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the class {@link Ulids}. */
class UlidsTest {
    @Test
    void shouldCreateIncidentIdsOf26CrockfordCharacters() {
        assertThat(Ulids.newIncidentId()).matches("inc_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ulids.newRemediationId()).matches("rem_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void shouldSortInCreationOrderEvenWithinOneMillisecond() {
        Ulids ulids = new Ulids(Clock.fixed(Instant.parse("2026-11-26T23:00:00Z"), ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(ulids.next());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get(0)).startsWith(ids.get(999).substring(0, 10));
    }

    @Test
    void shouldEncodeTheTimeInTheFirstTenCharacters() {
        Ulids earlier = new Ulids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        Ulids later = new Ulids(Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC));

        assertThat(earlier.next().substring(0, 10)).isLessThan(later.next().substring(0, 10));
    }
}
