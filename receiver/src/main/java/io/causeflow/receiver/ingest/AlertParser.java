package io.causeflow.receiver.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
            root = json.readTree(strictUtf8(body));
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
        for (String field : List.of("title", "description", "sourceAlertId", "externalId", "service", "environment")) {
            JsonNode node = root.get(field);
            if (node != null && node.isTextual()) {
                checkText(field, node.textValue());
            }
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            checkText("tags", tag.getKey());
            checkText("tags." + tag.getKey(), tag.getValue());
        }
        JsonNode metadataNode = root.get("metadata");
        if (metadataNode != null) {
            checkTree("metadata", metadataNode);
        }
        String metadataJson = metadata(root);
        return new ParsedAlert(title, description, sourceAlertId, severity, service, environment, tags, metadataJson);
    }

    /**
     * Decodes strictly: overlong forms (e.g. C0 AF for '/'), encoded surrogates and stray bytes are refused, not
     * mapped to some character, so that the stored text is exactly what was signed. A leading BOM is dropped.
     */
    private static String strictUtf8(byte[] body) throws AlertValidationException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new AlertValidationException("body", "body is not valid UTF-8 (invalid or overlong byte sequence "
                    + "at byte offset " + in.position() + ")");
        }
        decoder.flush(out);
        out.flip();
        if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    /** A string whose UTF-16 form has an unpaired surrogate (e.g. from the escape "\ud800") has no UTF-8 form. */
    private static void checkText(String field, String value) throws AlertValidationException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                throw new AlertValidationException(field, field + " contains an unpaired surrogate (\\u"
                        + Integer.toHexString(c) + " at index " + i + "), which is not text");
            }
        }
    }

    /** Every key and string in metadata is text, and every number is finite (1e999999999 is not a number). */
    private static void checkTree(String path, JsonNode node) throws AlertValidationException {
        if (node.isTextual()) {
            checkText(path, node.textValue());
        }
        else if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            throw new AlertValidationException(path, path + " is a number too large for a double; send it as a "
                    + "string");
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                checkText(path, entry.getKey());
                checkTree(path + "." + entry.getKey(), entry.getValue());
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTree(path + "[" + i + "]", node.get(i));
            }
        }
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
