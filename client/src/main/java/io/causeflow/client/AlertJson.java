package io.causeflow.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Alert} as compact UTF-8 JSON in a fixed field order (title, description, sourceAlertId,
 * severity, service, environment, tags, metadata); maps are already sorted, absent fields are left out.
 * Written by hand rather than by data binding so that the order cannot change with a library upgrade.
 */
final class AlertJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private AlertJson() {
    }

    static byte[] write(final Alert alert) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(FACTORY._getBufferRecycler(), 4096)) {
            try (JsonGenerator json = FACTORY.createGenerator(buffer)) {
                json.writeStartObject();
                json.writeStringField("title", alert.title());
                json.writeStringField("description", alert.description());
                if (alert.sourceAlertId().isPresent()) {
                    json.writeStringField("sourceAlertId", alert.sourceAlertId().get());
                }
                if (alert.severity().isPresent()) {
                    json.writeStringField("severity", alert.severity().get().wireName());
                }
                if (alert.service().isPresent()) {
                    json.writeStringField("service", alert.service().get());
                }
                if (alert.environment().isPresent()) {
                    json.writeStringField("environment", alert.environment().get());
                }
                if (!alert.tags().isEmpty()) {
                    json.writeObjectFieldStart("tags");
                    for (Map.Entry<String, String> tag : alert.tags().entrySet()) {
                        json.writeStringField(tag.getKey(), tag.getValue());
                    }
                    json.writeEndObject();
                }
                if (!alert.metadata().isEmpty()) {
                    json.writeFieldName("metadata");
                    writeValue(json, alert.metadata());
                }
                json.writeEndObject();
            }
            return buffer.toByteArray();
        }
        catch (IOException e) {
            // Writing to memory cannot fail; a failure here is a bug, not an I/O condition.
            throw new UncheckedIOException("cannot serialise alert", e);
        }
    }

    @SuppressWarnings("unchecked")
    static void writeValue(final JsonGenerator json, final Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        }
        else if (value instanceof String) {
            json.writeString((String) value);
        }
        else if (value instanceof Boolean) {
            json.writeBoolean((Boolean) value);
        }
        else if (value instanceof Map) {
            json.writeStartObject();
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
                json.writeFieldName(entry.getKey());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        }
        else if (value instanceof List) {
            json.writeStartArray();
            for (Object element : (List<Object>) value) {
                writeValue(json, element);
            }
            json.writeEndArray();
        }
        else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        }
        else if (value instanceof Long) {
            json.writeNumber((Long) value);
        }
        else if (value instanceof BigInteger) {
            json.writeNumber((BigInteger) value);
        }
        else if (value instanceof BigDecimal) {
            json.writeNumber((BigDecimal) value);
        }
        else if (value instanceof Float) {
            json.writeNumber((Float) value);
        }
        else if (value instanceof Double) {
            json.writeNumber((Double) value);
        }
        else {
            throw new IllegalStateException("unexpected metadata value " + value.getClass().getName());
        }
    }
}
