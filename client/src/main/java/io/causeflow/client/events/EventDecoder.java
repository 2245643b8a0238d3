package io.causeflow.client.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.client.events.CauseFlowEvent.GenericEvent;
import io.causeflow.client.events.CauseFlowEvent.IncidentCreated;
import io.causeflow.client.events.CauseFlowEvent.IncidentStatusChanged;
import io.causeflow.client.events.CauseFlowEvent.InvestigationCompleted;
import io.causeflow.client.events.CauseFlowEvent.InvestigationProgress;
import io.causeflow.client.events.CauseFlowEvent.Ping;
import io.causeflow.client.events.CauseFlowEvent.RemediationProposed;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Turns an {@link SseFrame} into a {@link CauseFlowEvent}. Accepts both payload shapes (protocol C5): the
 * catalog envelope {@code {event, timestamp, tenantId, data}} and the flat {@code {type, ...}} form; otherwise
 * the SSE {@code event:} name is used. Underscore names of the reference server ({@code investigation_progress})
 * and its {@code heartbeat} are understood. Never throws on bad data: it becomes a {@link GenericEvent}.
 */
public final class EventDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventDecoder() {
    }

    /**
     * Decodes one frame.
     *
     * @param frame the frame
     * @return the typed event, or a {@link GenericEvent}
     */
    public static CauseFlowEvent decode(final SseFrame frame) {
        Optional<String> id = frame.lastEventId().isEmpty() ? Optional.empty() : Optional.of(frame.lastEventId());
        JsonNode root = parse(frame.data());
        String name = frame.event();
        JsonNode payload = root;
        Optional<Instant> timestamp = Optional.empty();
        Optional<String> tenantId = Optional.empty();
        if (root != null && root.isObject()) {
            if (root.path("event").isTextual() && root.path("data").isObject()) {
                name = root.get("event").asText();
                payload = root.get("data");
            }
            else if (root.path("type").isTextual()) {
                name = root.get("type").asText();
            }
            timestamp = instant(root.path("timestamp"));
            String tenant = text(root, "tenantId").isEmpty() ? text(payload, "tenantId") : text(root, "tenantId");
            tenantId = tenant.isEmpty() ? Optional.empty() : Optional.of(tenant);
        }
        EventMeta meta = new EventMeta(name, id, timestamp, tenantId, frame.data());
        String kind = canonical(name);
        if ("ping".equals(kind)) {
            return new Ping(meta);
        }
        if (payload == null || !payload.isObject()) {
            return new GenericEvent(meta);
        }
        switch (kind) {
            case "incident.created":
                return new IncidentCreated(meta, text(payload, "incidentId"), text(payload, "title"),
                        text(payload, "severity"), text(payload, "status"), text(payload, "source"));
            case "incident.status_changed":
                return new IncidentStatusChanged(meta, text(payload, "incidentId"), text(payload, "previousStatus"),
                        text(payload, "newStatus"));
            case "investigation.progress":
                return new InvestigationProgress(meta, text(payload, "incidentId"), text(payload, "message"),
                        text(payload, "agentName"), integer(payload, "stepIndex"), integer(payload, "totalSteps"));
            case "investigation.completed":
                JsonNode confidence = payload.path("confidence");
                return new InvestigationCompleted(meta, text(payload, "incidentId"), text(payload, "rootCause"),
                        confidence.isNumber() ? OptionalDouble.of(confidence.asDouble()) : OptionalDouble.empty(),
                        texts(payload.path("recommendedActions")));
            case "remediation.proposed":
                return new RemediationProposed(meta, text(payload, "incidentId"), text(payload, "remediationId"),
                        text(payload, "title"), payload.path("requiresApproval").asBoolean(false),
                        texts(payload.path("steps")));
            default:
                return new GenericEvent(meta);
        }
    }

    /** {@code investigation_progress} → {@code investigation.progress}; {@code heartbeat} → {@code ping}. */
    static String canonical(final String name) {
        if ("heartbeat".equals(name)) {
            return "ping";
        }
        int underscore = name.indexOf('_');
        if (name.indexOf('.') < 0 && underscore > 0) {
            return name.substring(0, underscore) + "." + name.substring(underscore + 1);
        }
        return name;
    }

    private static JsonNode parse(final String data) {
        if (data.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(data);
        }
        catch (IOException e) {
            return null; // not JSON: passed through as a generic event with the raw text
        }
    }

    private static String text(final JsonNode node, final String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static OptionalInt integer(final JsonNode node, final String field) {
        JsonNode value = node.path(field);
        return value.canConvertToInt() && value.isNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    private static List<String> texts(final JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode element : array) {
                result.add(element.isValueNode() ? element.asText() : element.toString());
            }
        }
        return result;
    }

    private static Optional<Instant> instant(final JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        }
        catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(node.asText()).toInstant());
            }
            catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
