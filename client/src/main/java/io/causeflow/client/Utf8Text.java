package io.causeflow.client;

/** UTF-8 measuring and cutting without encoding the whole string; cuts never split a code point. */
final class Utf8Text {
    private static final String MARKER_START = "…[truncated ";
    private static final String MARKER_END = " bytes]";

    private Utf8Text() {
    }

    /** Number of bytes {@code text} takes in UTF-8 (unpaired surrogates count as the 3-byte replacement). */
    static int length(final CharSequence text) {
        int bytes = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            }
            else if (c < 0x800) {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            }
            else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** End index of the longest prefix of {@code text} that fits into {@code maxBytes} UTF-8 bytes. */
    static int prefixEnd(final String text, final int maxBytes) {
        int bytes = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int size;
            int chars = 1;
            if (c < 0x80) {
                size = 1;
            }
            else if (c < 0x800) {
                size = 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                size = 4;
                chars = 2;
            }
            else {
                size = 3;
            }
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += chars;
        }
        return i;
    }

    /**
     * Returns {@code text} unchanged when it fits into {@code maxBytes} UTF-8 bytes, else a prefix followed by
     * the visible marker {@code …[truncated N bytes]} (N = UTF-8 bytes removed), the whole fitting the limit.
     */
    static String truncate(final String text, final int maxBytes) {
        int total = length(text);
        if (total <= maxBytes) {
            return text;
        }
        // The marker for "total" removed bytes is the longest it can get, so reserve that much.
        int reserve = length(MARKER_START) + Integer.toString(total).length() + MARKER_END.length();
        int end = prefixEnd(text, Math.max(0, maxBytes - reserve));
        String kept = text.substring(0, end);
        return kept + MARKER_START + (total - length(kept)) + MARKER_END;
    }

    /** Cuts {@code text} to at most {@code maxChars} UTF-16 units, ending with "…", never splitting a pair. */
    static String truncateChars(final String text, final int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
