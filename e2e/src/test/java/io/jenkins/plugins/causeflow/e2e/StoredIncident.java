package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One incident as the receiver stored it (its SQLite row), including what its HTTP API does not show.
 */
record StoredIncident(String incidentId, String sourceAlertId, String title, String severity, String description,
                      JsonNode tags, JsonNode metadata, Instant createdAt) {

    /** {@code metadata.failedNodes[].name} of stage nodes, outermost first. */
    List<String> failedStages() {
        List<String> names = new ArrayList<>();
        metadata.path("failedNodes").forEach(node -> {
            if ("stage".equals(node.path("kind").asText())) {
                names.add(node.path("name").asText());
            }
        });
        return names;
    }

    /** {@code className.name} of every failed test in {@code metadata.tests.failedTests}. */
    List<String> failedTests() {
        List<String> names = new ArrayList<>();
        metadata.path("tests").path("failedTests").forEach(test ->
                names.add(test.path("className").asText() + "." + test.path("name").asText()));
        return names;
    }
}
