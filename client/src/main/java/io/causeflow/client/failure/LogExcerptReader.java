package io.causeflow.client.failure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a bounded excerpt from the end of a log: at most {@link Limits#windowBytes()} bytes are ever read, whatever
 * the log's size, so a 1 GiB log costs the same as a 1 MiB one. Within the window it strips Jenkins console notes
 * and ANSI escape sequences, keeps the error-looking lines first and the last lines for context, and caps lines,
 * line length and total characters.
 *
 * <p>Console notes are Jenkins' hidden annotations: the bytes {@code ESC[8mha:}, a Base64 payload without line
 * breaks, then {@code ESC[0m}. A note therefore never spans lines; a note without its end is cut to the end of
 * its line.
 */
public final class LogExcerptReader {
    private static final String NOTE_START = "\u001B[8mha:";
    private static final String NOTE_END = "\u001B[0m";
    private static final char ESC = '\u001B';

    /**
     * Substrings that mark a line as error-looking. Case-sensitive on purpose: {@code Errors: 0} in a test summary
     * or {@code error-prone} in a path must not count.
     */
    private static final List<String> ERROR_MARKERS = List.of("ERROR", "Error:", "error:", "error[", "FATAL",
            "fatal:", "FAILED", "FAILURE", "Failed", "failed:", "Exception", "Caused by:", "Traceback (most recent",
            "Throwable", "AssertionError", "panic:", "Segmentation fault", "exit code", "npm ERR!", "BUILD FAILED");

    private final Limits limits;

    private LogExcerptReader(final Limits limits) {
        this.limits = limits;
    }

    /**
     * Returns a reader with the {@link Limits#defaults() default limits}.
     *
     * @return the reader
     */
    public static LogExcerptReader withDefaults() {
        return new LogExcerptReader(Limits.defaults());
    }

    /**
     * Returns a reader with the given limits.
     *
     * @param limits the limits
     * @return the reader
     */
    public static LogExcerptReader withLimits(final Limits limits) {
        return new LogExcerptReader(limits);
    }

    /**
     * Returns the limits this reader applies.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Reads the excerpt from the end of {@code source}.
     *
     * @param source the log
     * @param origin what the log is (the failing step's own log or the whole build log)
     * @return the excerpt
     * @throws IOException if the log cannot be read
     */
    public LogExcerpt read(final LogSource source, final LogExcerpt.Origin origin) throws IOException {
        long length = source.length();
        long start = Math.max(0, length - limits.windowBytes());
        boolean windowTruncated = start > 0;
        // One byte more before the window tells whether its first line is whole (the byte is a newline).
        long readFrom = windowTruncated ? start - 1 : 0;
        int wanted = (int) (length - readFrom);
        byte[] window;
        try (InputStream in = source.openFrom(readFrom)) {
            // readNBytes stops at `wanted` even if the log grew meanwhile: the window never exceeds the limit.
            window = in.readNBytes(wanted);
        }
        int from = windowTruncated ? startOfFirstWholeLine(window) : 0;
        List<String> lines = splitClean(decode(window, from));
        return select(origin, lines, length, windowTruncated);
    }

    /** Skips the partial first line of a window that starts inside the log (and with it any partial character). */
    private static int startOfFirstWholeLine(final byte[] window) {
        for (int i = 0; i < window.length; i++) {
            if (window[i] == '\n') {
                return i + 1;
            }
        }
        // One huge line: keep it, but never start inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
        int i = 0;
        while (i < window.length && (window[i] & 0xC0) == 0x80) {
            i++;
        }
        return i;
    }

    /** Malformed input (a log that is not UTF-8) becomes U+FFFD rather than an error: the alert matters more. */
    private static String decode(final byte[] bytes, final int from) {
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    private static List<String> splitClean(final String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = clean(text.substring(start, end));
            if (!line.isBlank()) {
                lines.add(line);
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * Removes console notes, ANSI escape sequences and other control characters (tabs stay) from one line.
     *
     * @param raw the line as read
     * @return the readable line, trailing blanks removed
     */
    static String clean(final String raw) {
        if (isPlain(raw)) {
            return raw.stripTrailing(); // the common line: nothing to strip, no copy beyond trailing blanks
        }
        String line = removeNotes(raw);
        // A carriage return inside a line redraws it (progress bars): only the last drawing is what a reader saw.
        int redraw = line.stripTrailing().lastIndexOf('\r');
        if (redraw >= 0) {
            line = line.substring(redraw + 1);
        }
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ESC) {
                i = skipEscape(line, i);
            } else if (c < 0x20 && c != '\t' || c == 0x7F) {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().stripTrailing();
    }

    /** True when the line holds no escape sequence and no control character other than tab. */
    private static boolean isPlain(final String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String removeNotes(final String line) {
        int note = line.indexOf(NOTE_START);
        if (note < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int from = 0;
        while (note >= 0) {
            out.append(line, from, note);
            int end = line.indexOf(NOTE_END, note + NOTE_START.length());
            if (end < 0) {
                return out.toString();
            }
            from = end + NOTE_END.length();
            note = line.indexOf(NOTE_START, from);
        }
        out.append(line, from, line.length());
        return out.toString();
    }

    /** Returns the index after the escape sequence at {@code i}: CSI ({@code ESC [ ... final}), OSC, or two-char. */
    private static int skipEscape(final String line, final int i) {
        int n = line.length();
        if (i + 1 >= n) {
            return n;
        }
        char next = line.charAt(i + 1);
        if (next == '[') {
            int j = i + 2;
            while (j < n && line.charAt(j) >= 0x20 && line.charAt(j) <= 0x3F) {
                j++; // parameter and intermediate bytes
            }
            while (j < n && line.charAt(j) >= 0x20 && line.charAt(j) <= 0x2F) {
                j++;
            }
            return j < n ? j + 1 : n; // final byte
        }
        if (next == ']') {
            int j = i + 2;
            while (j < n && line.charAt(j) != '\u0007' && !(line.charAt(j) == ESC && j + 1 < n
                    && line.charAt(j + 1) == '\\')) {
                j++;
            }
            if (j >= n) {
                return n;
            }
            return line.charAt(j) == '\u0007' ? j + 1 : j + 2;
        }
        return i + 2;
    }

    /**
     * Returns whether a cleaned line looks like an error: compiler and tool errors, failed builds, exceptions and
     * their causes. Stack frames ({@code at ...}) are not heads and do not count.
     *
     * @param line a cleaned line
     * @return true when the line should be kept first
     */
    static boolean isErrorLooking(final String line) {
        String stripped = line.stripLeading();
        if (stripped.startsWith("at ") || stripped.startsWith("... ")) {
            return false;
        }
        for (String marker : ERROR_MARKERS) {
            if (line.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private LogExcerpt select(final LogExcerpt.Origin origin, final List<String> lines, final long length,
            final boolean windowTruncated) {
        boolean truncated = false;
        int tailStart = Math.max(0, lines.size() - limits.maxTailLines());
        List<String> tail = new ArrayList<>(lines.size() - tailStart);
        for (int i = tailStart; i < lines.size(); i++) {
            String line = bound(lines.get(i));
            truncated |= line.length() != lines.get(i).length();
            tail.add(line);
        }
        // The first distinct error lines before the tail: the earliest error is usually the cause, later ones echo it.
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int errorCandidates = 0;
        for (int i = 0; i < tailStart; i++) {
            String line = lines.get(i);
            if (!isErrorLooking(line)) {
                continue;
            }
            errorCandidates++;
            if (errors.size() < limits.maxErrorLines() && seen.add(line)) {
                String bounded = bound(line);
                truncated |= bounded.length() != line.length();
                errors.add(bounded);
            }
        }
        truncated |= errors.size() < tailStart; // lines before the tail that were not kept
        truncated |= errorCandidates > errors.size();
        // Total budget: drop the oldest tail lines first, then the last error lines.
        int total = 0;
        for (String line : errors) {
            total += line.length() + 1;
        }
        for (String line : tail) {
            total += line.length() + 1;
        }
        while (total > limits.maxTotalChars() && !tail.isEmpty()) {
            total -= tail.remove(0).length() + 1;
            truncated = true;
        }
        while (total > limits.maxTotalChars() && !errors.isEmpty()) {
            total -= errors.remove(errors.size() - 1).length() + 1;
            truncated = true;
        }
        return new LogExcerpt(origin, errors, tail, length, windowTruncated, truncated);
    }

    private String bound(final String line) {
        return Texts.truncate(line, limits.maxLineChars());
    }

    /**
     * The caps of an excerpt.
     *
     * @param windowBytes   bytes read from the end of the log (plus one byte before them, to know whether the first
     *                      line is whole); the only part of the log ever read
     * @param maxErrorLines error-looking lines kept before the tail
     * @param maxTailLines  last lines kept
     * @param maxLineChars  characters per line; longer lines are shortened with a marker
     * @param maxTotalChars characters of all kept lines together
     */
    public record Limits(int windowBytes, int maxErrorLines, int maxTailLines, int maxLineChars, int maxTotalChars) {
        /** Default window: 256 KiB, enough for a few thousand lines before the end. */
        public static final int DEFAULT_WINDOW_BYTES = 256 * 1024;

        /** Validates the caps. */
        public Limits {
            if (windowBytes < 1024 || windowBytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("windowBytes must be between 1 KiB and 16 MiB: " + windowBytes);
            }
            if (maxErrorLines < 0 || maxTailLines < 0) {
                throw new IllegalArgumentException("line caps must not be negative: errors=" + maxErrorLines
                        + ", tail=" + maxTailLines);
            }
            if (maxLineChars < 40 || maxTotalChars < maxLineChars) {
                throw new IllegalArgumentException("maxLineChars must be at least 40 and at most maxTotalChars: "
                        + maxLineChars + ", " + maxTotalChars);
            }
        }

        /**
         * Returns the defaults: a 256 KiB window, 20 error lines, 30 tail lines, 500 characters per line, 16,000
         * characters in all (so the excerpt fits easily in an alert's description and metadata).
         *
         * @return the defaults
         */
        public static Limits defaults() {
            return new Limits(DEFAULT_WINDOW_BYTES, 20, 30, 500, 16_000);
        }
    }
}
