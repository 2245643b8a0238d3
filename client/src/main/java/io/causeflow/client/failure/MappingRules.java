package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.AlertLimits;
import io.causeflow.client.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a build becomes an alert, apart from explicit arguments ({@link AlertOverrides}, which always win): severity
 * rules, service rule, default environment and tags, dedup scope and the description limits.
 *
 * <p>Severity: the configured rules are tried in order and the first that matches wins; if none does, the
 * {@link #DEFAULT_SEVERITY_RULES defaults} decide (FAILURE high, UNSTABLE medium, ABORTED low, NOT_BUILT info,
 * SUCCESS info). A rule without a result condition (e.g. {@code branch:main=critical}) matches every result; write
 * {@code branch:main,result:FAILURE=critical} to raise only failures.
 *
 * @param severityRules severity rules, first match wins
 * @param serviceRule   how the service is chosen
 * @param environment   default environment
 * @param defaultTags   tags added to every alert (the mapper's own tags and explicit tags win over them)
 * @param dedupScope    what one incident stands for
 * @param limits        how much of the snapshot goes into the description
 */
public record MappingRules(List<SeverityRule> severityRules, ServiceRule serviceRule, Optional<String> environment,
        Map<String, String> defaultTags, DedupScope dedupScope, Limits limits) {
    /** The rules applied after the configured ones, so every result has a severity. */
    public static final List<SeverityRule> DEFAULT_SEVERITY_RULES = List.of(
            SeverityRule.parse("result:FAILURE=high"),
            SeverityRule.parse("result:UNSTABLE=medium"),
            SeverityRule.parse("result:ABORTED=low"),
            SeverityRule.parse("result:NOT_BUILT=info"),
            SeverityRule.parse("result:SUCCESS=info"));

    /** Copies and validates. */
    public MappingRules {
        severityRules = List.copyOf(severityRules);
        environment = Texts.bounded(environment, AlertLimits.NAME_MAX_CHARS);
        for (Map.Entry<String, String> tag : defaultTags.entrySet()) {
            if (tag.getKey().isBlank() || tag.getKey().length() > AlertLimits.TAG_KEY_MAX_CHARS) {
                throw new IllegalArgumentException("default tag key must be 1.." + AlertLimits.TAG_KEY_MAX_CHARS
                        + " characters: '" + tag.getKey() + "'");
            }
        }
        defaultTags = Collections.unmodifiableMap(new TreeMap<>(defaultTags)); // sorted: deterministic output
    }

    /**
     * Returns the defaults: no extra severity rules, service by top folder, no environment, no tags, BUILD scope.
     *
     * @return the defaults
     */
    public static MappingRules defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses severity rules, one per line; blank lines and lines starting with {@code #} are ignored.
     *
     * @param text the rules
     * @return the rules, in order
     * @throws IllegalArgumentException naming the line number and what is wrong
     */
    public static List<SeverityRule> parseSeverityRules(final String text) {
        List<SeverityRule> rules = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(SeverityRule.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("severity rules line " + (i + 1) + " ('" + line + "'): "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * Returns the severity for a build: the first configured rule that matches, else the default for its result.
     *
     * @param snapshot the build
     * @return the severity
     */
    public Severity severityFor(final BuildSnapshot snapshot) {
        return SeverityRule.firstMatch(severityRules, snapshot)
                .or(() -> SeverityRule.firstMatch(DEFAULT_SEVERITY_RULES, snapshot))
                .orElse(Severity.MEDIUM);
    }

    /**
     * How much of the snapshot the description shows (the metadata always carries the whole snapshot).
     *
     * @param failedTestsShown    failed tests listed in the description
     * @param changesShown        changes listed in the description
     * @param descriptionMaxBytes the description's size in UTF-8 bytes, at most the client's limit
     */
    public record Limits(int failedTestsShown, int changesShown, int descriptionMaxBytes) {
        /** Validates. */
        public Limits {
            if (failedTestsShown < 0 || changesShown < 0) {
                throw new IllegalArgumentException("shown counts must not be negative");
            }
            if (descriptionMaxBytes < 1024 || descriptionMaxBytes > AlertLimits.DESCRIPTION_MAX_BYTES) {
                throw new IllegalArgumentException("descriptionMaxBytes must be between 1024 and "
                        + AlertLimits.DESCRIPTION_MAX_BYTES + ": " + descriptionMaxBytes);
            }
        }

        /**
         * Returns the defaults: 10 failed tests, 10 changes, 32 KiB of description.
         *
         * @return the defaults
         */
        public static Limits defaults() {
            return new Limits(10, 10, 32 * 1024);
        }
    }

    /** Collects mapping rules; every field has a default. */
    public static final class Builder {
        private List<SeverityRule> severityRules = List.of();
        private ServiceRule serviceRule = ServiceRule.topFolder();
        @CheckForNull
        private String environment;
        private final Map<String, String> defaultTags = new LinkedHashMap<>();
        private DedupScope dedupScope = DedupScope.BUILD;
        private Limits limits = Limits.defaults();

        private Builder() {
        }

        /**
         * Sets the severity rules, tried in order.
         *
         * @param value the rules
         * @return this
         */
        public Builder severityRules(final List<SeverityRule> value) {
            this.severityRules = List.copyOf(value);
            return this;
        }

        /**
         * Parses and sets the severity rules (see {@link #parseSeverityRules(String)}).
         *
         * @param text one rule per line
         * @return this
         */
        public Builder severityRules(final String text) {
            return severityRules(parseSeverityRules(text));
        }

        /**
         * Sets the service rule.
         *
         * @param value the rule
         * @return this
         */
        public Builder serviceRule(final ServiceRule value) {
            this.serviceRule = value;
            return this;
        }

        /**
         * Sets the default environment.
         *
         * @param value the environment, or null/blank for none
         * @return this
         */
        public Builder environment(@CheckForNull final String value) {
            this.environment = value;
            return this;
        }

        /**
         * Adds a default tag.
         *
         * @param key   the key
         * @param value the value
         * @return this
         */
        public Builder defaultTag(final String key, final String value) {
            defaultTags.put(key, value);
            return this;
        }

        /**
         * Sets the dedup scope.
         *
         * @param value the scope
         * @return this
         */
        public Builder dedupScope(final DedupScope value) {
            this.dedupScope = value;
            return this;
        }

        /**
         * Sets the description limits.
         *
         * @param value the limits
         * @return this
         */
        public Builder limits(final Limits value) {
            this.limits = value;
            return this;
        }

        /**
         * Builds the rules.
         *
         * @return the rules
         */
        public MappingRules build() {
            return new MappingRules(severityRules, serviceRule, Optional.ofNullable(environment), defaultTags,
                    dedupScope, limits);
        }
    }
}
