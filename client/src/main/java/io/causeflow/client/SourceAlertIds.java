package io.causeflow.client;

import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;

/**
 * The one rule for {@code sourceAlertId}, CauseFlow's deduplication key. Format (at most {@value #MAX_LENGTH}
 * characters, only {@code [A-Za-z0-9._-]}):
 * <pre>
 * cf1-{controller}-{kind}-{slug}-{hash}
 *   controller  first 12 hex of SHA-256(controllerId): two controllers never share ids
 *   kind        b{buildNumber} | s{firstFailingBuildNumber} | x (caller-named scope)
 *   slug        readable job name ('/' becomes '.', other unsafe characters '-'), cut to fit; for a scope:
 *               job slug and scope slug joined by '.'
 *   hash        first 12 hex of SHA-256 over the exact job name (and scope), so ids stay unique when two
 *               names share a slug or the slug was cut
 * </pre>
 * Example: {@code cf1-3b9f2c61a0de-b42-team.payments.main-5d41402abc4b}.
 */
public final class SourceAlertIds {
    /** Longest id this class returns. */
    public static final int MAX_LENGTH = 128;
    private static final int HASH_HEX = 12;
    private static final String VERSION = "cf1";

    private SourceAlertIds() {
    }

    /**
     * The key for one build: a re-sent alert for the same build is a duplicate.
     *
     * @param controllerId stable identity of the controller (e.g. its instance id or root URL)
     * @param jobFullName full job name including folders, e.g. {@code team/payments/main}
     * @param buildNumber the build number, at least 1
     * @return the id
     */
    public static String forBuild(final String controllerId, final String jobFullName, final int buildNumber) {
        return numbered("b", controllerId, jobFullName, buildNumber, "buildNumber");
    }

    /**
     * The key for a failure streak: every failing build after the first one maps to the same id, so a job
     * that keeps failing opens one incident.
     *
     * @param controllerId stable identity of the controller
     * @param jobFullName full job name including folders
     * @param firstFailingBuildNumber the number of the build that started the streak, at least 1
     * @return the id
     */
    public static String forStreak(final String controllerId, final String jobFullName,
            final int firstFailingBuildNumber) {
        return numbered("s", controllerId, jobFullName, firstFailingBuildNumber, "firstFailingBuildNumber");
    }

    /**
     * The key for a caller-named scope within a job (e.g. {@code nightly-db-migration}).
     *
     * @param controllerId stable identity of the controller
     * @param jobFullName full job name including folders
     * @param scope any non-blank text chosen by the caller
     * @return the id
     */
    public static String forScope(final String controllerId, final String jobFullName, final String scope) {
        requireText("controllerId", controllerId);
        requireText("jobFullName", jobFullName);
        requireText("scope", scope);
        String hash = hash("scope\n" + jobFullName + "\n" + scope);
        String head = VERSION + "-" + hash(controllerId) + "-x-";
        int room = MAX_LENGTH - head.length() - 1 - HASH_HEX;
        String jobSlug = slug(jobFullName);
        String scopeSlug = slug(scope);
        // Share the room fairly: each part keeps at least half of it, or all it needs.
        int jobRoom = Math.max(room / 2, room - 1 - scopeSlug.length());
        jobSlug = cut(jobSlug, jobRoom);
        scopeSlug = cut(scopeSlug, room - 1 - jobSlug.length());
        return head + jobSlug + "." + scopeSlug + "-" + hash;
    }

    private static String numbered(final String kind, final String controllerId, final String jobFullName,
            final int number, final String field) {
        requireText("controllerId", controllerId);
        requireText("jobFullName", jobFullName);
        if (number < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + number);
        }
        String head = VERSION + "-" + hash(controllerId) + "-" + kind + number + "-";
        String hash = hash("job\n" + jobFullName);
        String slug = cut(slug(jobFullName), MAX_LENGTH - head.length() - 1 - HASH_HEX);
        return head + slug + "-" + hash;
    }

    private static void requireText(final String field, final String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static String hash(final String text) {
        return DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, HASH_HEX);
    }

    /** Folder separators become dots, every other character outside {@code [A-Za-z0-9._-]} a dash. */
    static String slug(final String text) {
        StringBuilder slug = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char out;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-') {
                out = c;
            }
            else if (c == '/') {
                out = '.';
            }
            else {
                out = '-';
            }
            // Collapse runs of separators so "a  /  b" stays readable.
            if ((out == '-' || out == '.') && slug.length() > 0 && slug.charAt(slug.length() - 1) == out) {
                continue;
            }
            slug.append(out);
        }
        String result = trimSeparators(slug.toString());
        return result.isEmpty() ? "job" : result;
    }

    private static String cut(final String slug, final int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = trimSeparators(slug.substring(0, Math.max(1, max)));
        return cut.isEmpty() ? "j" : cut;
    }

    private static String trimSeparators(final String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '-' || text.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '.')) {
            end--;
        }
        return text.substring(start, end);
    }
}
