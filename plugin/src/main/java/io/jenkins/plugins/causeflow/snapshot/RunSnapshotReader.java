package io.jenkins.plugins.causeflow.snapshot;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.scm.ChangeLogSet;
import io.causeflow.client.failure.BuildResult;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.ChangeEntry;
import io.causeflow.client.failure.ChangeLog;
import io.causeflow.client.failure.ControllerInfo;
import io.causeflow.client.failure.FailureStreak;
import io.causeflow.client.failure.LogExcerpt;
import io.causeflow.client.failure.LogExcerptReader;
import io.causeflow.client.failure.LogSource;
import io.causeflow.client.failure.ScmInfo;
import io.causeflow.client.failure.SnapshotLimits;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.scm.RunWithSCM;

/**
 * The one class that reads a {@code Run} (job, result, causes, environment, changes, culprits, test results, flow
 * graph, log) into the plain {@link BuildSnapshot}. Optional plugins are read through small classes that are only
 * touched when their classes are present, so a controller without junit, workflow-api or display-url-api still works.
 * Every part is best effort: a part that cannot be read is left out and logged at FINE, never failing the alert.
 */
public final class RunSnapshotReader {
    private static final Logger LOGGER = Logger.getLogger(RunSnapshotReader.class.getName());

    private RunSnapshotReader() {
    }

    /**
     * Reads a build.
     *
     * @param run           the build (finished, or still running in a step)
     * @param environment   the build's environment (a step passes its context's, which includes {@code withEnv})
     * @param excerptLimits caps of the log excerpt
     * @param withStreak    whether to look back for the first failing build of the current streak
     * @return the snapshot
     */
    public static BuildSnapshot read(final Run<?, ?> run, final Map<String, String> environment,
            final LogExcerptReader.Limits excerptLimits, final boolean withStreak) {
        BuildResult result = currentResult(run);
        BuildSnapshot.Builder snapshot = BuildSnapshot.builder()
                .controller(ControllerInfo.jenkins(JenkinsFacade.controllerId(), null,
                        JenkinsFacade.rootUrl().orElse(null)))
                .jobFullName(run.getParent().getFullName())
                .jobDisplayName(run.getParent().getFullDisplayName())
                .buildNumber(run.getNumber())
                .buildId(run.getId())
                .result(result)
                .running(run.isBuilding())
                .startTime(Instant.ofEpochMilli(run.getStartTimeInMillis()))
                .duration(duration(run))
                .scm(ScmInfo.fromEnvironment(environment))
                .agent(environment.get("NODE_NAME"));
        for (Cause cause : run.getCauses()) {
            snapshot.cause(cause.getShortDescription());
        }
        snapshot.buildUrl(buildUrl(run).orElse(null)).jobUrl(jobUrl(run).orElse(null));
        if (run instanceof RunWithSCM<?, ?> scm) {
            snapshot.changes(changes(scm));
            culprits(scm).forEach(snapshot::culprit);
        }
        if (JenkinsFacade.isClassAvailable(TestResultsReader.MARKER_CLASS)) {
            snapshot.tests(TestResultsReader.read(run));
        }
        Optional<LogSource> stepLog = Optional.empty();
        if (JenkinsFacade.isClassAvailable(FlowGraphReader.MARKER_CLASS)) {
            FlowGraphReader.FlowFailures failures = FlowGraphReader.read(run);
            failures.nodes().forEach(snapshot::failedNode);
            stepLog = failures.failingStepLog();
            if (run.isBuilding() && run.getResult() == null && failures.stepFailed()) {
                // A Scripted Pipeline alerting from a catch block: Jenkins has no result yet (the build may still
                // recover), but the alert is sent for the step that failed, so it describes a failure.
                result = BuildResult.FAILURE;
                snapshot.result(result);
            }
        }
        snapshot.logExcerpt(excerpt(run, stepLog, excerptLimits).orElse(null));
        if (withStreak) {
            FailureStreak.firstFailingBuild(run.getNumber(), result, previousBuilds(run))
                    .ifPresent(snapshot::streakStart);
        }
        return snapshot.build();
    }

