package io.jenkins.plugins.causeflow.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The values given explicitly to one step call, notifier or listener; each one, when present, wins over the global
 * default in {@link AlertSettings#resolve(GlobalDefaults, ExplicitSettings)}. Blank strings count as absent, so an
 * empty form field falls back to the global value.
 */
public final class ExplicitSettings {
    private final Map<Field, String> texts;
    private final Map<Field, Integer> numbers;
    private final Map<String, String> tags;
    private final Map<String, Object> metadata;
    private final boolean failOnError;

    private ExplicitSettings(final Builder builder) {
        texts = Map.copyOf(builder.texts);
        numbers = Map.copyOf(builder.numbers);
        tags = Map.copyOf(builder.tags);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata));
        failOnError = builder.failOnError;
    }

    /**
     * Returns overrides with nothing set: every value comes from the global configuration.
     *
     * @return empty overrides
     */
    public static ExplicitSettings none() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Optional<String> text(final Field field) {
        return Optional.ofNullable(texts.get(field));
    }

    OptionalInt number(final Field field) {
        Integer value = numbers.get(field);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /**
     * Returns the explicit sourceAlertId.
     *
     * @return the id, if given
     */
    public Optional<String> sourceAlertId() {
        return text(Field.SOURCE_ALERT_ID);
    }

    /**
     * Returns the explicit tags (added over the default tags).
     *
     * @return the tags
     */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Returns the explicit metadata (merged over the generated build metadata).
     *
     * @return the metadata
     */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * Returns whether a failed delivery should fail the build.
     *
     * @return the flag
     */
    public boolean failOnError() {
        return failOnError;
    }

    @Override
    public String toString() {
        // Only IDs and names, never a secret: overrides carry credential IDs, not values.
        return "ExplicitSettings" + texts + numbers + ", tags=" + tags.keySet() + ", metadata=" + metadata.keySet()
                + ", failOnError=" + failOnError;
    }

    /** The overridable single values. */
    enum Field {
        ENDPOINT_URL, TENANT_ID, API_KEY_CREDENTIALS_ID, WEBHOOK_SECRET_CREDENTIALS_ID, SIGNATURE_FORMAT,
        ENVIRONMENT, SEVERITY_RULES, SERVICE_RULE, DEDUP_SCOPE, TITLE, DESCRIPTION, SEVERITY, SERVICE,
        SOURCE_ALERT_ID, PER_ATTEMPT_TIMEOUT_SECONDS, TOTAL_BUDGET_SECONDS, MAX_ATTEMPTS, LOG_EXCERPT_LINES,
        LOG_EXCERPT_BYTES
    }

    /** Collects explicit values; {@code null} or blank means "not given". */
    public static final class Builder {
        private final Map<Field, String> texts = new java.util.EnumMap<>(Field.class);
        private final Map<Field, Integer> numbers = new java.util.EnumMap<>(Field.class);
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private boolean failOnError;

        private Builder() {
        }

        private Builder text(final Field field, @CheckForNull final String value) {
            if (value == null || value.isBlank()) {
                texts.remove(field);
            }
            else {
                texts.put(field, value.strip());
            }
            return this;
        }

        private Builder number(final Field field, @CheckForNull final Integer value) {
            if (value == null) {
                numbers.remove(field);
            }
            else {
                numbers.put(field, value);
            }
            return this;
        }

        /** @param value base URL or null @return this */
        public Builder endpointUrl(@CheckForNull final String value) {
            return text(Field.ENDPOINT_URL, value);
        }

        /** @param value tenant ID or null @return this */
        public Builder tenantId(@CheckForNull final String value) {
            return text(Field.TENANT_ID, value);
        }

        /** @param value credentials ID or null @return this */
        public Builder apiKeyCredentialsId(@CheckForNull final String value) {
            return text(Field.API_KEY_CREDENTIALS_ID, value);
        }

        /** @param value credentials ID or null @return this */
        public Builder webhookSecretCredentialsId(@CheckForNull final String value) {
            return text(Field.WEBHOOK_SECRET_CREDENTIALS_ID, value);
        }

        /** @param value {@code PREFIXED} or {@code BARE}, or null @return this */
        public Builder signatureFormat(@CheckForNull final String value) {
            return text(Field.SIGNATURE_FORMAT, value);
        }

        /** @param value environment or null @return this */
        public Builder environment(@CheckForNull final String value) {
            return text(Field.ENVIRONMENT, value);
        }

        /** @param value severity rules text or null @return this */
        public Builder severityRules(@CheckForNull final String value) {
            return text(Field.SEVERITY_RULES, value);
        }

        /** @param value service rule or null @return this */
        public Builder serviceRule(@CheckForNull final String value) {
            return text(Field.SERVICE_RULE, value);
        }

        /** @param value {@code BUILD} or {@code STREAK}, or null @return this */
        public Builder dedupScope(@CheckForNull final String value) {
            return text(Field.DEDUP_SCOPE, value);
        }

        /** @param value alert title or null @return this */
        public Builder title(@CheckForNull final String value) {
            return text(Field.TITLE, value);
        }

        /** @param value alert description or null @return this */
        public Builder description(@CheckForNull final String value) {
            return text(Field.DESCRIPTION, value);
        }

        /** @param value severity name or null @return this */
        public Builder severity(@CheckForNull final String value) {
            return text(Field.SEVERITY, value);
        }

        /** @param value service or null @return this */
        public Builder service(@CheckForNull final String value) {
            return text(Field.SERVICE, value);
        }

        /** @param value explicit sourceAlertId or null @return this */
        public Builder sourceAlertId(@CheckForNull final String value) {
            return text(Field.SOURCE_ALERT_ID, value);
        }

        /** @param value seconds or null @return this */
        public Builder perAttemptTimeoutSeconds(@CheckForNull final Integer value) {
            return number(Field.PER_ATTEMPT_TIMEOUT_SECONDS, value);
        }

        /** @param value seconds or null @return this */
        public Builder totalBudgetSeconds(@CheckForNull final Integer value) {
            return number(Field.TOTAL_BUDGET_SECONDS, value);
        }

        /** @param value attempts or null @return this */
        public Builder maxAttempts(@CheckForNull final Integer value) {
            return number(Field.MAX_ATTEMPTS, value);
        }

        /** @param value lines or null @return this */
        public Builder logExcerptLines(@CheckForNull final Integer value) {
            return number(Field.LOG_EXCERPT_LINES, value);
        }

        /** @param value bytes or null @return this */
        public Builder logExcerptBytes(@CheckForNull final Integer value) {
            return number(Field.LOG_EXCERPT_BYTES, value);
        }

        /**
         * Adds tags; {@code null} keys or values are left out.
         *
         * @param values tags or null
         * @return this
         */
        public Builder tags(@CheckForNull final Map<?, ?> values) {
            if (values != null) {
                values.forEach((key, value) -> {
                    if (key != null && value != null) {
                        tags.put(key.toString(), value.toString());
                    }
                });
            }
            return this;
        }

        /**
         * Adds metadata entries; {@code null} keys are left out.
         *
         * @param values metadata or null
         * @return this
         */
        public Builder metadata(@CheckForNull final Map<?, ?> values) {
            if (values != null) {
                values.forEach((key, value) -> {
                    if (key != null) {
                        metadata.put(key.toString(), value);
                    }
                });
            }
            return this;
        }

        /** @param value whether a failed delivery fails the build @return this */
        public Builder failOnError(final boolean value) {
            failOnError = value;
            return this;
        }

        /**
         * Builds the overrides.
         *
         * @return the value
         */
        public ExplicitSettings build() {
            return new ExplicitSettings(this);
        }
    }
}
