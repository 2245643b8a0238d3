package io.causeflow.receiver.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident to create, together with the events that must commit with it.
 *
 * @param incidentId    pre-generated id (unused when the alert turns out to be a duplicate)
 * @param tenantId      owning tenant
 * @param sourceAlertId dedup key; empty means "never a duplicate"
 * @param title         title
 * @param description   description
 * @param severity      wire severity
 * @param service       service
 * @param environment   environment
 * @param tags          tags
 * @param metadataJson  metadata object as JSON text
 * @param status        status to store
 * @param events        events appended in the same transaction
 */
public record NewIncident(String incidentId, String tenantId, Optional<String> sourceAlertId, String title,
                          String description, String severity, Optional<String> service, Optional<String> environment,
                          Map<String, String> tags, String metadataJson, String status, List<EventDraft> events) {
    /** Copies collections. */
    public NewIncident {
        tags = Map.copyOf(tags);
        events = List.copyOf(events);
    }
}
