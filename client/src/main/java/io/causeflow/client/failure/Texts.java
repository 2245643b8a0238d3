package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small string helpers shared by the snapshot records and the mapper: bounding and blank handling. */
final class Texts {
    /** Appended to every string this package shortens, so a reader sees that something is missing. */
    static final String TRUNCATION_MARKER = "…[truncated]";

    private Texts() {
    }

    /**
     * Shortens {@code text} to at most {@code maxChars} characters, ending with {@link #TRUNCATION_MARKER} when
     * something was cut. Never splits a surrogate pair.
     */
    static String truncate(final String text, final int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int keep = Math.max(0, maxChars - TRUNCATION_MARKER.length());
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + TRUNCATION_MARKER.substring(0, Math.min(TRUNCATION_MARKER.length(), maxChars));
    }

    /** Blank or null becomes empty; anything else is stripped and bounded. */
    static Optional<String> optional(@CheckForNull final String text, final int maxChars) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(truncate(text.strip(), maxChars));
    }

    /** Keeps a present value only when it is not blank, bounded. */
    static Optional<String> bounded(final Optional<String> text, final int maxChars) {
        return text.flatMap(value -> optional(value, maxChars));
    }

    /** Requires a non-blank value, naming the field otherwise. */
    static String required(@CheckForNull final String text, final String field, final int maxChars) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return truncate(text.strip(), maxChars);
    }

    /** Copies at most {@code max} non-blank, bounded strings. */
    static List<String> boundedList(final List<String> values, final int max, final int maxChars) {
        List<String> copy = new ArrayList<>(Math.min(values.size(), max));
        for (String value : values) {
            if (copy.size() >= max) {
                break;
            }
            if (value != null && !value.isBlank()) {
                copy.add(truncate(value.strip(), maxChars));
            }
        }
        return List.copyOf(copy);
    }

    /** The first line of a possibly multi-line text (commit messages, exception messages). */
    static String firstLine(final String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
    }

    /** UTF-8 length of {@code text} without encoding it. */
    static int utf8Length(final CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Shortens {@code text} to at most {@code maxBytes} UTF-8 bytes, ending with {@link #TRUNCATION_MARKER} when
     * something was cut. Never splits a surrogate pair.
     */
    static String truncateUtf8(final String text, final int maxBytes) {
        if (utf8Length(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8Length(TRUNCATION_MARKER);
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            int size;
            int chars = 1;
            if (c < 0x80) {
                size = 1;
            } else if (c < 0x800) {
                size = 2;
            } else if (Character.isHighSurrogate(c) && end + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(end + 1))) {
                size = 4;
                chars = 2;
            } else {
                size = 3;
            }
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += chars;
        }
        return text.substring(0, end) + TRUNCATION_MARKER;
    }
}