    /**
     * Reads a build's environment, or an empty map when it cannot be read.
     *
     * @param run      the build
     * @param listener its listener
     * @return the variables
     */
    public static Map<String, String> environment(final Run<?, ?> run, final TaskListener listener) {
        try {
            return run.getEnvironment(listener);
        }
        catch (IOException e) {
            LOGGER.log(Level.FINE, "Cannot read the environment of " + run.getExternalizableId(), e);
            return Map.of();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /**
     * Returns the result as plain data. A running build has no result yet unless something set one: it counts as
     * SUCCESS so far (Jenkins' own reading), and an explicit severity or title can still say otherwise.
     *
     * @param run the build
     * @return the result
     */
    public static BuildResult currentResult(final Run<?, ?> run) {
        return toBuildResult(run.getResult());
    }

    static BuildResult toBuildResult(@CheckForNull final Result result) {
        if (result == null || result == Result.SUCCESS) {
            return BuildResult.SUCCESS;
        }
        if (result == Result.UNSTABLE) {
            return BuildResult.UNSTABLE;
        }
        if (result == Result.FAILURE) {
            return BuildResult.FAILURE;
        }
        if (result == Result.NOT_BUILT) {
            return BuildResult.NOT_BUILT;
        }
        return BuildResult.ABORTED;
    }

    private static Duration duration(final Run<?, ?> run) {
        long millis = run.isBuilding()
                ? System.currentTimeMillis() - run.getStartTimeInMillis()
                : run.getDuration();
        return Duration.ofMillis(Math.max(0, millis));
    }

    private static Optional<String> buildUrl(final Run<?, ?> run) {
        if (JenkinsFacade.rootUrl().isEmpty()) {
            // Without a Jenkins URL every link would be display-url-api's http://unconfigured-jenkins-location/.
            return Optional.empty();
        }
        if (JenkinsFacade.isClassAvailable(DisplayUrls.MARKER_CLASS)) {
            try {
                return Optional.of(DisplayUrls.runUrl(run));
            }
            catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "display-url-api failed; using the root URL", e);
            }
        }
        return JenkinsFacade.absoluteUrl(run.getUrl());
    }

    private static Optional<String> jobUrl(final Run<?, ?> run) {
        if (JenkinsFacade.rootUrl().isEmpty()) {
            return Optional.empty();
        }
        if (JenkinsFacade.isClassAvailable(DisplayUrls.MARKER_CLASS)) {
            try {
                return Optional.of(DisplayUrls.jobUrl(run));
            }
            catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "display-url-api failed; using the root URL", e);
            }
        }
        return JenkinsFacade.absoluteUrl(run.getParent().getUrl());
    }

    private static ChangeLog changes(final RunWithSCM<?, ?> run) {
        List<ChangeEntry> entries = new ArrayList<>();
        int total = 0;
        for (ChangeLogSet<? extends ChangeLogSet.Entry> set : run.getChangeSets()) {
            for (ChangeLogSet.Entry entry : set) {
                total++;
                if (entries.size() < SnapshotLimits.MAX_CHANGES) {
                    User author = entry.getAuthor();
                    entries.add(ChangeEntry.of(entry.getCommitId(), author == null ? null : author.getFullName(),
                            entry.getMsg()));
                }
            }
        }
        return new ChangeLog(entries, total - entries.size());
    }

    private static List<String> culprits(final RunWithSCM<?, ?> run) {
        try {
            List<String> ids = new ArrayList<>();
            for (User user : run.getCulprits()) {
                if (ids.size() >= SnapshotLimits.MAX_CULPRITS) {
                    break;
                }
                ids.add(user.getId());
            }
            return ids;
        }
        catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot compute culprits", e);
            return List.of();
        }
    }

    private static Optional<LogExcerpt> excerpt(final Run<?, ?> run, final Optional<LogSource> stepLog,
            final LogExcerptReader.Limits limits) {
        LogExcerptReader reader = LogExcerptReader.withLimits(limits);
        try {
            if (stepLog.isPresent()) {
                LogExcerpt excerpt = reader.read(stepLog.get(), LogExcerpt.Origin.STEP_LOG);
                if (!excerpt.isEmpty()) {
                    return Optional.of(excerpt);
                }
            }
            // Never Run.getLog(int) or a whole-log read: only a bounded tail by byte offset.
            return Optional.of(reader.read(new LargeTextLogSource(run.getLogText()), LogExcerpt.Origin.BUILD_LOG_TAIL));
        }
        catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot read the log of " + run.getExternalizableId(), e);
            return Optional.empty();
        }
    }

    /**
     * The builds before this one, newest first, as plain data; loads each lazily and stops where the streak logic
     * stops asking.
     */
    private static Iterator<FailureStreak.PastBuild> previousBuilds(final Run<?, ?> run) {
        return new Iterator<>() {
            @CheckForNull
            private Run<?, ?> next = run.getPreviousBuild();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public FailureStreak.PastBuild next() {
                Run<?, ?> current = next;
                if (current == null) {
                    throw new NoSuchElementException();
                }
                next = current.getPreviousBuild();
                return current.isBuilding() ? FailureStreak.PastBuild.running(current.getNumber())
                        : FailureStreak.PastBuild.of(current.getNumber(), toBuildResult(current.getResult()));
            }
        };
    }
}
