package io.causeflow.receiver.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code custom} alert.
 *
 * @param title         non-blank title
 * @param description   non-blank description
 * @param sourceAlertId dedup key ({@code sourceAlertId}, else {@code externalId}), if sent
 * @param severity      lowercase severity, {@code medium} when not sent
 * @param service       service, if sent
 * @param environment   environment, if sent
 * @param tags          string tags
 * @param metadataJson  metadata object as compact JSON ({@code {}} when not sent)
 */
public record ParsedAlert(String title, String description, Optional<String> sourceAlertId, String severity,
                          Optional<String> service, Optional<String> environment, Map<String, String> tags,
                          String metadataJson) {
    /** Copies. */
    public ParsedAlert {
        tags = Map.copyOf(tags);
    }
}
