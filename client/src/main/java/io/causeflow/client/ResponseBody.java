package io.causeflow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * The parts of a CauseFlow answer we read: {@code incidentId}, {@code error} and {@code message}. A body that
 * is not a JSON object yields nothing (a 2xx with such a body is still accepted).
 */
record ResponseBody(boolean parsed, Optional<String> incidentId, Optional<String> error, Optional<String> message) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ID = 128;

    static ResponseBody parse(final byte[] body) {
        if (body.length == 0) {
            return new ResponseBody(false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                return new ResponseBody(false, Optional.empty(), Optional.empty(), Optional.empty());
            }
            return new ResponseBody(true, text(node, "incidentId").filter(id -> id.length() <= MAX_ID),
                    text(node, "error"), text(node, "message"));
        }
        catch (IOException e) {
            return new ResponseBody(false, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static Optional<String> text(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(CauseFlowClient.truncate(oneLine(value.asText())));
    }

    /**
     * Server text goes into one-line messages, logs and terminals: no control characters, C0 (with DEL) or C1
     * (U+0080–U+009F, e.g. U+009B, a one-character escape-sequence introducer on some terminals).
     */
    private static String oneLine(final String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? ' ' : c);
        }
        return out.toString().strip();
    }
}
