package io.causeflow.receiver.model;

import java.util.OptionalLong;

/**
 * Wire form of event ids: {@code evt_} + the sequence number zero-padded to 12 digits. Padding keeps string order equal
 * to numeric order (like the ULIDs of the hosted service), so clients may compare ids either way.
 */
public final class EventIds {
    private static final String PREFIX = "evt_";

    private EventIds() {
    }

    /** Formats a sequence number. */
    public static String format(long sequence) {
        return PREFIX + String.format("%012d", sequence);
    }

    /**
     * Parses a {@code Last-Event-ID}: {@code evt_<digits>} or bare digits.
     *
     * @return the sequence number, or empty when the value is not an id of ours
     */
    public static OptionalLong parse(String value) {
        String digits = value.strip();
        if (digits.startsWith(PREFIX)) {
            digits = digits.substring(PREFIX.length());
        }
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
