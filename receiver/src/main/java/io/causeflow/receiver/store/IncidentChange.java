package io.causeflow.receiver.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A change to an existing incident plus the events describing it, applied in one transaction only if the incident is
 * in one of {@code requiredStatuses} (so a resolved incident is not moved back by a late simulator step).
 *
 * @param tenantId           owning tenant (an incident of another tenant counts as missing)
 * @param incidentId         incident to change
 * @param requiredStatuses   statuses (wire names) in which the change applies; empty = any
 * @param newStatus          status to set
 * @param assignedAgents     agents to set
 * @param rootCause          root cause to set
 * @param recommendedActions actions to set
 * @param events             events to append
 */
public record IncidentChange(String tenantId, String incidentId, Set<String> requiredStatuses, Optional<String> newStatus,
                             Optional<List<String>> assignedAgents, Optional<String> rootCause,
                             Optional<List<String>> recommendedActions, List<EventDraft> events) {
    /** Copies collections. */
    public IncidentChange {
        requiredStatuses = Set.copyOf(requiredStatuses);
        assignedAgents = assignedAgents.map(List::copyOf);
        recommendedActions = recommendedActions.map(List::copyOf);
        events = List.copyOf(events);
    }

    /** Whether any incident column changes (else only the status precondition is checked). */
    boolean changesFields() {
        return newStatus.isPresent() || assignedAgents.isPresent() || rootCause.isPresent()
                || recommendedActions.isPresent();
    }

    /** Only events, no field change. */
    public static IncidentChange eventsOnly(String tenantId, String incidentId, Set<String> requiredStatuses,
            List<EventDraft> events) {
        return new IncidentChange(tenantId, incidentId, requiredStatuses, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), events);
    }
}
