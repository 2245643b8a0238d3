package io.causeflow.client.events;

import io.causeflow.client.events.CauseFlowEvent.GenericEvent;
import io.causeflow.client.events.CauseFlowEvent.IncidentCreated;
import io.causeflow.client.events.CauseFlowEvent.IncidentStatusChanged;
import io.causeflow.client.events.CauseFlowEvent.InvestigationCompleted;
import io.causeflow.client.events.CauseFlowEvent.InvestigationProgress;
import io.causeflow.client.events.CauseFlowEvent.Ping;
import io.causeflow.client.events.CauseFlowEvent.RemediationProposed;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests the class {@link EventDecoder}. */
class EventDecoderTest {
    private static CauseFlowEvent decode(final String event, final String data) {
        return EventDecoder.decode(new SseFrame(event, data, "evt_1"));
    }

    @Test
    void shouldDecodeTheEnvelopeForm() {
        CauseFlowEvent event = decode("incident.created", "{\"event\":\"incident.created\","
                + "\"timestamp\":\"2026-11-27T00:00:01Z\",\"tenantId\":\"ten_1\",\"data\":{\"incidentId\":\"inc_1\","
                + "\"title\":\"Build failed\",\"severity\":\"high\",\"status\":\"open\",\"source\":\"automated\"}}");

        assertThat(event).isInstanceOfSatisfying(IncidentCreated.class, created -> {
            assertThat(created.incidentId()).isEqualTo("inc_1");
            assertThat(created.title()).isEqualTo("Build failed");
            assertThat(created.severity()).isEqualTo("high");
            assertThat(created.status()).isEqualTo("open");
            assertThat(created.source()).isEqualTo("automated");
            assertThat(created.meta().id()).hasValue("evt_1");
            assertThat(created.meta().timestamp()).hasValue(Instant.parse("2026-11-27T00:00:01Z"));
            assertThat(created.meta().tenantId()).hasValue("ten_1");
        });
    }

    @Test
    void shouldDecodeTheFlatForm() {
        CauseFlowEvent event = decode("message", "{\"type\":\"incident.status_changed\",\"incidentId\":\"inc_1\","
                + "\"previousStatus\":\"open\",\"newStatus\":\"triaging\",\"timestamp\":\"2026-11-27T00:00:02Z\"}");

        assertThat(event).isEqualTo(new IncidentStatusChanged(event.meta(), "inc_1", "open", "triaging"));
        assertThat(event.name()).isEqualTo("incident.status_changed");
        assertThat(event.meta().timestamp()).hasValue(Instant.parse("2026-11-27T00:00:02Z"));
    }

    @Test
    void shouldDecodeInvestigationAndRemediationEvents() {
        CauseFlowEvent progress = decode("investigation.progress", "{\"incidentId\":\"inc_1\",\"message\":\"Reading"
                + " logs\",\"agentName\":\"log-agent\",\"stepIndex\":2,\"totalSteps\":5}");
        CauseFlowEvent completed = decode("investigation.completed", "{\"incidentId\":\"inc_1\",\"rootCause\":\"OOM\","
                + "\"confidence\":0.82,\"recommendedActions\":[\"raise heap\",{\"step\":2}]}");
        CauseFlowEvent proposed = decode("remediation.proposed", "{\"incidentId\":\"inc_1\",\"remediationId\":\"rem_1\","
                + "\"title\":\"Roll back\",\"requiresApproval\":true,\"steps\":[\"a\",\"b\"]}");

        assertThat(progress).isEqualTo(new InvestigationProgress(progress.meta(), "inc_1", "Reading logs", "log-agent",
                OptionalInt.of(2), OptionalInt.of(5)));
        assertThat(completed).isEqualTo(new InvestigationCompleted(completed.meta(), "inc_1", "OOM",
                OptionalDouble.of(0.82), List.of("raise heap", "{\"step\":2}")));
        assertThat(proposed).isEqualTo(new RemediationProposed(proposed.meta(), "inc_1", "rem_1", "Roll back", true,
                List.of("a", "b")));
    }

    @Test
    void shouldUnderstandTheReferenceServersNames() {
        assertThat(decode("investigation_progress", "{\"incidentId\":\"i\"}")).isInstanceOf(InvestigationProgress.class);
        assertThat(decode("heartbeat", "{}")).isInstanceOf(Ping.class);
        assertThat(decode("ping", "{}")).isInstanceOf(Ping.class);
    }

    @Test
    void shouldPassUnknownEventsThroughWithTheirRawJson() {
        String data = "{\"event\":\"approval.requested\",\"data\":{\"approvalId\":\"ap_1\"}}";

        CauseFlowEvent event = decode("approval.requested", data);

        assertThat(event).isInstanceOf(GenericEvent.class);
        assertThat(event.name()).isEqualTo("approval.requested");
        assertThat(event.meta().rawData()).isEqualTo(data);
    }

    @Test
    void shouldPassMalformedDataThroughWithoutThrowing() {
        CauseFlowEvent event = decode("incident.created", "{not json");

        assertThat(event).isEqualTo(new GenericEvent(new EventMeta("incident.created", Optional.of("evt_1"),
                Optional.empty(), Optional.empty(), "{not json")));
    }

    @Test
    void shouldUseEmptyTextForMissingFields() {
        CauseFlowEvent event = decode("incident.created", "{}");

        assertThat(event).isInstanceOfSatisfying(IncidentCreated.class,
                created -> assertThat(created.incidentId()).isEmpty());
    }

    @Test
    void shouldHonourTheEqualsContractOfTheValueRecords() {
        EqualsVerifier.forClass(EventMeta.class).verify();
        EqualsVerifier.forClass(SseFrame.class).verify();
    }
}
