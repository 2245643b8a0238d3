package io.causeflow.receiver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tests the class {@link Sessions}. */
class SessionsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void shouldFindASessionByItsIdOnlyUntilItExpires() {
        Sessions sessions = new Sessions(Duration.ofHours(1), 10, clock);
        String id = sessions.create("acme");

        assertThat(sessions.find(id)).map(DashboardSession::tenantId).contains("acme");
        assertThat(sessions.find(id + "x")).isEmpty();
        now.set(now.get().plus(Duration.ofHours(1)));
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void shouldGiveEverySessionItsOwnRandomIdAndCsrfToken() {
        Sessions sessions = new Sessions(Duration.ofHours(1), 10, clock);
        String first = sessions.create("acme");
        String second = sessions.create("acme");

        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.find(first).orElseThrow().csrfToken())
                .isNotEqualTo(sessions.find(second).orElseThrow().csrfToken());
    }

    @Test
    void shouldStayWithinItsCapacityDroppingTheOldestSession() {
        Sessions sessions = new Sessions(Duration.ofHours(1), 3, clock);
        String oldest = sessions.create("a");
        String kept = sessions.create("b");
        sessions.create("c");
        sessions.create("d");

        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.find(oldest)).isEmpty();
        assertThat(sessions.find(kept)).isPresent();
    }

    @Test
    void shouldEndASessionOnSignOut() {
        Sessions sessions = new Sessions(Duration.ofHours(1), 3, clock);
        String id = sessions.create("acme");
        sessions.remove(id);
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void shouldNeverShowTheCsrfTokenInToString() {
        Sessions sessions = new Sessions(Duration.ofHours(1), 3, clock);
        DashboardSession session = sessions.find(sessions.create("acme")).orElseThrow();
        assertThat(session.toString()).contains("acme").doesNotContain(session.csrfToken());
    }
}
