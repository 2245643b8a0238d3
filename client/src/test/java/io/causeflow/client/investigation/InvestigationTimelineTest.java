package io.causeflow.client.investigation;

import io.causeflow.client.events.CauseFlowEvent;
import io.causeflow.client.events.EventDecoder;
import io.causeflow.client.events.SseFrame;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.causeflow.client.investigation.Events.completed;
import static io.causeflow.client.investigation.Events.progress;
import static io.causeflow.client.investigation.Events.remediation;
import static io.causeflow.client.investigation.Events.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link InvestigationTimeline}. */
class InvestigationTimelineTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-30T12:00:00Z");
    private static final String INCIDENT = "inc_01";

    private static List<CauseFlowEvent> investigation() {
        return List.of(
                statusChanged("evt_000000000001", INCIDENT, "open", "triaging", "2026-11-30T10:00:01Z"),
                statusChanged("evt_000000000002", INCIDENT, "triaging", "investigating", "2026-11-30T10:00:02Z"),
                progress("evt_000000000003", INCIDENT, 1, "2026-11-30T10:00:03Z"),
                progress("evt_000000000004", INCIDENT, 2, "2026-11-30T10:00:04Z"),
                progress("evt_000000000005", INCIDENT, 3, "2026-11-30T10:00:05Z"),
                completed("evt_000000000006", INCIDENT, "Dependency drift in core", 0.82, "2026-11-30T10:00:06Z"),
                remediation("evt_000000000007", INCIDENT, "Pin libfoo to 1.2", "2026-11-30T10:00:07Z"),
                statusChanged("evt_000000000008", INCIDENT, "investigating", "resolved", "2026-11-30T10:00:08Z"));
    }

    private static InvestigationTimeline applyAll(final InvestigationTimeline start, final List<CauseFlowEvent> events) {
        InvestigationTimeline timeline = start;
        for (CauseFlowEvent event : events) {
            timeline = timeline.apply(event, RECEIVED);
        }
        return timeline;
    }

    @Test
    void shouldRecordEachStepWithItsTimeAndKind() {
        InvestigationTimeline timeline = applyAll(InvestigationTimeline.delivered(INCIDENT,
                Instant.parse("2026-11-30T10:00:00Z")), investigation());

        assertThat(timeline.entries()).extracting(TimelineEntry::kind).containsExactly(
                TimelineEntry.Kind.ALERT_DELIVERED, TimelineEntry.Kind.STATUS_CHANGED,
                TimelineEntry.Kind.STATUS_CHANGED, TimelineEntry.Kind.PROGRESS, TimelineEntry.Kind.PROGRESS,
                TimelineEntry.Kind.PROGRESS, TimelineEntry.Kind.ROOT_CAUSE, TimelineEntry.Kind.REMEDIATION_PROPOSED,
                TimelineEntry.Kind.RESOLVED);
        assertThat(timeline.entries().get(6).time()).isEqualTo(Instant.parse("2026-11-30T10:00:06Z"));
        assertThat(timeline.entries().get(6).confidence()).hasValue(0.82);
        assertThat(timeline.entries().get(3).details()).containsExactly("agent log-analyst", "step 1 of 3");
        assertThat(timeline.entries().get(7).details()).containsExactly("Revert", "Redeploy");
    }

    @Test
    void shouldGiveTheAnswer() {
        InvestigationTimeline timeline = applyAll(InvestigationTimeline.delivered(INCIDENT, RECEIVED),
                investigation().subList(0, 7));

        InvestigationAnswer answer = timeline.answer();

        assertThat(answer.rootCause()).hasValue("Dependency drift in core");
        assertThat(answer.confidence()).hasValue(0.82);
        assertThat(answer.investigationStatus()).isEqualTo(InvestigationStatus.COMPLETED);
        assertThat(answer.incidentStatus()).isEqualTo("investigating");
        assertThat(answer.remediation()).hasValue("Pin libfoo to 1.2");
        assertThat(answer.recommendedActions()).containsExactly("Pin the dependency");
        assertThat(answer.asMap()).containsEntry("rootCause", "Dependency drift in core")
                .containsEntry("confidence", 0.82).containsEntry("investigationStatus", "completed")
                .containsEntry("remediation", "Pin libfoo to 1.2");
    }

    @Test
    void shouldReportPendingThenInvestigatingThenResolved() {
        InvestigationTimeline delivered = InvestigationTimeline.delivered(INCIDENT, RECEIVED);
        InvestigationTimeline investigating = applyAll(delivered, investigation().subList(0, 3));
        InvestigationTimeline resolved = applyAll(delivered, investigation());

        assertThat(delivered.answer().investigationStatus()).isEqualTo(InvestigationStatus.PENDING);
        assertThat(delivered.answer().asMap()).containsEntry("rootCause", "").containsEntry("confidence", null);
        assertThat(investigating.answer().investigationStatus()).isEqualTo(InvestigationStatus.INVESTIGATING);
        assertThat(resolved.answer().investigationStatus()).isEqualTo(InvestigationStatus.RESOLVED);
        assertThat(resolved.answer().incidentStatus()).isEqualTo("resolved");
    }

    @Test
    void shouldIgnoreDuplicatesOnReplay() {
        InvestigationTimeline once = applyAll(InvestigationTimeline.empty(INCIDENT), investigation());
        List<CauseFlowEvent> replayed = new ArrayList<>(investigation());
        replayed.addAll(investigation());
        replayed.addAll(investigation().subList(2, 6));

        InvestigationTimeline twice = applyAll(InvestigationTimeline.empty(INCIDENT), replayed);

        assertThat(twice).isEqualTo(once);
        assertThat(once.apply(investigation().get(5), RECEIVED)).isSameAs(once);
    }

    @Test
    void shouldReachTheSameTimelineWhateverTheArrivalOrder() {
        InvestigationTimeline inOrder = applyAll(InvestigationTimeline.empty(INCIDENT), investigation());
        Random random = new Random(12);
        for (int round = 0; round < 50; round++) {
            List<CauseFlowEvent> shuffled = new ArrayList<>(investigation());
            Collections.shuffle(shuffled, random);

            InvestigationTimeline timeline = applyAll(InvestigationTimeline.empty(INCIDENT), shuffled);

            assertThat(timeline).isEqualTo(inOrder);
            assertThat(timeline.answer().investigationStatus()).isEqualTo(InvestigationStatus.RESOLVED);
        }
    }

    @Test
    void shouldKeepTheLatestStatusWhenALateEventIsOlder() {
        InvestigationTimeline timeline = applyAll(InvestigationTimeline.empty(INCIDENT), List.of(
                statusChanged("evt_9", INCIDENT, "investigating", "awaiting_approval", "2026-11-30T10:05:00Z"),
                statusChanged("evt_2", INCIDENT, "triaging", "investigating", "2026-11-30T10:00:02Z")));

        assertThat(timeline.answer().incidentStatus()).isEqualTo("awaiting_approval");
    }

    @Test
    void shouldUnderstandTheUnderscoreNamesAndTheFlatShape() {
        InvestigationTimeline envelope = applyAll(InvestigationTimeline.empty(INCIDENT), investigation());
        List<CauseFlowEvent> flat = List.of(
                Events.flat("evt_000000000001", "incident_status_changed", "2026-11-30T10:00:01Z",
                        "{\"incidentId\":\"inc_01\",\"previousStatus\":\"open\",\"newStatus\":\"triaging\"}"),
                Events.flat("evt_000000000002", "incident_status_changed", "2026-11-30T10:00:02Z",
                        "{\"incidentId\":\"inc_01\",\"previousStatus\":\"triaging\",\"newStatus\":\"investigating\"}"),
                Events.flat("evt_000000000003", "investigation_progress", "2026-11-30T10:00:03Z",
                        "{\"incidentId\":\"inc_01\",\"message\":\"Step 1\",\"agentName\":\"log-analyst\","
                                + "\"stepIndex\":1,\"totalSteps\":3}"),
                Events.flat("evt_000000000004", "investigation_progress", "2026-11-30T10:00:04Z",
                        "{\"incidentId\":\"inc_01\",\"message\":\"Step 2\",\"agentName\":\"log-analyst\","
                                + "\"stepIndex\":2,\"totalSteps\":3}"),
                Events.flat("evt_000000000005", "investigation_progress", "2026-11-30T10:00:05Z",
                        "{\"incidentId\":\"inc_01\",\"message\":\"Step 3\",\"agentName\":\"log-analyst\","
                                + "\"stepIndex\":3,\"totalSteps\":3}"),
                Events.flat("evt_000000000006", "investigation_completed", "2026-11-30T10:00:06Z",
                        "{\"incidentId\":\"inc_01\",\"rootCause\":\"Dependency drift in core\",\"confidence\":0.82,"
                                + "\"recommendedActions\":[\"Pin the dependency\"]}"),
                Events.flat("evt_000000000007", "remediation_proposed", "2026-11-30T10:00:07Z",
                        "{\"incidentId\":\"inc_01\",\"remediationId\":\"rem_1\",\"title\":\"Pin libfoo to 1.2\","
                                + "\"requiresApproval\":true,\"steps\":[\"Revert\",\"Redeploy\"]}"),
                Events.flat("evt_000000000008", "incident_status_changed", "2026-11-30T10:00:08Z",
                        "{\"incidentId\":\"inc_01\",\"previousStatus\":\"investigating\",\"newStatus\":\"resolved\"}"));

        InvestigationTimeline fromFlat = applyAll(InvestigationTimeline.empty(INCIDENT), flat);

        assertThat(fromFlat).isEqualTo(envelope);
    }

    @Test
    void shouldIgnoreEventsOfAnotherIncidentAndPings() {
        InvestigationTimeline timeline = InvestigationTimeline.empty(INCIDENT);

        assertThat(timeline.apply(completed("evt_1", "inc_other", "x", 0.5, "2026-11-30T10:00:00Z"), RECEIVED))
                .isSameAs(timeline);
        assertThat(timeline.apply(EventDecoder.decode(new SseFrame("ping", "{}", "evt_1")), RECEIVED))
                .isSameAs(timeline);
    }

    @Test
    void shouldRecogniseDuplicatesWithoutIdsByTheirContent() {
        CauseFlowEvent withoutId = EventDecoder.decode(new SseFrame("investigation_completed",
                "{\"incidentId\":\"inc_01\",\"rootCause\":\"Disk full\"}", ""));
        InvestigationTimeline once = InvestigationTimeline.empty(INCIDENT).apply(withoutId, RECEIVED);

        InvestigationTimeline twice = once.apply(withoutId, RECEIVED.plusSeconds(5));

        assertThat(twice).isSameAs(once);
        assertThat(once.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).startsWith("sha256:");
            assertThat(entry.time()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void shouldBoundTheEntriesByDroppingTheOldestProgress() {
        InvestigationTimeline timeline = InvestigationTimeline.delivered(INCIDENT, Instant.parse("2026-11-30T09:00:00Z"));
        for (int i = 0; i < 500; i++) {
            timeline = timeline.apply(progress(String.format("evt_%012d", i), INCIDENT, i,
                    Instant.parse("2026-11-30T10:00:00Z").plusSeconds(i).toString()), RECEIVED);
        }
        timeline = timeline.apply(completed("evt_999999999999", INCIDENT, "Found", 0.9, "2026-11-30T11:00:00Z"),
                RECEIVED);

        assertThat(timeline.entries()).hasSize(InvestigationTimeline.MAX_ENTRIES);
        assertThat(timeline.entries().get(0).kind()).isEqualTo(TimelineEntry.Kind.ALERT_DELIVERED);
        assertThat(timeline.entries().get(1).eventId()).isEqualTo(String.format("evt_%012d", 500 - 198));
        assertThat(timeline.answer().rootCause()).hasValue("Found");
    }

    @Test
    void shouldCapLongServerText() {
        String huge = "x".repeat(TimelineEntry.MAX_TEXT * 3);

        InvestigationTimeline timeline = InvestigationTimeline.empty(INCIDENT)
                .apply(completed("evt_1", INCIDENT, huge, 0.5, "2026-11-30T10:00:00Z"), RECEIVED);

        assertThat(timeline.answer().rootCause().orElseThrow()).hasSize(TimelineEntry.MAX_TEXT).endsWith("\u2026");
    }

    @Test
    void shouldDropAConfidenceOutsideZeroToOne() {
        InvestigationTimeline timeline = InvestigationTimeline.empty(INCIDENT)
                .apply(completed("evt_1", INCIDENT, "Found", 87, "2026-11-30T10:00:00Z"), RECEIVED);

        assertThat(timeline.answer().confidence()).isEmpty();
        assertThat(timeline.answer().rootCause()).hasValue("Found");
    }

    @Test
    void shouldCountAnyStatusAfterTriagingAsInvestigationStarted() {
        InvestigationTimeline triaging = InvestigationTimeline.empty(INCIDENT)
                .apply(statusChanged("evt_1", INCIDENT, "open", "triaging", "2026-11-30T10:00:01Z"), RECEIVED);
        InvestigationTimeline awaiting = triaging
                .apply(statusChanged("evt_2", INCIDENT, "triaging", "awaiting_approval", "2026-11-30T10:00:02Z"),
                        RECEIVED);

        assertThat(triaging.answer().investigationStatus()).isEqualTo(InvestigationStatus.PENDING);
        assertThat(awaiting.answer().investigationStatus()).isEqualTo(InvestigationStatus.INVESTIGATING);
    }
}
