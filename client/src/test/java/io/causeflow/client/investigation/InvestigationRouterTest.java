package io.causeflow.client.investigation;

import io.causeflow.client.events.EventDecoder;
import io.causeflow.client.events.SseFrame;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static io.causeflow.client.investigation.Events.completed;
import static io.causeflow.client.investigation.Events.progress;
import static io.causeflow.client.investigation.Events.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests the class {@link InvestigationRouter}. */
class InvestigationRouterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final String BUILD = "job/app#12";
    private static final Duration LONG = Duration.ofMinutes(5);

    private final IncidentIndex index = IncidentIndex.create(100, Duration.ofDays(1), CLOCK);
    private final MapTargets targets = new MapTargets(BUILD, "job/app#13");
    private final InvestigationRouter router = new InvestigationRouter(index, targets, CLOCK);

    @Test
    void shouldApplyEventsOfAKnownIncidentToItsTarget() {
        index.register("inc_1", BUILD);

        InvestigationRouter.Outcome outcome = router.route(completed("evt_1", "inc_1", "Disk full", 0.9,
                "2026-11-30T11:00:00Z"), Events.TENANT);

        assertThat(outcome).isEqualTo(InvestigationRouter.Outcome.APPLIED);
        assertThat(targets.timeline(BUILD).orElseThrow().answer().rootCause()).hasValue("Disk full");
    }

    @Test
    void shouldIgnoreUnknownIncidents() {
        index.register("inc_1", BUILD);

        InvestigationRouter.Outcome outcome = router.route(completed("evt_1", "inc_unknown", "Disk full", 0.9,
                "2026-11-30T11:00:00Z"), Events.TENANT);

        assertThat(outcome).isEqualTo(InvestigationRouter.Outcome.UNKNOWN_INCIDENT);
        assertThat(targets.timelines).isEmpty();
    }

    @Test
    void shouldIgnoreAnotherTenantsEventsEvenForAKnownIncidentId() {
        index.register("inc_1", BUILD);

        InvestigationRouter.Outcome outcome = router.route(Events.envelope("evt_1", "investigation.completed",
                "2026-11-30T11:00:00Z", "globex", "{\"incidentId\":\"inc_1\",\"rootCause\":\"Injected\"}"),
                Events.TENANT);

        assertThat(outcome).isEqualTo(InvestigationRouter.Outcome.OTHER_TENANT);
        assertThat(targets.timelines).isEmpty();
    }

    @Test
    void shouldAcceptAFlatEventThatNamesNoTenant() {
        index.register("inc_1", BUILD);

        InvestigationRouter.Outcome outcome = router.route(Events.flat("evt_1", "investigation_completed",
                "2026-11-30T11:00:00Z", "{\"incidentId\":\"inc_1\",\"rootCause\":\"Disk full\"}"), Events.TENANT);

        assertThat(outcome).isEqualTo(InvestigationRouter.Outcome.APPLIED);
    }

    @Test
    void shouldReportDuplicatesAsUnchangedWithoutSavingAgain() {
        index.register("inc_1", BUILD);
        router.route(progress("evt_1", "inc_1", 1, "2026-11-30T11:00:00Z"), Events.TENANT);

        InvestigationRouter.Outcome outcome = router.route(progress("evt_1", "inc_1", 1, "2026-11-30T11:00:00Z"),
                Events.TENANT);

        assertThat(outcome).isEqualTo(InvestigationRouter.Outcome.UNCHANGED);
        assertThat(targets.saves).isEqualTo(1);
    }

    @Test
    void shouldPassOverPingsAndOtherEvents() {
        assertThat(router.route(EventDecoder.decode(new SseFrame("ping", "{}", "")), Events.TENANT))
                .isEqualTo(InvestigationRouter.Outcome.NOT_A_TIMELINE_EVENT);
        assertThat(router.route(EventDecoder.decode(new SseFrame("remediation.executed",
                "{\"incidentId\":\"inc_1\"}", "evt_5")), Events.TENANT))
                .isEqualTo(InvestigationRouter.Outcome.NOT_A_TIMELINE_EVENT);
    }

    @Test
    void shouldApplyToEveryTargetOfAnIncidentAndSkipAGoneTarget() {
        index.register("inc_1", BUILD);
        index.register("inc_1", "job/app#13");
        index.register("inc_1", "job/deleted#1");

        router.route(completed("evt_1", "inc_1", "Disk full", 0.9, "2026-11-30T11:00:00Z"), Events.TENANT);

        assertThat(targets.timelines).containsOnlyKeys(BUILD, "job/app#13");
    }

    @Test
    void shouldCompleteAWaiterWhenTheRootCauseArrives() throws Exception {
        index.register("inc_1", BUILD);
        CompletableFuture<InvestigationTimeline> waiter = router.await(BUILD, "inc_1", WaitFor.ROOT_CAUSE, LONG,
                () -> targets.timeline(BUILD));

        router.route(statusChanged("evt_1", "inc_1", "triaging", "investigating", "2026-11-30T11:00:00Z"),
                Events.TENANT);
        boolean doneBeforeRootCause = waiter.isDone();
        router.route(completed("evt_2", "inc_1", "Disk full", 0.9, "2026-11-30T11:00:01Z"), Events.TENANT);

        assertThat(doneBeforeRootCause).isFalse();
        assertThat(waiter).isCompleted();
        assertThat(waiter.get().answer().rootCause()).hasValue("Disk full");
        assertThat(router.waiting()).isZero();
    }

    @Test
    void shouldCompleteAWaiterForTheRootCauseWhenTheIncidentIsResolvedWithoutOne() {
        index.register("inc_1", BUILD);
        CompletableFuture<InvestigationTimeline> waiter = router.await(BUILD, "inc_1", WaitFor.ROOT_CAUSE, LONG,
                () -> targets.timeline(BUILD));

        router.route(statusChanged("evt_1", "inc_1", "investigating", "closed", "2026-11-30T11:00:00Z"),
                Events.TENANT);

        assertThat(waiter).isCompletedWithValueMatching(timeline -> timeline.answer().investigationStatus()
                == InvestigationStatus.RESOLVED);
    }

    @Test
    void shouldCompleteAtOnceWhenTheTimelineAlreadyHasTheAnswer() {
        index.register("inc_1", BUILD);
        router.route(completed("evt_1", "inc_1", "Disk full", 0.9, "2026-11-30T11:00:00Z"), Events.TENANT);

        CompletableFuture<InvestigationTimeline> waiter = router.await(BUILD, "inc_1", WaitFor.ROOT_CAUSE, LONG,
                () -> targets.timeline(BUILD));

        assertThat(waiter).isCompleted();
    }

    @Test
    void shouldTimeOutAndForgetTheWaiter() {
        index.register("inc_1", BUILD);

        CompletableFuture<InvestigationTimeline> waiter = router.await(BUILD, "inc_1", WaitFor.ROOT_CAUSE,
                Duration.ofMillis(50), Optional::empty);

        assertThatThrownBy(() -> waiter.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        assertThat(router.waiting()).isZero();
    }

    @Test
    void shouldNotCompleteAWaiterOfAnotherTarget() {
        index.register("inc_1", BUILD);
        CompletableFuture<InvestigationTimeline> other = router.await("job/app#13", "inc_1", WaitFor.ROOT_CAUSE,
                LONG, Optional::empty);

        router.route(completed("evt_1", "inc_1", "Disk full", 0.9, "2026-11-30T11:00:00Z"), Events.TENANT);

        assertThat(other).isNotDone();
        other.cancel(false);
        assertThat(router.waiting()).isZero();
    }

    @Test
    void shouldWaitForARemediationOrTheResolution() {
        InvestigationTimeline rootCauseOnly = InvestigationTimeline.empty("inc_1")
                .apply(completed("evt_1", "inc_1", "Disk full", 0.9, "2026-11-30T11:00:00Z"), CLOCK.instant());

        assertThat(WaitFor.ROOT_CAUSE.isSatisfiedBy(rootCauseOnly)).isTrue();
        assertThat(WaitFor.REMEDIATION.isSatisfiedBy(rootCauseOnly)).isFalse();
        assertThat(WaitFor.RESOLVED.isSatisfiedBy(rootCauseOnly)).isFalse();
        assertThat(WaitFor.parse("root-cause")).isEqualTo(WaitFor.ROOT_CAUSE);
        assertThatThrownBy(() -> WaitFor.parse("everything")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'everything'").hasMessageContaining("ROOT_CAUSE, REMEDIATION, RESOLVED");
    }

    @Test
    void shouldApplyEventsThatArrivedShortlyBeforeTheRegistration() {
        router.route(Events.envelope("evt_1", "incident.created", "2026-11-30T11:00:00Z", Events.TENANT,
                "{\"incidentId\":\"inc_1\",\"title\":\"Build failed\",\"severity\":\"high\"}"), Events.TENANT);
        router.route(completed("evt_2", "inc_1", "Disk full", 0.9, "2026-11-30T11:00:01Z"), Events.TENANT);
        router.route(completed("evt_3", "inc_2", "Other", 0.9, "2026-11-30T11:00:01Z"), Events.TENANT);

        router.register("inc_1", BUILD);

        assertThat(targets.timeline(BUILD).orElseThrow().entries()).extracting(TimelineEntry::eventId)
                .containsExactly("evt_1", "evt_2");
    }

    @Test
    void shouldKeepOnlyTheLatestEarlyEvents() {
        for (int i = 0; i < InvestigationRouter.RECENT_UNKNOWN_EVENTS + 5; i++) {
            router.route(progress("evt_" + i, "inc_" + i, 1, "2026-11-30T11:00:00Z"), Events.TENANT);
        }

        router.register("inc_0", BUILD);
        router.register("inc_5", "job/app#13");

        assertThat(targets.timeline(BUILD)).isEmpty();
        assertThat(targets.timeline("job/app#13")).isPresent();
    }

    @Test
    void shouldNotKeepAnotherTenantsEarlyEvents() {
        router.route(Events.envelope("evt_1", "investigation.completed", "2026-11-30T11:00:00Z", "globex",
                "{\"incidentId\":\"inc_1\",\"rootCause\":\"Injected\"}"), Events.TENANT);

        router.register("inc_1", BUILD);

        assertThat(targets.timeline(BUILD)).isEmpty();
    }

    @Test
    void shouldApplyEveryEventWhenRegistrationsAndEventsInterleave() throws Exception {
        int incidents = 2_000;
        MapTargets many = new MapTargets();
        for (int i = 0; i < incidents; i++) {
            many.existing.add("job/app#" + i);
        }
        InvestigationRouter racing = new InvestigationRouter(IncidentIndex.create(10_000, Duration.ofDays(1), CLOCK),
                many, CLOCK);
        // Both threads meet before each incident, then route its event and register it at the same moment.
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        Thread stream = new Thread(() -> {
            try {
                for (int i = 0; i < incidents; i++) {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    racing.route(completed("evt_" + i, "inc_" + i, "Cause " + i, 0.5, "2026-11-30T11:00:00Z"),
                            Events.TENANT);
                }
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        stream.start();
        for (int i = 0; i < incidents; i++) {
            together.await(10, java.util.concurrent.TimeUnit.SECONDS);
            racing.register("inc_" + i, "job/app#" + i);
        }
        stream.join(30_000);

        assertThat(stream.isAlive()).isFalse();
        assertThat(java.util.stream.IntStream.range(0, incidents)
                .filter(i -> many.timeline("job/app#" + i).isEmpty()).boxed().toList()).as("incidents without their event")
                .isEmpty();
    }
}
