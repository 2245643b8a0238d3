package io.causeflow.client.failure;

import io.causeflow.client.AlertLimits;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * How the alert's {@code service} is chosen when no explicit service is given. Text forms: {@code none},
 * {@code top-folder}, {@code job-name}, {@code fixed:NAME}.
 *
 * @param kind  the rule
 * @param fixed the name for {@link Kind#FIXED}, else empty
 */
public record ServiceRule(Kind kind, Optional<String> fixed) {
    /** Checks that a fixed name is given exactly for {@link Kind#FIXED}. */
    public ServiceRule {
        fixed = Texts.bounded(fixed, AlertLimits.NAME_MAX_CHARS);
        if (kind == Kind.FIXED && fixed.isEmpty()) {
            throw new IllegalArgumentException("service rule fixed needs a name, e.g. fixed:billing");
        }
        if (kind != Kind.FIXED && fixed.isPresent()) {
            throw new IllegalArgumentException("service rule " + kind.word() + " takes no name");
        }
    }

    /**
     * No service.
     *
     * @return the rule
     */
    public static ServiceRule none() {
        return new ServiceRule(Kind.NONE, Optional.empty());
    }

    /**
     * The first folder of the job's full name ({@code team} for {@code team/app/main}); a top-level job is its own
     * service.
     *
     * @return the rule
     */
    public static ServiceRule topFolder() {
        return new ServiceRule(Kind.TOP_FOLDER, Optional.empty());
    }

    /**
     * The job's full name without a multibranch branch ({@code team/app} for {@code team/app/main} on branch main).
     *
     * @return the rule
     */
    public static ServiceRule jobName() {
        return new ServiceRule(Kind.JOB_NAME, Optional.empty());
    }

    /**
     * Always the same service.
     *
     * @param name the service
     * @return the rule
     */
    public static ServiceRule fixed(final String name) {
        return new ServiceRule(Kind.FIXED, Optional.of(name));
    }

    /**
     * Parses {@code none}, {@code top-folder}, {@code job-name} or {@code fixed:NAME}.
     *
     * @param text the rule
     * @return the rule
     * @throws IllegalArgumentException naming the bad value
     */
    public static ServiceRule parse(final String text) {
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "fixed:", 0, "fixed:".length())) {
            return fixed(trimmed.substring("fixed:".length()));
        }
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "none", "" -> none();
            case "top-folder" -> topFolder();
            case "job-name" -> jobName();
            default -> throw new IllegalArgumentException("Unknown service rule '" + trimmed
                    + "'; expected none, top-folder, job-name or fixed:NAME");
        };
    }

    /**
     * Applies the rule.
     *
     * @param snapshot the build
     * @return the service, bounded to the client's limit; empty for {@link Kind#NONE}
     */
    public Optional<String> serviceFor(final BuildSnapshot snapshot) {
        String job = snapshot.jobFullName();
        Optional<String> service = switch (kind) {
            case NONE -> Optional.empty();
            case FIXED -> fixed;
            case TOP_FOLDER -> Optional.of(job.contains("/") ? job.substring(0, job.indexOf('/')) : job);
            case JOB_NAME -> Optional.of(withoutBranch(job, snapshot.scm().branch()));
        };
        return Texts.bounded(service, AlertLimits.NAME_MAX_CHARS);
    }

    /** Multibranch jobs are named after the branch with {@code /} encoded, e.g. {@code feature%2Fx}. */
    private static String withoutBranch(final String job, final Optional<String> branch) {
        int slash = job.lastIndexOf('/');
        if (branch.isEmpty() || slash < 0) {
            return job;
        }
        String last = job.substring(slash + 1);
        String encoded = URLEncoder.encode(branch.get(), StandardCharsets.UTF_8);
        boolean isBranchJob = last.equals(branch.get()) || last.equalsIgnoreCase(encoded)
                || last.equalsIgnoreCase(branch.get().replace("/", "%2F"));
        return isBranchJob ? job.substring(0, slash) : job;
    }

    @Override
    public String toString() {
        return kind == Kind.FIXED ? "fixed:" + fixed.orElseThrow() : kind.word();
    }

    /** The kinds of service rule. */
    public enum Kind {
        NONE,
        TOP_FOLDER,
        JOB_NAME,
        FIXED;

        String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
