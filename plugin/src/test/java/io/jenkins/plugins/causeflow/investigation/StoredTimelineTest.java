package io.jenkins.plugins.causeflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.investigation.InvestigationTimeline;
import io.causeflow.client.investigation.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Tests the persistent form of a timeline against the client's records. */
class StoredTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void shouldGiveBackTheSameTimelineAndAnswer() {
        InvestigationTimeline timeline = InvestigationTimeline.delivered("inc_1", T0)
                .with(new TimelineEntry("evt_2", TimelineEntry.Kind.PROGRESS, T0.plusSeconds(1), "reading logs",
                        List.of("agent logs", "step 1 of 3"), OptionalDouble.empty()))
                .with(new TimelineEntry("evt_3", TimelineEntry.Kind.ROOT_CAUSE, T0.plusSeconds(2),
                        "<script>x</script> ${oops}", List.of("restart the pool"), OptionalDouble.of(0.82)));

        StoredTimeline stored = StoredTimeline.of(timeline);

        assertThat(stored.toTimeline()).isEqualTo(timeline);
        assertThat(stored.getRootCause()).isEqualTo("<script>x</script> ${oops}");
        assertThat(stored.getConfidence()).isEqualTo(0.82);
        assertThat(stored.getConfidenceText()).isEqualTo("82 %");
        assertThat(stored.getInvestigationStatus()).isEqualTo("completed");
        assertThat(stored.getEntries()).extracting(StoredEntry::getKindText)
                .containsExactly("alert delivered", "progress", "root cause");
    }

    @Test
    void shouldReportAnEmptyTimelineAsPending() {
        StoredTimeline stored = StoredTimeline.of(InvestigationTimeline.empty("inc_2"));

        assertThat(stored.getInvestigationStatus()).isEqualTo("pending");
        assertThat(stored.getRootCause()).isEmpty();
        assertThat(stored.getConfidence()).isNull();
        assertThat(stored.getConfidenceText()).isEmpty();
    }
}
