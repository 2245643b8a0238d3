package io.causeflow.client.failure;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Plain data of a finished or still running build: everything the alert is made of. The plugin fills it from a
 * Jenkins {@code Run} at its edge, the command line from options, JUnit XML and a log file; the
 * {@link FailureAlertMapper} turns it into an alert. Every list is copied and capped (see {@link SnapshotLimits}).
 *
 * @param controller         the CI controller that ran the build
 * @param jobFullName        full job name, folders separated by {@code /}, e.g. {@code team/app/main}
 * @param jobDisplayName     human job name
 * @param buildNumber        build number, at least 1
 * @param buildId            build id (Jenkins: usually the number as a string)
 * @param result             the result, or the current result while the build still runs
 * @param running            true when the build has not finished yet (a Pipeline step sends while running)
 * @param startTime          when the build started
 * @param duration           how long it took (or has taken so far)
 * @param causes             why it started, e.g. {@code Started by user alice}
 * @param buildUrl           link to the build
 * @param jobUrl             link to the job
 * @param agent              the agent (node) it ran on
 * @param scm                branch, change request and commit
 * @param changes            the changes that went into it
 * @param culprits           user ids of the culprits
 * @param tests              test totals and failed tests
 * @param failedNodes        failed Pipeline stages and parallel branches, outermost first (empty for freestyle)
 * @param omittedFailedNodes failed nodes left out beyond {@link SnapshotLimits#MAX_FAILED_NODES}
 * @param logExcerpt         bounded excerpt of the failing step's log or the build log's tail
 * @param streakStart        number of the first failing build of the current failure streak, when known
 */
public record BuildSnapshot(ControllerInfo controller, String jobFullName, String jobDisplayName, int buildNumber,
        String buildId, BuildResult result, boolean running, Optional<Instant> startTime,
        Optional<Duration> duration, List<String> causes, Optional<String> buildUrl, Optional<String> jobUrl,
        Optional<String> agent, ScmInfo scm, ChangeLog changes, List<String> culprits, TestSummary tests,
        List<FailedNode> failedNodes, int omittedFailedNodes, Optional<LogExcerpt> logExcerpt,
        OptionalInt streakStart) {
    /** Validates the identity fields and caps every list. */
    public BuildSnapshot {
        jobFullName = Texts.required(jobFullName, "jobFullName", SnapshotLimits.MAX_NAME_CHARS);
        jobDisplayName = jobDisplayName == null || jobDisplayName.isBlank()
                ? lastSegment(jobFullName) : Texts.truncate(jobDisplayName.strip(), SnapshotLimits.MAX_NAME_CHARS);
        if (buildNumber < 1) {
            throw new IllegalArgumentException("buildNumber must be at least 1: " + buildNumber);
        }
        buildId = buildId == null || buildId.isBlank()
                ? Integer.toString(buildNumber) : Texts.truncate(buildId.strip(), SnapshotLimits.MAX_NAME_CHARS);
        if (duration.isPresent() && duration.get().isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration.get());
        }
        causes = Texts.boundedList(causes, SnapshotLimits.MAX_CAUSES, SnapshotLimits.MAX_NAME_CHARS);
        buildUrl = Texts.bounded(buildUrl, SnapshotLimits.MAX_NAME_CHARS);
        jobUrl = Texts.bounded(jobUrl, SnapshotLimits.MAX_NAME_CHARS);
        agent = Texts.bounded(agent, SnapshotLimits.MAX_NAME_CHARS);
        culprits = Texts.boundedList(culprits, SnapshotLimits.MAX_CULPRITS, SnapshotLimits.MAX_NAME_CHARS);
        if (omittedFailedNodes < 0) {
            throw new IllegalArgumentException("omittedFailedNodes must not be negative: " + omittedFailedNodes);
        }
        if (failedNodes.size() > SnapshotLimits.MAX_FAILED_NODES) {
            omittedFailedNodes += failedNodes.size() - SnapshotLimits.MAX_FAILED_NODES;
            failedNodes = failedNodes.subList(0, SnapshotLimits.MAX_FAILED_NODES);
        }
        failedNodes = List.copyOf(failedNodes);
        if (streakStart.isPresent() && (streakStart.getAsInt() < 1 || streakStart.getAsInt() > buildNumber)) {
            throw new IllegalArgumentException("streakStart must be between 1 and the build number " + buildNumber
                    + ": " + streakStart.getAsInt());
        }
    }

    private static String lastSegment(final String fullName) {
        int slash = fullName.lastIndexOf('/');
        return slash < 0 ? fullName : fullName.substring(slash + 1);
    }

    /**
     * Starts a builder. Required: controller, job full name, build number and result.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this snapshot's values, to derive a changed copy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.controller = controller;
        builder.jobFullName = jobFullName;
        builder.jobDisplayName = jobDisplayName;
        builder.buildNumber = buildNumber;
        builder.buildId = buildId;
        builder.result = result;
        builder.running = running;
        builder.startTime = startTime.orElse(null);
        builder.duration = duration.orElse(null);
        builder.causes.addAll(causes);
        builder.buildUrl = buildUrl.orElse(null);
        builder.jobUrl = jobUrl.orElse(null);
        builder.agent = agent.orElse(null);
        builder.scm = scm;
        builder.changes = changes;
        builder.culprits.addAll(culprits);
        builder.tests = tests;
        builder.failedNodes.addAll(failedNodes);
        builder.omittedFailedNodes = omittedFailedNodes;
        builder.logExcerpt = logExcerpt.orElse(null);
        builder.streakStart = streakStart.isPresent() ? streakStart.getAsInt() : null;
        return builder;
    }

    /**
     * Returns the first failed stage or branch, the one a title names.
     *
     * @return the first failed node, if any
     */
    public Optional<FailedNode> firstFailedNode() {
        return failedNodes.isEmpty() ? Optional.empty() : Optional.of(failedNodes.get(0));
    }

    /**
     * Collects a snapshot's values. Setters accept null for "unknown", since the edge reads many nullable values.
     */
    public static final class Builder {
        @CheckForNull
        private ControllerInfo controller;
        @CheckForNull
        private String jobFullName;
        @CheckForNull
        private String jobDisplayName;
        private int buildNumber;
        @CheckForNull
        private String buildId;
        @CheckForNull
        private BuildResult result;
        private boolean running;
        @CheckForNull
        private Instant startTime;
        @CheckForNull
        private Duration duration;
        private final List<String> causes = new ArrayList<>();
        @CheckForNull
        private String buildUrl;
        @CheckForNull
        private String jobUrl;
        @CheckForNull
        private String agent;
        private ScmInfo scm = ScmInfo.none();
        private ChangeLog changes = ChangeLog.none();
        private final List<String> culprits = new ArrayList<>();
        private TestSummary tests = TestSummary.none();
        private final List<FailedNode> failedNodes = new ArrayList<>();
        private int omittedFailedNodes;
        @CheckForNull
        private LogExcerpt logExcerpt;
        @CheckForNull
        private Integer streakStart;

        private Builder() {
        }

        /**
         * Sets the controller.
         *
         * @param value the controller
         * @return this
         */
        public Builder controller(final ControllerInfo value) {
            this.controller = value;
            return this;
        }

        /**
         * Sets full job name.
         *
         * @param value full job name
         * @return this
         */
        public Builder jobFullName(final String value) {
            this.jobFullName = value;
            return this;
        }

        /**
         * Sets display name or null (then the last segment of the full name).
         *
         * @param value display name or null (then the last segment of the full name)
         * @return this
         */
        public Builder jobDisplayName(@CheckForNull final String value) {
            this.jobDisplayName = value;
            return this;
        }

        /**
         * Sets build number.
         *
         * @param value build number
         * @return this
         */
        public Builder buildNumber(final int value) {
            this.buildNumber = value;
            return this;
        }

        /**
         * Sets build id or null (then the number).
         *
         * @param value build id or null (then the number)
         * @return this
         */
        public Builder buildId(@CheckForNull final String value) {
            this.buildId = value;
            return this;
        }

        /**
         * Sets result (the current one while running).
         *
         * @param value result (the current one while running)
         * @return this
         */
        public Builder result(final BuildResult value) {
            this.result = value;
            return this;
        }

        /**
         * Sets true while the build runs.
         *
         * @param value true while the build runs
         * @return this
         */
        public Builder running(final boolean value) {
            this.running = value;
            return this;
        }

        /**
         * Sets start time or null.
         *
         * @param value start time or null
         * @return this
         */
        public Builder startTime(@CheckForNull final Instant value) {
            this.startTime = value;
            return this;
        }

        /**
         * Sets duration or null.
         *
         * @param value duration or null
         * @return this
         */
        public Builder duration(@CheckForNull final Duration value) {
            this.duration = value;
            return this;
        }

        /**
         * Adds a cause, e.g. {@code Started by user alice}; null or blank is ignored.
         *
         * @param value one cause, e.g. {@code Started by user alice}; null or blank is ignored
         * @return this
         */
        public Builder cause(@CheckForNull final String value) {
            if (value != null && !value.isBlank()) {
                causes.add(value);
            }
            return this;
        }

        /**
         * Sets build URL or null.
         *
         * @param value build URL or null
         * @return this
         */
        public Builder buildUrl(@CheckForNull final String value) {
            this.buildUrl = value;
            return this;
        }

        /**
         * Sets job URL or null.
         *
         * @param value job URL or null
         * @return this
         */
        public Builder jobUrl(@CheckForNull final String value) {
            this.jobUrl = value;
            return this;
        }

        /**
         * Sets agent name or null.
         *
         * @param value agent name or null
         * @return this
         */
        public Builder agent(@CheckForNull final String value) {
            this.agent = value;
            return this;
        }

        /**
         * Sets SCM info.
         *
         * @param value SCM info
         * @return this
         */
        public Builder scm(final ScmInfo value) {
            this.scm = value;
            return this;
        }

        /**
         * Sets the changes.
         *
         * @param value the changes
         * @return this
         */
        public Builder changes(final ChangeLog value) {
            this.changes = value;
            return this;
        }

        /**
         * Adds a culprit; null or blank is ignored.
         *
         * @param value one culprit; null or blank is ignored
         * @return this
         */
        public Builder culprit(@CheckForNull final String value) {
            if (value != null && !value.isBlank()) {
                culprits.add(value);
            }
            return this;
        }

        /**
         * Sets test summary.
         *
         * @param value test summary
         * @return this
         */
        public Builder tests(final TestSummary value) {
            this.tests = value;
            return this;
        }

        /**
         * Adds a failed stage or branch; add them outermost first.
         *
         * @param value one failed stage or branch, outermost first
         * @return this
         */
        public Builder failedNode(final FailedNode value) {
            failedNodes.add(value);
            return this;
        }

        /**
         * Sets log excerpt or null.
         *
         * @param value log excerpt or null
         * @return this
         */
        public Builder logExcerpt(@CheckForNull final LogExcerpt value) {
            this.logExcerpt = value;
            return this;
        }

        /**
         * Sets first failing build of the current streak, or null when unknown.
         *
         * @param value first failing build of the current streak, or null when unknown
         * @return this
         */
        public Builder streakStart(@CheckForNull final Integer value) {
            this.streakStart = value;
            return this;
        }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         * @throws IllegalStateException naming the first missing required field
         * @throws IllegalArgumentException naming an invalid value
         */
        public BuildSnapshot build() {
            if (controller == null) {
                throw new IllegalStateException("BuildSnapshot: controller is required");
            }
            if (jobFullName == null) {
                throw new IllegalStateException("BuildSnapshot: jobFullName is required");
            }
            if (buildNumber == 0) {
                throw new IllegalStateException("BuildSnapshot: buildNumber is required");
            }
            if (result == null) {
                throw new IllegalStateException("BuildSnapshot: result is required");
            }
            return new BuildSnapshot(controller, jobFullName, jobDisplayName, buildNumber, buildId, result, running,
                    Optional.ofNullable(startTime), Optional.ofNullable(duration), causes,
                    Optional.ofNullable(buildUrl), Optional.ofNullable(jobUrl), Optional.ofNullable(agent), scm,
                    changes, culprits, tests, failedNodes, omittedFailedNodes, Optional.ofNullable(logExcerpt),
                    streakStart == null ? OptionalInt.empty() : OptionalInt.of(streakStart));
        }
    }
}
