package io.causeflow.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Alert severity as CauseFlow's custom webhook accepts it; sent as the lowercase {@link #wireName()}. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /**
     * Returns the name used on the wire.
     *
     * @return the lowercase name, e.g. {@code "high"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a severity, ignoring case and surrounding blanks.
     *
     * @param value the text, e.g. {@code "High"}
     * @return the severity
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static Severity parse(final String value) {
        if (value != null) {
            String wanted = value.strip();
            for (Severity severity : values()) {
                if (severity.name().equalsIgnoreCase(wanted)) {
                    return severity;
                }
            }
        }
        throw new IllegalArgumentException("severity: unknown value '" + value + "', expected one of "
                + Arrays.stream(values()).map(Severity::wireName).collect(Collectors.joining(", ")));
    }
}
