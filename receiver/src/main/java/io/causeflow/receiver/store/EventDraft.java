package io.causeflow.receiver.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event before it has an id: catalog name and {@code data} fields (JSON-serialisable values, kept in order).
 *
 * @param name catalog name
 * @param data the envelope's {@code data} object
 */
public record EventDraft(String name, Map<String, Object> data) {
    /** Keeps the field order for readable frames. */
    public EventDraft {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
