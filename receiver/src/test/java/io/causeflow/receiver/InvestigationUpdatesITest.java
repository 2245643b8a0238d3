package io.causeflow.receiver;

import static io.causeflow.receiver.Fixtures.TENANT;
import static io.causeflow.receiver.Fixtures.TOKEN;
import static io.causeflow.receiver.Fixtures.alert;
import static io.causeflow.receiver.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.client.investigation.InvestigationStatus;
import io.causeflow.client.investigation.InvestigationTargets;
import io.causeflow.client.investigation.InvestigationTimeline;
import io.causeflow.client.investigation.InvestigationUpdates;
import io.causeflow.client.investigation.StreamProbe;
import io.causeflow.client.investigation.StreamSettings;
import io.causeflow.client.investigation.StreamToken;
import io.causeflow.client.investigation.TimelineEntry;
import io.causeflow.client.investigation.UpdatesStatus;
import io.causeflow.client.investigation.WaitFor;
import io.causeflow.receiver.model.StoredEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests the client's {@link InvestigationUpdates} (one subscription, router, persisted last event id) against this
 * real receiver: real HTTP, real SSE, the SQLite store and the simulator's events.
 */
class InvestigationUpdatesITest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PING = Duration.ofMillis(300);

    @TempDir
    Path state;

    @TempDir
    Path data;

    /** Timelines kept in memory across subscriber restarts, as the plugin keeps them in build.xml. */
    private final BuildTimelines builds = new BuildTimelines();

    private static final class BuildTimelines implements InvestigationTargets {
        private final Map<String, InvestigationTimeline> timelines = new ConcurrentHashMap<>();

        @Override
        public synchronized Optional<InvestigationTimeline> update(String target, String incidentId,
                UnaryOperator<InvestigationTimeline> change) {
            InvestigationTimeline next = change.apply(timelines.getOrDefault(target,
                    InvestigationTimeline.empty(incidentId)));
            timelines.put(target, next);
            return Optional.of(next);
        }

        Optional<InvestigationTimeline> timeline(String target) {
            return Optional.ofNullable(timelines.get(target));
        }
    }

    private static ReceiverServer receiver(Path data, int port, Duration stepDelay) {
        return ReceiverServer.create(Fixtures.config().dataDir(data).port(port).pingInterval(PING)
                .simulatorStepDelay(stepDelay).build()).start();
    }

    private static StreamSettings settings(ReceiverServer server) {
        return new StreamSettings(server.baseUri(), TENANT, StreamToken.of(TOKEN), Duration.ofSeconds(3),
                Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private InvestigationUpdates subscriber(ReceiverServer server) throws InterruptedException {
        InvestigationUpdates updates = InvestigationUpdates.create(state, builds, Clock.systemUTC());
        updates.configure(Optional.of(settings(server)));
        // Without Last-Event-ID the receiver streams live events only: wait until the stream is open.
        await(() -> updates.status().state() == UpdatesStatus.State.CONNECTED && server.subscriberCount() == 1,
                "the subscription connects");
        return updates;
    }

    private static String ingest(ReceiverServer server, String sourceAlertId) throws Exception {
        var response = send(server, alert(sourceAlertId));
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).path("incidentId").asText();
    }

    private static List<String> storedIds(ReceiverServer server, String incidentId) {
        return server.events(TENANT).stream().filter(event -> incidentId.equals(event.incidentId()))
                .map(StoredEvent::wireId).toList();
    }

    private static List<String> timelineIds(InvestigationTimeline timeline) {
        return timeline.entries().stream().map(TimelineEntry::eventId)
                .filter(id -> !InvestigationTimeline.ALERT_DELIVERED_ID.equals(id)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 20 s: " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void shouldLandTheSimulatorsEventsOnTheBuildAndCompleteItsWaiter() throws Exception {
        try (ReceiverServer server = receiver(data, 0, Duration.ofMillis(20));
                InvestigationUpdates updates = subscriber(server)) {
            String incidentId = ingest(server, "live-1");
            updates.register(incidentId, "job/app#1");
            CompletableFuture<InvestigationTimeline> answer = updates.await("job/app#1", incidentId,
                    WaitFor.REMEDIATION, Duration.ofSeconds(20), () -> builds.timeline("job/app#1"));
            String unknown = ingest(server, "not-ours-1");

            InvestigationTimeline timeline = answer.get(20, TimeUnit.SECONDS);

            assertThat(timeline.answer().rootCause()).isPresent();
            assertThat(timeline.answer().rootCause().get()).isEqualTo(server.incident(incidentId).orElseThrow()
                    .rootCause().orElseThrow());
            assertThat(timeline.answer().confidence()).isPresent();
            assertThat(timeline.answer().investigationStatus()).isEqualTo(InvestigationStatus.COMPLETED);
            assertThat(timeline.answer().remediation()).isPresent();
            assertThat(timeline.entries()).extracting(TimelineEntry::kind).contains(
                    TimelineEntry.Kind.STATUS_CHANGED, TimelineEntry.Kind.PROGRESS, TimelineEntry.Kind.ROOT_CAUSE,
                    TimelineEntry.Kind.REMEDIATION_PROPOSED);
            await(() -> updates.status().ignored() > 0, "the other incident's events are ignored");
            assertThat(builds.timelines).containsOnlyKeys("job/app#1");
            assertThat(unknown).isNotEqualTo(incidentId);
        }
    }

    @Test
    void shouldResumeAfterASubscriberRestartWithoutMissingAnEvent() throws Exception {
        try (ReceiverServer server = receiver(data, 0, Duration.ofMillis(150))) {
            String incidentId;
            try (InvestigationUpdates first = subscriber(server)) {
                incidentId = ingest(server, "restart-subscriber-1");
                first.register(incidentId, "job/app#2");
                await(() -> builds.timeline("job/app#2").map(t -> t.entries().size() >= 3).orElse(false),
                        "the first subscriber applies the start of the investigation");
            }
            int appliedBeforeRestart = builds.timeline("job/app#2").orElseThrow().entries().size();
            // While nobody listens the investigation goes on, and a second incident is created and registered
            // (as a build does when delivery answers before the controller stops).
            String whileDown = ingest(server, "restart-subscriber-2");
            try (InvestigationUpdates offline = InvestigationUpdates.create(state, builds, Clock.systemUTC())) {
                offline.register(whileDown, "job/app#3");
            }
            await(() -> storedIds(server, incidentId).size() == 8 && storedIds(server, whileDown).size() == 8,
                    "both investigations end on the server");

            try (InvestigationUpdates second = InvestigationUpdates.create(state, builds, Clock.systemUTC())) {
                second.configure(Optional.of(settings(server)));
                List<StoredEvent> all = server.events(TENANT);
                String lastStored = all.get(all.size() - 1).wireId();
                await(() -> second.status().lastEventId().equals(Optional.of(lastStored)),
                        "the second subscriber replays up to the last stored event");

                assertThat(appliedBeforeRestart).isLessThan(8);
                assertThat(timelineIds(builds.timeline("job/app#2").orElseThrow()))
                        .containsExactlyInAnyOrderElementsOf(storedIds(server, incidentId));
                assertThat(timelineIds(builds.timeline("job/app#3").orElseThrow()))
                        .containsExactlyInAnyOrderElementsOf(storedIds(server, whileDown));
            }
        }
    }

    @Test
    void shouldCarryOnWhenTheReceiverRestartsMidInvestigation() throws Exception {
        ReceiverServer server = receiver(data, 0, Duration.ofMillis(300));
        int port = server.port();
        String incidentId;
        try (InvestigationUpdates updates = subscriber(server)) {
            incidentId = ingest(server, "restart-receiver-1");
            updates.register(incidentId, "job/app#4");
            await(() -> builds.timeline("job/app#4").map(t -> t.entries().size() >= 2).orElse(false),
                    "the investigation has started");
            server.close();
            assertThat(storedIds(server, incidentId)).hasSizeLessThan(8);

            try (ReceiverServer restarted = receiver(data, port, Duration.ofMillis(50))) {
                CompletableFuture<InvestigationTimeline> answer = updates.await("job/app#4", incidentId,
                        WaitFor.REMEDIATION, Duration.ofSeconds(20), () -> builds.timeline("job/app#4"));

                InvestigationTimeline timeline = answer.get(20, TimeUnit.SECONDS);
                await(() -> timelineIds(builds.timeline("job/app#4").orElseThrow()).size()
                        == storedIds(restarted, incidentId).size(), "every stored event reaches the build: "
                        + timelineIds(builds.timeline("job/app#4").orElseThrow()) + " vs "
                        + storedIds(restarted, incidentId));

                assertThat(timeline.answer().rootCause()).isPresent();
                assertThat(timelineIds(builds.timeline("job/app#4").orElseThrow()))
                        .containsExactlyInAnyOrderElementsOf(storedIds(restarted, incidentId));
                assertThat(updates.status().state()).isEqualTo(UpdatesStatus.State.CONNECTED);
            }
        }
    }

    @Test
    void shouldStopForGoodOnARefusedTokenWithoutShowingIt() throws Exception {
        try (ReceiverServer server = receiver(data, 0, Duration.ZERO);
                InvestigationUpdates updates = InvestigationUpdates.create(state, builds, Clock.systemUTC())) {
            String wrong = "cfst_wrong_token_9f8e7d";
            updates.configure(Optional.of(new StreamSettings(server.baseUri(), TENANT, StreamToken.of(wrong),
                    Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(400))));

            await(() -> updates.status().state() == UpdatesStatus.State.FAILED, "the refusal ends the subscription");

            assertThat(updates.status().message()).contains("401").doesNotContain(wrong);
            updates.configure(Optional.of(settings(server)));
            await(() -> updates.status().state() == UpdatesStatus.State.CONNECTED, "new settings reconnect");
        }
    }

    @Test
    void shouldProbeTheStreamOnceForATestButton() throws Exception {
        try (ReceiverServer server = receiver(data, 0, Duration.ZERO)) {
            String wrong = "cfst_wrong_token_9f8e7d";

            StreamProbe.Result good = StreamProbe.probe(settings(server), Duration.ofSeconds(5));
            StreamProbe.Result refused = StreamProbe.probe(new StreamSettings(server.baseUri(), TENANT,
                    StreamToken.of(wrong), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(400)),
                    Duration.ofSeconds(5));

            assertThat(good.ok()).as(good.message()).isTrue();
            assertThat(good.message()).contains("received 'ping'");
            assertThat(refused.ok()).isFalse();
            assertThat(refused.message()).contains("401").doesNotContain(wrong);
            await(() -> server.subscriberCount() == 0, "the probes leave no subscription open");
        }
    }

    @Test
    void shouldKeepTheSubscriptionForEqualSettingsAndRestartOrStopItOnAChange() throws Exception {
        try (ReceiverServer server = receiver(data, 0, Duration.ZERO);
                InvestigationUpdates updates = subscriber(server)) {
            updates.configure(Optional.of(settings(server)));
            long afterEqual = updates.status().subscriptionsStarted();

            updates.configure(Optional.of(new StreamSettings(server.baseUri(), TENANT, StreamToken.of(TOKEN),
                    Duration.ofSeconds(4), Duration.ofMillis(100), Duration.ofMillis(400))));
            await(() -> updates.status().state() == UpdatesStatus.State.CONNECTED && server.subscriberCount() == 1,
                    "the changed settings reconnect, and the old stream is closed");
            long afterChange = updates.status().subscriptionsStarted();
            updates.configure(Optional.empty());

            assertThat(afterEqual).isEqualTo(1);
            assertThat(afterChange).isEqualTo(2);
            assertThat(updates.status().state()).isEqualTo(UpdatesStatus.State.STOPPED);
            await(() -> server.subscriberCount() == 0, "stopping closes the stream");
        }
    }
}
