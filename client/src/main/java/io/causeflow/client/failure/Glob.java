package io.causeflow.client.failure;

/**
 * A minimal glob for job and branch names: {@code *} matches any run of characters including {@code /} (so
 * {@code team/*} covers every job below the folder {@code team}), {@code ?} one character, everything else itself.
 * Case-sensitive, like Jenkins job names. Matching is iterative (no regex, no backtracking blow-up).
 *
 * @param pattern the glob
 */
record Glob(String pattern) {
    Glob {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("glob pattern must not be blank");
        }
    }

    boolean matches(final String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
