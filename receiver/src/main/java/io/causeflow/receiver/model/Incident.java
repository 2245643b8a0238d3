package io.causeflow.receiver.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident as stored.
 *
 * @param incidentId         {@code inc_} + 26 Crockford base32 characters
 * @param tenantId           owning tenant
 * @param sourceAlertId      dedup key sent by the alert source, if any
 * @param title              alert title
 * @param description        alert description
 * @param severity           wire name of the severity
 * @param service            affected service, if sent
 * @param environment        environment, if sent
 * @param tags               string tags
 * @param metadataJson       the alert's metadata object as JSON text ({@code {}} when absent)
 * @param status             current status
 * @param assignedAgents     simulated agents working on it
 * @param rootCause          root cause once the investigation completed
 * @param recommendedActions recommended actions once the investigation completed
 * @param createdAt          creation time
 * @param updatedAt          time of the last change
 */
public record Incident(String incidentId, String tenantId, Optional<String> sourceAlertId, String title,
                       String description, String severity, Optional<String> service, Optional<String> environment,
                       Map<String, String> tags, String metadataJson, IncidentStatus status,
                       List<String> assignedAgents, Optional<String> rootCause, List<String> recommendedActions,
                       Instant createdAt, Instant updatedAt) {
    /** Copies the collections. */
    public Incident {
        tags = Map.copyOf(tags);
        assignedAgents = List.copyOf(assignedAgents);
        recommendedActions = List.copyOf(recommendedActions);
    }
}
