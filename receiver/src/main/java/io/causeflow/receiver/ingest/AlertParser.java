package io.causeflow.receiver.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a {@code custom} body (protocol 1.4). Strict on what the docs require (object, non-blank title and
 * description, field types, the five severities in lowercase); tolerant where the docs disagree ({@code externalId}
 * is taken as the dedup key when {@code sourceAlertId} is absent) and about unknown fields (ignored).
 */
public final class AlertParser {
    /** Longest value a text column holds. */
    static final int MAX_TEXT = 1_000_000;
    /** Longest dedup key. */
    static final int MAX_SOURCE_ALERT_ID = 1024;
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "info");

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Parses and validates.
     *
     * @param body raw request bytes
     * @return the alert
     * @throws AlertValidationException naming the first invalid field
     */
    public ParsedAlert parse(byte[] body) throws AlertValidationException {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JsonProcessingException e) {
            throw new AlertValidationException("body", "body is not valid JSON: " + e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new AlertValidationException("body", "body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new AlertValidationException("body", "body must be a JSON object");
        }
        String title = requiredText(root, "title");
        String description = requiredText(root, "description");
        Optional<String> sourceAlertId = optionalText(root, "sourceAlertId");
        if (sourceAlertId.isEmpty()) {
            sourceAlertId = optionalText(root, "externalId");
        }
        if (sourceAlertId.isPresent()) {
            String key = sourceAlertId.get();
            String field = root.hasNonNull("sourceAlertId") ? "sourceAlertId" : "externalId";
            if (key.isBlank()) {
                throw new AlertValidationException(field, field + " must not be blank when present");
            }
            if (key.length() > MAX_SOURCE_ALERT_ID) {
                throw new AlertValidationException(field, field + " must be at most " + MAX_SOURCE_ALERT_ID
                        + " characters");
            }
        }
        String severity = optionalText(root, "severity").orElse("medium");
        if (!SEVERITIES.contains(severity)) {
            throw new AlertValidationException("severity",
                    "severity must be one of critical, high, medium, low, info (lowercase)");
        }
        Optional<String> service = optionalText(root, "service");
        Optional<String> environment = optionalText(root, "environment");
        Map<String, String> tags = tags(root);
        String metadataJson = metadata(root);
        return new ParsedAlert(title, description, sourceAlertId, severity, service, environment, tags, metadataJson);
    }

    private static String requiredText(JsonNode root, String field) throws AlertValidationException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new AlertValidationException(field, field + " is required");
        }
        if (!node.isTextual()) {
            throw new AlertValidationException(field, field + " must be a string");
        }
        String value = node.textValue();
        if (value.isBlank()) {
            throw new AlertValidationException(field, field + " must not be blank");
        }
        return checkLength(field, value);
    }

    /** Absent and JSON null both mean "not sent". */
    private static Optional<String> optionalText(JsonNode root, String field) throws AlertValidationException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new AlertValidationException(field, field + " must be a string");
        }
        return Optional.of(checkLength(field, node.textValue()));
    }

    private static String checkLength(String field, String value) throws AlertValidationException {
        if (value.length() > MAX_TEXT) {
            throw new AlertValidationException(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static Map<String, String> tags(JsonNode root) throws AlertValidationException {
        JsonNode node = root.get("tags");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new AlertValidationException("tags", "tags must be an object of string values");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new AlertValidationException("tags." + entry.getKey(),
                        "tags." + entry.getKey() + " must be a string");
            }
            tags.put(entry.getKey(), entry.getValue().textValue());
        }
        return tags;
    }

    private String metadata(JsonNode root) throws AlertValidationException {
        JsonNode node = root.get("metadata");
        if (node == null || node.isNull()) {
            return "{}";
        }
        if (!node.isObject()) {
            throw new AlertValidationException("metadata", "metadata must be an object");
        }
        try {
            return checkLength("metadata", json.writeValueAsString(node));
        }
        catch (JsonProcessingException e) {
            throw new AlertValidationException("metadata", "metadata could not be stored");
        }
    }
}
