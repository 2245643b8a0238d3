package io.causeflow.client.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bounded excerpt of a build log: the error-looking lines first, then the last lines for context. Produced by
 * {@link LogExcerptReader}; console notes and ANSI colour codes are already stripped.
 *
 * @param origin          whether the lines come from the failing step's own log or the tail of the build log
 * @param errorLines      error-looking lines found in the window before the tail, in log order
 * @param tailLines       the last lines of the log, in log order
 * @param logLength       the length of the whole log in bytes
 * @param windowTruncated true when the log was longer than the window read, so earlier lines were never seen
 * @param linesTruncated  true when lines inside the window were left out, or a line was shortened, to meet the caps
 */
public record LogExcerpt(Origin origin, List<String> errorLines, List<String> tailLines, long logLength,
        boolean windowTruncated, boolean linesTruncated) {
    /** Copies the lists. */
    public LogExcerpt {
        if (logLength < 0) {
            throw new IllegalArgumentException("log length must not be negative: " + logLength);
        }
        errorLines = List.copyOf(errorLines);
        tailLines = List.copyOf(tailLines);
    }

    /**
     * Returns all lines, error-looking ones first.
     *
     * @return error lines followed by tail lines
     */
    public List<String> lines() {
        List<String> all = new ArrayList<>(errorLines.size() + tailLines.size());
        all.addAll(errorLines);
        all.addAll(tailLines);
        return List.copyOf(all);
    }

    /**
     * Returns whether anything was cut.
     *
     * @return true when the window or the caps dropped something
     */
    public boolean truncated() {
        return windowTruncated || linesTruncated;
    }

    /**
     * Returns whether the excerpt holds no line at all.
     *
     * @return true for an empty log
     */
    public boolean isEmpty() {
        return errorLines.isEmpty() && tailLines.isEmpty();
    }

    /** Where an excerpt's lines come from. */
    public enum Origin {
        /** The log of the failing step alone (Jenkins: the step node's {@code LogAction}). */
        STEP_LOG,
        /** The end of the whole build log. */
        BUILD_LOG_TAIL;

        /**
         * Returns the name used in metadata and texts.
         *
         * @return {@code step-log} or {@code build-log-tail}
         */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
