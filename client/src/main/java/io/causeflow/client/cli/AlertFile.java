package io.causeflow.client.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.client.Alert;
import io.causeflow.client.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code --file alert.json}: the webhook body schema ({@code title}, {@code description},
 * {@code sourceAlertId} or {@code externalId}, {@code severity}, {@code service}, {@code environment},
 * {@code tags}, {@code metadata}). Unknown fields are refused, so a typo does not silently drop data.
 */
final class AlertFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("title", "description", "sourceAlertId", "externalId",
            "severity", "service", "environment", "tags", "metadata");

    private AlertFile() {
    }

    static Alert.Builder read(final Path file) throws UsageException {
        Map<String, Object> json;
        try {
            json = MAPPER.readValue(InputFiles.read(file, InputFiles.MAX_ALERT_BYTES, "--file"),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
        }
        catch (IOException e) {
            throw new UsageException("cannot read alert file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (json == null) {
            throw new UsageException("alert file " + file + " must hold a JSON object");
        }
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new UsageException("alert file " + file + ": unknown field '" + field + "', expected one of "
                        + "title, description, sourceAlertId, severity, service, environment, tags, metadata");
            }
        }
        Alert.Builder builder = Alert.builder();
        builder.title(text(json, "title", file));
        builder.description(text(json, "description", file));
        String id = text(json, "sourceAlertId", file);
        builder.sourceAlertId(id != null ? id : text(json, "externalId", file));
        String severity = text(json, "severity", file);
        if (severity != null) {
            builder.severity(Severity.parse(severity));
        }
        builder.service(text(json, "service", file));
        builder.environment(text(json, "environment", file));
        Object tags = json.get("tags");
        if (tags != null) {
            if (!(tags instanceof Map)) {
                throw new UsageException("alert file " + file + ": tags must be an object of strings");
            }
            for (Map.Entry<?, ?> tag : ((Map<?, ?>) tags).entrySet()) {
                if (!(tag.getValue() instanceof String)) {
                    throw new UsageException("alert file " + file + ": tags." + tag.getKey() + " must be a string");
                }
                builder.tag(tag.getKey().toString(), (String) tag.getValue());
            }
        }
        Object metadata = json.get("metadata");
        if (metadata != null) {
            if (!(metadata instanceof Map)) {
                throw new UsageException("alert file " + file + ": metadata must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) metadata;
            builder.metadata(object);
        }
        return builder;
    }

    @CheckForNull
    private static String text(final Map<String, Object> json, final String field, final Path file)
            throws UsageException {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw new UsageException("alert file " + file + ": " + field + " must be a string");
        }
        return (String) value;
    }
}
