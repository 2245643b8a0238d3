package io.jenkins.plugins.causeflow.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which jobs the automatic alerts cover, by full name (e.g. {@code team/app/main} for a multibranch branch
 * job inside an organization folder). Patterns are globs, one per line: {@code *} matches within one path segment,
 * {@code **} across segments, {@code ?} one character. A job is covered when it matches an include pattern (or no
 * include pattern is given) and no exclude pattern.
 *
 * @param includes the include patterns, as regular expressions
 * @param excludes the exclude patterns, as regular expressions
 */
public record JobFilter(List<Pattern> includes, List<Pattern> excludes) {
    /** Copies the lists. */
    public JobFilter {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /**
     * Parses include and exclude texts (one glob per line; blank lines and {@code #} comments ignored).
     *
     * @param includeText include patterns; empty means every job
     * @param excludeText exclude patterns
     * @return the filter
     */
    public static JobFilter parse(final String includeText, final String excludeText) {
        return new JobFilter(patterns(includeText), patterns(excludeText));
    }

    /**
     * Returns whether the automatic alerts cover a job.
     *
     * @param jobFullName the job's full name
     * @return true when included and not excluded
     */
    public boolean covers(final String jobFullName) {
        boolean included = includes.isEmpty()
                || includes.stream().anyMatch(pattern -> pattern.matcher(jobFullName).matches());
        return included && excludes.stream().noneMatch(pattern -> pattern.matcher(jobFullName).matches());
    }

    private static List<Pattern> patterns(final String text) {
        List<Pattern> patterns = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String glob = line.strip();
            if (!glob.isEmpty() && !glob.startsWith("#")) {
                patterns.add(toRegex(glob));
            }
        }
        return patterns;
    }

    /**
     * Translates one glob.
     *
     * @param glob e.g. {@code team/*} or {@code *-release}
     * @return the equivalent regular expression
     */
    static Pattern toRegex(final String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            }
            else if (c == '?') {
                regex.append('.');
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
