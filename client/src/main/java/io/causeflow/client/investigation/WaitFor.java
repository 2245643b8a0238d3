package io.causeflow.client.investigation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a waiter waits for. Each also ends when the incident is resolved or closed (the investigation is over). */
public enum WaitFor {
    /** The root cause ({@code investigation.completed}). */
    ROOT_CAUSE,
    /** A proposed remediation ({@code remediation.proposed}). */
    REMEDIATION,
    /** The incident resolved or closed. */
    RESOLVED;

    /**
     * @param timeline the timeline so far
     * @return true when this condition is met
     */
    public boolean isSatisfiedBy(final InvestigationTimeline timeline) {
        InvestigationAnswer answer = timeline.answer();
        if (answer.investigationStatus() == InvestigationStatus.RESOLVED) {
            return true;
        }
        return switch (this) {
            case ROOT_CAUSE -> answer.rootCause().isPresent();
            case REMEDIATION -> answer.remediation().isPresent();
            case RESOLVED -> false;
        };
    }

    /**
     * Parses a name in any case, with {@code -} or {@code _}, e.g. {@code root_cause}, {@code ROOT-CAUSE}.
     *
     * @param value the name
     * @return the condition
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static WaitFor parse(final String value) {
        String normal = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (WaitFor candidate : values()) {
            if (candidate.name().equals(normal)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown waitFor '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
