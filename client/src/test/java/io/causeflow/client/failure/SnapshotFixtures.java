package io.causeflow.client.failure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ready-made snapshots for tests here and in the plugin (shipped in the client's test-jar): a freestyle failure, a
 * Pipeline whose stage fails inside parallel branches, and a build with 1,000 failed tests. Their log excerpts are
 * read by the real {@link LogExcerptReader} from the logs next to this class.
 */
public final class SnapshotFixtures {
    /** The controller every fixture ran on. */
    public static final ControllerInfo CONTROLLER = ControllerInfo.jenkins("jenkins-prod", "Jenkins (prod)",
            "https://ci.example.com/");

    private SnapshotFixtures() {
    }

    /**
     * A freestyle Maven job whose tests failed, with Git variables, two changes and a build-log tail.
     *
     * @return the snapshot
     */
    public static BuildSnapshot freestyleFailure() {
        return BuildSnapshot.builder()
                .controller(CONTROLLER)
                .jobFullName("billing-service")
                .buildNumber(118)
                .result(BuildResult.FAILURE)
                .startTime(Instant.parse("2026-11-26T21:14:03Z"))
                .duration(Duration.ofSeconds(74))
                .cause("Started by user alice")
                .buildUrl("https://ci.example.com/job/billing-service/118/")
                .jobUrl("https://ci.example.com/job/billing-service/")
                .agent("linux-agent-3")
                .scm(ScmInfo.fromEnvironment(Map.of(
                        "GIT_COMMIT", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                        "GIT_BRANCH", "origin/main",
                        "GIT_URL", "https://git.example.com/billing/billing-service.git")))
                .changes(ChangeLog.of(List.of(
                        ChangeEntry.of("9fceb02d0ae598e95dc970b74767f19372d61af8", "alice",
                                "Round invoice totals half-even\n\nFinance asked for banker's rounding."),
                        ChangeEntry.of("3b18e512dba79e4c8300dd08aeb37f8e728b8dad", "bob", "Bump surefire"))))
                .culprit("alice")
                .culprit("bob")
                .tests(TestSummary.of(412, 2, 3, List.of(
                        FailedTest.of("com.example.billing.InvoiceTest", "shouldRoundHalfEven",
                                "expected: <10.25> but was: <10.24>", List.of()),
                        FailedTest.of("com.example.billing.InvoiceTest", "shouldRoundNegative",
                                "expected: <-3.15> but was: <-3.14>", List.of()))))
                .logExcerpt(excerpt("freestyle-console.log", LogExcerpt.Origin.BUILD_LOG_TAIL))
                .build();
    }

    /**
     * A multibranch Pipeline on {@code main} whose stage {@code Test} fails in its parallel branches {@code linux}
     * and {@code windows}; failing since build 40, with a change request context absent (a branch build).
     *
     * @return the snapshot
     */
    public static BuildSnapshot pipelineParallelFailure() {
        return BuildSnapshot.builder()
                .controller(CONTROLLER)
                .jobFullName("team/app/main")
                .jobDisplayName("main")
                .buildNumber(42)
                .result(BuildResult.FAILURE)
                .startTime(Instant.parse("2026-11-26T22:40:00Z"))
                .duration(Duration.ofMinutes(6).plusSeconds(12))
                .cause("Branch event")
                .buildUrl("https://ci.example.com/job/team/job/app/job/main/42/")
                .jobUrl("https://ci.example.com/job/team/job/app/job/main/")
                .agent("k8s-agent-7f9c")
                .scm(ScmInfo.fromEnvironment(Map.of(
                        "BRANCH_NAME", "main",
                        "GIT_COMMIT", "e83c5163316f89bfbde7d9ab23ca2e25604af290",
                        "GIT_URL", "https://git.example.com/team/app.git")))
                .changes(ChangeLog.of(List.of(ChangeEntry.of("e83c5163316f89bfbde7d9ab23ca2e25604af290", "carol",
                        "Validate order quantities"))))
                .culprit("carol")
                .tests(TestSummary.of(87, 2, 0, List.of(
                        FailedTest.of("com.example.orders.OrderServiceTest", "shouldRejectNegativeQuantity()",
                                "java.lang.IllegalStateException: quantity must be positive: -1",
                                List.of("Test", "linux")),
                        FailedTest.of("com.example.orders.OrderServiceTest", "shouldRejectNegativeQuantity()",
                                "java.lang.IllegalStateException: quantity must be positive: -1",
                                List.of("Test", "windows")))))
                .failedNode(FailedNode.stage("Test", List.of(), "script returned exit code 1", "sh"))
                .failedNode(FailedNode.branch("linux", List.of("Test"), "script returned exit code 1", "sh"))
                .failedNode(FailedNode.branch("windows", List.of("Test"), "script returned exit code 1", "bat"))
                .logExcerpt(excerpt("pipeline-step.log", LogExcerpt.Origin.STEP_LOG))
                .streakStart(40)
                .build();
    }

    /**
     * A build with 1,000 failed tests (generated), to check caps and counts.
     *
     * @return the snapshot
     */
    public static BuildSnapshot thousandFailedTests() {
        List<FailedTest> failed = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            failed.add(FailedTest.of("com.example.generated.Suite" + i / 100, "shouldPass" + i,
                    "expected: <" + i + "> but was: <" + (i + 1) + ">\n\tat a.very.long.StackTrace", List.of("Test")));
        }
        return BuildSnapshot.builder()
                .controller(CONTROLLER)
                .jobFullName("team/monolith/main")
                .buildNumber(7)
                .result(BuildResult.UNSTABLE)
                .scm(ScmInfo.fromEnvironment(Map.of("BRANCH_NAME", "main")))
                .tests(TestSummary.of(25_000, 1_000, 12, failed))
                .build();
    }

    /**
     * Returns the path of a fixture file next to this class (only when the test classes are a directory, i.e. in
     * this module's own tests).
     *
     * @param name the file name
     * @return its path
     */
    public static Path resource(final String name) {
        try {
            return Path.of(SnapshotFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    /** Reads the log from the class path, so the fixtures also work from the client's test-jar. */
    private static LogExcerpt excerpt(final String name, final LogExcerpt.Origin origin) {
        try (InputStream in = SnapshotFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            byte[] log = in.readAllBytes();
            return LogExcerptReader.withDefaults().read(new LogSource() {
                @Override
                public long length() {
                    return log.length;
                }

                @Override
                public InputStream openFrom(final long offset) {
                    return new ByteArrayInputStream(log, (int) offset, log.length - (int) offset);
                }
            }, origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
