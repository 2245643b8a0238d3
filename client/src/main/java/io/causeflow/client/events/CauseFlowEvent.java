package io.causeflow.client.events;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An event from the notification stream. Typed records for the events a CI user cares about; everything else
 * arrives as {@link GenericEvent} with its raw JSON. Text fields the server left out are empty strings.
 */
public sealed interface CauseFlowEvent {
    /** @return name, id, timestamp, tenant and raw data */
    EventMeta meta();

    /** @return the event name as sent */
    default String name() {
        return meta().name();
    }

    /** {@code incident.created}. */
    record IncidentCreated(EventMeta meta, String incidentId, String title, String severity, String status,
            String source) implements CauseFlowEvent {
    }

    /** {@code incident.status_changed}. */
    record IncidentStatusChanged(EventMeta meta, String incidentId, String previousStatus, String newStatus)
            implements CauseFlowEvent {
    }

    /** {@code investigation.progress}. */
    record InvestigationProgress(EventMeta meta, String incidentId, String message, String agentName,
            OptionalInt stepIndex, OptionalInt totalSteps) implements CauseFlowEvent {
    }

    /** {@code investigation.completed}; {@code confidence} is 0..1 when present. */
    record InvestigationCompleted(EventMeta meta, String incidentId, String rootCause, OptionalDouble confidence,
            List<String> recommendedActions) implements CauseFlowEvent {
        /** Copies the list. */
        public InvestigationCompleted {
            recommendedActions = List.copyOf(recommendedActions);
        }
    }

    /** {@code remediation.proposed}; steps that are objects are kept as their JSON text. */
    record RemediationProposed(EventMeta meta, String incidentId, String remediationId, String title,
            boolean requiresApproval, List<String> steps) implements CauseFlowEvent {
        /** Copies the list. */
        public RemediationProposed {
            steps = List.copyOf(steps);
        }
    }

    /** The keep-alive ({@code ping}; the reference server's {@code heartbeat} too). */
    record Ping(EventMeta meta) implements CauseFlowEvent {
    }

    /** Any other event, or one whose data is not a JSON object: passed through untouched. */
    record GenericEvent(EventMeta meta) implements CauseFlowEvent {
    }
}
