package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Explicit values from the caller (a Pipeline step's arguments, command-line options). Each present value wins over
 * whatever the {@link MappingRules} and the snapshot would give; explicit tags and metadata keys win over the
 * mapper's own.
 *
 * @param title         explicit title
 * @param description   explicit description
 * @param severity      explicit severity
 * @param service       explicit service
 * @param environment   explicit environment
 * @param tags          explicit tags
 * @param metadata      explicit top-level metadata entries
 * @param sourceAlertId explicit dedup key
 */
public record AlertOverrides(Optional<String> title, Optional<String> description, Optional<Severity> severity,
        Optional<String> service, Optional<String> environment, Map<String, String> tags,
        Map<String, Object> metadata, Optional<String> sourceAlertId) {
    /** Copies the maps, dropping blank strings. */
    public AlertOverrides {
        title = title.filter(value -> !value.isBlank());
        description = description.filter(value -> !value.isBlank());
        service = service.filter(value -> !value.isBlank());
        environment = environment.filter(value -> !value.isBlank());
        sourceAlertId = sourceAlertId.filter(value -> !value.isBlank());
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * No explicit values: the rules decide everything.
     *
     * @return the empty overrides
     */
    public static AlertOverrides none() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects explicit values; null or blank means "not given". */
    public static final class Builder {
        @CheckForNull
        private String title;
        @CheckForNull
        private String description;
        @CheckForNull
        private Severity severity;
        @CheckForNull
        private String service;
        @CheckForNull
        private String environment;
        private final Map<String, String> tags = new TreeMap<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        @CheckForNull
        private String sourceAlertId;

        private Builder() {
        }

        /**
         * Sets the title.
         *
         * @param value the title or null
         * @return this
         */
        public Builder title(@CheckForNull final String value) {
            this.title = value;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param value the description or null
         * @return this
         */
        public Builder description(@CheckForNull final String value) {
            this.description = value;
            return this;
        }

        /**
         * Sets the severity.
         *
         * @param value the severity or null
         * @return this
         */
        public Builder severity(@CheckForNull final Severity value) {
            this.severity = value;
            return this;
        }

        /**
         * Sets the service.
         *
         * @param value the service or null
         * @return this
         */
        public Builder service(@CheckForNull final String value) {
            this.service = value;
            return this;
        }

        /**
         * Sets the environment.
         *
         * @param value the environment or null
         * @return this
         */
        public Builder environment(@CheckForNull final String value) {
            this.environment = value;
            return this;
        }

        /**
         * Adds a tag.
         *
         * @param key   the key
         * @param value the value
         * @return this
         */
        public Builder tag(final String key, final String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * Adds tags.
         *
         * @param values the tags
         * @return this
         */
        public Builder tags(final Map<String, String> values) {
            tags.putAll(values);
            return this;
        }

        /**
         * Adds top-level metadata entries.
         *
         * @param values the entries (JSON-like values)
         * @return this
         */
        public Builder metadata(final Map<String, ?> values) {
            metadata.putAll(values);
            return this;
        }

        /**
         * Sets the dedup key.
         *
         * @param value the key or null
         * @return this
         */
        public Builder sourceAlertId(@CheckForNull final String value) {
            this.sourceAlertId = value;
            return this;
        }

        /**
         * Builds the overrides.
         *
         * @return the overrides
         */
        public AlertOverrides build() {
            return new AlertOverrides(Optional.ofNullable(title), Optional.ofNullable(description),
                    Optional.ofNullable(severity), Optional.ofNullable(service), Optional.ofNullable(environment),
                    tags, metadata, Optional.ofNullable(sourceAlertId));
        }
    }
}
