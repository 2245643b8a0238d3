package io.causeflow.receiver.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.receiver.model.Incident;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the pages read. Values are passed through as data (JSON strings); the browser puts them into the page with
 * {@code textContent}, never as markup, so nothing here escapes HTML.
 */
final class IncidentViews {
    private IncidentViews() {
    }

    /** A list row. */
    static Map<String, Object> row(Incident incident) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("incidentId", incident.incidentId());
        row.put("title", incident.title());
        row.put("severity", incident.severity());
        row.put("status", incident.status().wireName());
        row.put("source", source(incident));
        row.put("service", incident.service().orElse(null));
        row.put("createdAt", incident.createdAt().toString());
        row.put("updatedAt", incident.updatedAt().toString());
        return row;
    }

    /** The incident page: the alert as received plus what the investigation found so far. */
    static Map<String, Object> detail(Incident incident, ObjectMapper json) {
        Map<String, Object> view = row(incident);
        view.put("description", incident.description());
        view.put("sourceAlertId", incident.sourceAlertId().orElse(null));
        view.put("environment", incident.environment().orElse(null));
        view.put("tags", incident.tags());
        view.put("metadata", metadata(incident.metadataJson(), json));
        view.put("assignedAgents", incident.assignedAgents());
        view.put("rootCause", incident.rootCause().orElse(null));
        view.put("recommendedActions", incident.recommendedActions());
        return view;
    }

    /**
     * Where the alert came from: the {@code ci} tag the plugin and the CLI set ({@code jenkins}, …), else the
     * webhook provider (only {@code custom} exists).
     */
    static String source(Incident incident) {
        String ci = incident.tags().get("ci");
        return ci == null || ci.isBlank() ? "custom webhook" : ci;
    }

    private static JsonNode metadata(String metadataJson, ObjectMapper json) {
        try {
            return json.readTree(metadataJson);
        }
        catch (JsonProcessingException e) {
            // Stored by our own parser, so this cannot happen; show nothing rather than fail the page.
            return json.createObjectNode();
        }
    }
}
