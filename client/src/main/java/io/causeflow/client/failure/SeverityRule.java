package io.causeflow.client.failure;

import io.causeflow.client.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One severity rule: conditions that must all match, and the severity they give. Text form (one rule per line in
 * {@link MappingRules#parseSeverityRules(String)}): {@code condition[,condition...]=severity}, where a condition is
 * {@code result:RESULT}, {@code job:GLOB} (full job name) or {@code branch:GLOB} (see {@link ScmInfo#effectiveBranch()});
 * e.g. {@code result:FAILURE=high}, {@code branch:release/*=critical}, {@code job:team/*,result:UNSTABLE=low}.
 *
 * @param conditions the conditions, all of which must hold (at least one)
 * @param severity   the severity when they do
 */
public record SeverityRule(List<Condition> conditions, Severity severity) {
    /** Copies the conditions. */
    public SeverityRule {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a severity rule needs at least one condition");
        }
        conditions = List.copyOf(conditions);
    }

    /**
     * Parses one rule.
     *
     * @param text e.g. {@code branch:main,result:FAILURE=critical}
     * @return the rule
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SeverityRule parse(final String text) {
        int equals = text.lastIndexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("expected condition=severity, e.g. result:FAILURE=high, but got '"
                    + text.strip() + "'");
        }
        Severity severity = Severity.parse(text.substring(equals + 1).strip());
        List<Condition> conditions = new ArrayList<>();
        for (String part : text.substring(0, equals).split(",")) {
            conditions.add(Condition.parse(part));
        }
        return new SeverityRule(conditions, severity);
    }

    /**
     * Returns whether every condition holds for the snapshot.
     *
     * @param snapshot the build
     * @return true when the rule applies
     */
    public boolean matches(final BuildSnapshot snapshot) {
        for (Condition condition : conditions) {
            if (!condition.matches(snapshot)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Condition condition : conditions) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(condition);
        }
        return text.append('=').append(severity.wireName()).toString();
    }

    /**
     * One condition of a rule.
     *
     * @param field what is tested
     * @param value the result name or the glob
     */
    public record Condition(Field field, String value) {
        /** Validates the value for its field. */
        public Condition {
            value = value.strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(field.word() + ": needs a value");
            }
            if (field == Field.RESULT) {
                value = BuildResult.parse(value).name();
            }
        }

        /**
         * Parses {@code field:value}.
         *
         * @param text the condition
         * @return the condition
         */
        public static Condition parse(final String text) {
            String trimmed = text.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("condition '" + trimmed
                        + "' must look like result:FAILURE, job:GLOB or branch:GLOB");
            }
            return new Condition(Field.parse(trimmed.substring(0, colon)), trimmed.substring(colon + 1));
        }

        boolean matches(final BuildSnapshot snapshot) {
            return switch (field) {
                case RESULT -> snapshot.result().name().equals(value);
                case JOB -> new Glob(value).matches(snapshot.jobFullName());
                case BRANCH -> snapshot.scm().effectiveBranch().map(new Glob(value)::matches).orElse(false);
            };
        }

        @Override
        public String toString() {
            return field.word() + ":" + value;
        }
    }

    /** What a condition tests. */
    public enum Field {
        RESULT,
        JOB,
        BRANCH;

        static Field parse(final String text) {
            String wanted = text.strip().toUpperCase(Locale.ROOT);
            for (Field field : values()) {
                if (field.name().equals(wanted)) {
                    return field;
                }
            }
            throw new IllegalArgumentException("unknown condition '" + text.strip()
                    + "'; expected result, job or branch");
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Optional<Severity> firstMatch(final List<SeverityRule> rules, final BuildSnapshot snapshot) {
        for (SeverityRule rule : rules) {
            if (rule.matches(snapshot)) {
                return Optional.of(rule.severity());
            }
        }
        return Optional.empty();
    }
}
