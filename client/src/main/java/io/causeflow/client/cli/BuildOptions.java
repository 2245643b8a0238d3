package io.causeflow.client.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.Alert;
import io.causeflow.client.failure.AlertOverrides;
import io.causeflow.client.failure.BuildFiles;
import io.causeflow.client.failure.BuildResult;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.ControllerInfo;
import io.causeflow.client.failure.DedupScope;
import io.causeflow.client.failure.FailureAlertMapper;
import io.causeflow.client.failure.MappingRules;
import io.causeflow.client.failure.ScmInfo;
import io.causeflow.client.failure.ServiceRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code send}'s build mode: describe a CI build (JUnit reports, log, job, number, result) and let the same
 * {@link FailureAlertMapper} the Jenkins plugin uses write the alert, so any CI system sends the same alert. The
 * plain alert options ({@code --title}, {@code --severity}, {@code --tag}, ...) become explicit overrides.
 */
final class BuildOptions {
    /** Environment variables the SCM info is read from when no option gives it (Jenkins and many CI systems). */
    private static final List<String> SCM_VARIABLES = List.of("BRANCH_NAME", "CHANGE_ID", "CHANGE_URL",
            "CHANGE_TARGET", "CHANGE_TITLE", "CHANGE_AUTHOR", "GIT_COMMIT", "GIT_BRANCH", "GIT_URL");

    @Option(names = "--from-junit", paramLabel = "DIR", description = "Build mode: JUnit XML reports (a directory "
            + "searched recursively, or one file) for the failed tests.")
    @CheckForNull
    private Path junitReports;

    @Option(names = "--log", paramLabel = "FILE", description = "Build mode: the build log; only its end is read.")
    @CheckForNull
    private Path log;

    @Option(names = "--job", paramLabel = "NAME", description = "Build mode: full job name, e.g. team/app/main.")
    @CheckForNull
    private String job;

    @Option(names = "--build", paramLabel = "N", description = "Build mode: build number.")
    @CheckForNull
    private Integer build;

    @Option(names = "--result", paramLabel = "RESULT",
            description = "Build mode: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT or ABORTED.")
    @CheckForNull
    private String result;

    @Option(names = "--branch", paramLabel = "NAME", description = "Build mode: branch (default: $BRANCH_NAME).")
    @CheckForNull
    private String branch;

    @Option(names = "--commit", paramLabel = "SHA", description = "Build mode: commit (default: $GIT_COMMIT).")
    @CheckForNull
    private String commit;

    @Option(names = "--build-url", paramLabel = "URL", description = "Build mode: link to the build.")
    @CheckForNull
    private String buildUrl;

    @Option(names = "--ci", paramLabel = "NAME", description = "Build mode: CI system, the ci tag (default: ci).")
    private String ciSystem = "ci";

    @Option(names = "--controller-id", paramLabel = "ID",
            description = "Build mode: CI server identity in the sourceAlertId (default: the --ci value).")
    @CheckForNull
    private String controllerId;

    @Option(names = "--dedup-scope", paramLabel = "SCOPE", description = "Build mode: build (default) or streak.")
    private String dedupScope = "build";

    @Option(names = "--streak-start", paramLabel = "N",
            description = "Build mode: first failing build of the current streak (for --dedup-scope streak).")
    @CheckForNull
    private Integer streakStart;

    @Option(names = "--severity-rules", paramLabel = "FILE",
            description = "Build mode: severity rules, one per line, e.g. branch:main,result:FAILURE=critical.")
    @CheckForNull
    private Path severityRules;

    @Option(names = "--service-rule", paramLabel = "RULE",
            description = "Build mode: top-folder (default), job-name, none or fixed:NAME.")
    private String serviceRule = "top-folder";

    /** Whether any build-mode input was given. */
    boolean isRequested() {
        return junitReports != null || log != null || job != null || build != null || result != null;
    }

    /**
     * Maps the described build to an alert.
     *
     * @param context   the environment (SCM variables)
     * @param overrides the explicit alert options
     * @return the mapped alert, as a builder like the other inputs
     * @throws UsageException naming what is missing or unreadable
     */
    Alert.Builder alert(final CliContext context, final AlertOverrides overrides) throws UsageException {
        if (job == null || build == null || result == null) {
            throw new UsageException("--from-junit/--log need --job, --build and --result");
        }
        Map<String, String> scm = new HashMap<>();
        for (String name : SCM_VARIABLES) {
            Optional.ofNullable(context.env(name)).ifPresent(value -> scm.put(name, value));
        }
        Optional.ofNullable(branch).ifPresent(value -> scm.put("BRANCH_NAME", value));
        Optional.ofNullable(commit).ifPresent(value -> scm.put("GIT_COMMIT", value));
        BuildSnapshot.Builder snapshot = BuildSnapshot.builder()
                .controller(ControllerInfo.of(ciSystem, controllerId == null ? ciSystem : controllerId, null, null))
                .jobFullName(job).buildNumber(build).result(BuildResult.parse(result))
                .buildUrl(buildUrl).scm(ScmInfo.fromEnvironment(scm)).streakStart(streakStart);
        try {
            new BuildFiles(Optional.ofNullable(junitReports), Optional.ofNullable(log)).readInto(snapshot);
            MappingRules.Builder rules = MappingRules.builder().dedupScope(DedupScope.parse(dedupScope))
                    .serviceRule(ServiceRule.parse(serviceRule));
            if (severityRules != null) {
                rules.severityRules(InputFiles.readString(severityRules, InputFiles.MAX_RULES_BYTES,
                        "--severity-rules"));
            }
            BuildSnapshot build = snapshot.build();
            if (build.tests().unreadableReports() > 0) {
                // The alert says so too; the console tells whoever runs the command now.
                context.err().println("causeflow: " + StreamCommand.oneLine(
                        FailureAlertMapper.unreadableReports(build.tests())) + "; sending the alert without them");
                context.err().flush();
            }
            return FailureAlertMapper.map(build, rules.build(), overrides).toBuilder();
        } catch (IOException e) {
            throw new UsageException("cannot read build input: " + e.getMessage());
        }
    }
}
