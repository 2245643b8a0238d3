package io.causeflow.client.failure;

import java.util.Map;
import java.util.Optional;

/**
 * Branch, change request and commit of a build, as the usual CI environment variables describe them (Jenkins
 * multibranch sets {@code BRANCH_NAME}, {@code CHANGE_*}; the Git plugin sets {@code GIT_*}).
 *
 * @param branch       {@code BRANCH_NAME}: the multibranch branch or change request job name (e.g. {@code main},
 *                     {@code PR-12})
 * @param changeId     {@code CHANGE_ID}: the change request number
 * @param changeUrl    {@code CHANGE_URL}
 * @param changeTarget {@code CHANGE_TARGET}: the branch the change request targets
 * @param changeTitle  {@code CHANGE_TITLE}
 * @param changeAuthor {@code CHANGE_AUTHOR}
 * @param commit       {@code GIT_COMMIT}
 * @param gitBranch    {@code GIT_BRANCH}: e.g. {@code origin/main}
 * @param gitUrl       {@code GIT_URL}: the repository
 */
public record ScmInfo(Optional<String> branch, Optional<String> changeId, Optional<String> changeUrl,
        Optional<String> changeTarget, Optional<String> changeTitle, Optional<String> changeAuthor,
        Optional<String> commit, Optional<String> gitBranch, Optional<String> gitUrl) {
    private static final int MAX = SnapshotLimits.MAX_NAME_CHARS;

    /** Bounds every value and drops blank ones. */
    public ScmInfo {
        branch = Texts.bounded(branch, MAX);
        changeId = Texts.bounded(changeId, MAX);
        changeUrl = Texts.bounded(changeUrl, MAX);
        changeTarget = Texts.bounded(changeTarget, MAX);
        changeTitle = Texts.bounded(changeTitle, MAX);
        changeAuthor = Texts.bounded(changeAuthor, MAX);
        commit = Texts.bounded(commit, MAX);
        gitBranch = Texts.bounded(gitBranch, MAX);
        gitUrl = Texts.bounded(gitUrl, MAX);
    }

    /**
     * Returns an SCM info with nothing known.
     *
     * @return the empty value
     */
    public static ScmInfo none() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads the SCM info from a build's environment variables ({@code BRANCH_NAME}, {@code CHANGE_ID},
     * {@code CHANGE_URL}, {@code CHANGE_TARGET}, {@code CHANGE_TITLE}, {@code CHANGE_AUTHOR}, {@code GIT_COMMIT},
     * {@code GIT_BRANCH}, {@code GIT_URL}); other variables are ignored, so the whole environment may be passed.
     *
     * @param environment the variables
     * @return the value
     */
    public static ScmInfo fromEnvironment(final Map<String, String> environment) {
        return new ScmInfo(get(environment, "BRANCH_NAME"), get(environment, "CHANGE_ID"),
                get(environment, "CHANGE_URL"), get(environment, "CHANGE_TARGET"), get(environment, "CHANGE_TITLE"),
                get(environment, "CHANGE_AUTHOR"), get(environment, "GIT_COMMIT"), get(environment, "GIT_BRANCH"),
                get(environment, "GIT_URL"));
    }

    private static Optional<String> get(final Map<String, String> environment, final String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /**
     * Returns the branch the build is about: {@code BRANCH_NAME} when set, else {@code GIT_BRANCH} without a
     * leading remote name ({@code origin/main} becomes {@code main}).
     *
     * @return the effective branch, if any
     */
    public Optional<String> effectiveBranch() {
        if (branch.isPresent()) {
            return branch;
        }
        return gitBranch.map(value -> {
            if (value.startsWith("refs/heads/")) {
                return value.substring("refs/heads/".length());
            }
            if (value.startsWith("origin/")) {
                return value.substring("origin/".length());
            }
            return value;
        });
    }

    /**
     * Returns whether any value is known.
     *
     * @return false when this is {@link #none()}
     */
    public boolean isKnown() {
        return branch.isPresent() || changeId.isPresent() || commit.isPresent() || gitBranch.isPresent()
                || gitUrl.isPresent() || changeUrl.isPresent();
    }
}
