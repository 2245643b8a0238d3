package io.causeflow.client.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.client.Alert;
import io.causeflow.client.AlertLimits;
import io.causeflow.client.Severity;
import io.causeflow.client.SourceAlertIds;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Tests the class {@link FailureAlertMapper}. */
class FailureAlertMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldTitleTheFailedStageAndParallelBranch() {
        Alert alert = map(SnapshotFixtures.pipelineParallelFailure());

        assertThat(alert.title()).isEqualTo("FAILURE: team/app/main #42, stage Test, branch linux (+1 more)");
    }

    @Test
    void shouldTitleAFreestyleFailureWithItsFailedTests() {
        assertThat(map(SnapshotFixtures.freestyleFailure()).title()).isEqualTo("FAILURE: billing-service #118, 2 failed tests");
    }

    @Test
    void shouldSayARunningBuildIsRunningInTheDescriptionButNotInTheTitle() {
        BuildSnapshot running = SnapshotFixtures.pipelineParallelFailure().toBuilder().running(true).build();

        Alert alert = map(running);

        assertThat(alert.title()).startsWith("FAILURE: team/app/main #42").doesNotContain("running");
        assertThat(alert.description()).startsWith("team/app/main #42 is running with result FAILURE");
    }

    @Test
    void shouldBoundTheTitle() {
        BuildSnapshot longName = SnapshotFixtures.freestyleFailure().toBuilder().jobFullName("x".repeat(600)).build();

        assertThat(map(longName).title()).hasSizeLessThanOrEqualTo(AlertLimits.TITLE_MAX_CHARS).endsWith("…[truncated]");
    }

    @Test
    void shouldDescribeWhatFailedWhereAndWhy() {
        String description = map(SnapshotFixtures.pipelineParallelFailure()).description();

        assertThat(description).startsWith("""
                team/app/main #42 finished with result FAILURE on Jenkins (prod).
                Build: https://ci.example.com/job/team/job/app/job/main/42/

                Failed:
                - stage Test (step sh): script returned exit code 1
                - branch Test > linux (step sh): script returned exit code 1
                - branch Test > windows (step bat): script returned exit code 1

                Failing since: #40
                Branch: main
                Commit: e83c5163316f89bfbde7d9ab23ca2e25604af290 in https://git.example.com/team/app.git
                """);
        assertThat(description).contains("""
                Tests: 2 failed, 0 skipped, 87 total
                - com.example.orders.OrderServiceTest.shouldRejectNegativeQuantity() [Test > linux]: \
                java.lang.IllegalStateException: quantity must be positive: -1
                """);
        assertThat(description).contains("Changes (1):\n- e83c5163316f carol: Validate order quantities\n");
        assertThat(description).contains("Log excerpt (step-log):\nError lines:\n  OrderServiceTest > "
                + "shouldRejectNegativeQuantity() FAILED\n");
        assertThat(description).endsWith("  script returned exit code 1");
    }

    @Test
    void shouldDescribeAFreestyleFailureWithoutStages() {
        String description = map(SnapshotFixtures.freestyleFailure()).description();

        assertThat(description).doesNotContain("Failed:").contains("Branch: main\n")
                .contains("Cause: Started by user alice\n").contains("Duration: 1m 14s\n")
                .contains("Culprits: alice, bob\n")
                .contains("- com.example.billing.InvoiceTest.shouldRoundHalfEven: expected: <10.25> but was: <10.24>\n")
                .contains("- 9fceb02d0ae5 alice: Round invoice totals half-even\n")
                .contains("Log excerpt (build-log-tail):\nError lines:\n")
                .endsWith("Finished: FAILURE");
    }

    @Test
    void shouldCutALongDescriptionAtTheEndKeepingTheLinkAndTheFailure() {
        String description = FailureAlertMapper.description(SnapshotFixtures.pipelineParallelFailure(),
                new MappingRules.Limits(10, 10, 1024));

        assertThat(description.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
        assertThat(description).contains("Build: https://ci.example.com/job/team/job/app/job/main/42/")
                .contains("- branch Test > linux (step sh): script returned exit code 1").endsWith("…[truncated]");
    }

    @Test
    void shouldTagCiJobBranchResultAndController() {
        Alert alert = map(SnapshotFixtures.pipelineParallelFailure());

        assertThat(alert.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("ci", "jenkins", "job", "team/app/main",
                "branch", "main", "result", "failure", "controller", "jenkins-prod"));
    }

    @Test
    void shouldLetExplicitTagsWinOverOwnTagsAndOwnTagsOverDefaults() {
        MappingRules rules = MappingRules.builder().defaultTag("team", "payments").defaultTag("ci", "ignored").build();
        AlertOverrides overrides = AlertOverrides.builder().tag("job", "renamed").tag("owner", "alice").build();

        Alert alert = FailureAlertMapper.map(SnapshotFixtures.pipelineParallelFailure(), rules, overrides);

        assertThat(alert.tags()).containsEntry("team", "payments").containsEntry("ci", "jenkins")
                .containsEntry("job", "renamed").containsEntry("owner", "alice");
    }

    @Test
    void shouldCarryTheWholeSnapshotAsMetadata() throws IOException {
        Alert alert = map(SnapshotFixtures.pipelineParallelFailure());

        JsonNode metadata = JSON.readTree(alert.toJsonBytes()).get("metadata");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metadata.at("/schema").asText()).isEqualTo("causeflow.ci-build/1");
        softly.assertThat(metadata.at("/controller/id").asText()).isEqualTo("jenkins-prod");
        softly.assertThat(metadata.at("/job/fullName").asText()).isEqualTo("team/app/main");
        softly.assertThat(metadata.at("/build/number").asInt()).isEqualTo(42);
        softly.assertThat(metadata.at("/build/durationMillis").asLong()).isEqualTo(372_000L);
        softly.assertThat(metadata.at("/build/startTime").asText()).isEqualTo("2026-11-26T22:40:00Z");
        softly.assertThat(metadata.at("/scm/branch").asText()).isEqualTo("main");
        softly.assertThat(metadata.at("/tests/failedTests")).hasSize(2);
        softly.assertThat(metadata.at("/tests/failedTests/0/enclosingStages/1").asText()).isEqualTo("linux");
        softly.assertThat(metadata.at("/failedNodes")).hasSize(3);
        softly.assertThat(metadata.at("/failedNodes/1/kind").asText()).isEqualTo("branch");
        softly.assertThat(metadata.at("/failedNodes/2/stepFunction").asText()).isEqualTo("bat");
        softly.assertThat(metadata.at("/logExcerpt/source").asText()).isEqualTo("step-log");
        softly.assertThat(metadata.at("/logExcerpt/tailLines").size()).isPositive();
        softly.assertThat(metadata.at("/streakStart").asInt()).isEqualTo(40);
        softly.assertThat(metadata.at("/changes/entries/0/author").asText()).isEqualTo("carol");
        softly.assertAll();
    }

    @Test
    void shouldUseTheBuildScopeByDefault() {
        BuildSnapshot snapshot = SnapshotFixtures.pipelineParallelFailure();

        assertThat(map(snapshot).sourceAlertId())
                .hasValue(SourceAlertIds.forBuild("jenkins-prod", "team/app/main", 42));
    }

    @Test
    void shouldGiveEveryBuildOfAStreakTheSameIdAndANewStreakANewOne() {
        MappingRules streak = MappingRules.builder().dedupScope(DedupScope.STREAK).build();
        BuildSnapshot first = SnapshotFixtures.pipelineParallelFailure().toBuilder().buildNumber(40).build();
        BuildSnapshot later = SnapshotFixtures.pipelineParallelFailure();
        BuildSnapshot nextStreak = later.toBuilder().buildNumber(50).streakStart(48).build();

        String id = FailureAlertMapper.map(first, streak, AlertOverrides.none()).sourceAlertId().orElseThrow();

        assertThat(id).isEqualTo(SourceAlertIds.forStreak("jenkins-prod", "team/app/main", 40));
        assertThat(FailureAlertMapper.map(later, streak, AlertOverrides.none()).sourceAlertId()).hasValue(id);
        assertThat(FailureAlertMapper.map(nextStreak, streak, AlertOverrides.none()).sourceAlertId()).isPresent()
                .get().isNotEqualTo(id);
    }

    @Test
    void shouldAnchorAStreakAtTheBuildItselfWhenItsStartIsUnknown() {
        BuildSnapshot unknown = SnapshotFixtures.freestyleFailure();

        assertThat(FailureAlertMapper.sourceAlertId(unknown, DedupScope.STREAK, AlertOverrides.none()))
                .isEqualTo(SourceAlertIds.forStreak("jenkins-prod", "billing-service", 118));
    }

    @Test
    void shouldLetExplicitValuesWin() {
        MappingRules rules = MappingRules.builder().serviceRule(ServiceRule.topFolder()).environment("ci")
                .severityRules("branch:main=critical").dedupScope(DedupScope.STREAK).build();
        AlertOverrides overrides = AlertOverrides.builder().title("Deploy blocked").description("See the build.")
                .severity(Severity.LOW).service("orders").environment("production").sourceAlertId("my-own-id")
                .metadata(Map.of("ticket", "OPS-12")).build();

        Alert alert = FailureAlertMapper.map(SnapshotFixtures.pipelineParallelFailure(), rules, overrides);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(alert.title()).isEqualTo("Deploy blocked");
        softly.assertThat(alert.description()).isEqualTo("See the build.");
        softly.assertThat(alert.severity()).hasValue(Severity.LOW);
        softly.assertThat(alert.service()).hasValue("orders");
        softly.assertThat(alert.environment()).hasValue("production");
        softly.assertThat(alert.sourceAlertId()).hasValue("my-own-id");
        softly.assertThat(alert.metadata()).containsEntry("ticket", "OPS-12").containsKey("job");
        softly.assertAll();
    }

    @Test
    void shouldUseTheRulesWhenNothingIsExplicit() {
        MappingRules rules = MappingRules.builder().serviceRule(ServiceRule.jobName()).environment("ci")
                .severityRules("branch:main,result:FAILURE=critical").build();

        Alert alert = FailureAlertMapper.map(SnapshotFixtures.pipelineParallelFailure(), rules, AlertOverrides.none());

        assertThat(alert.severity()).hasValue(Severity.CRITICAL);
        assertThat(alert.service()).hasValue("team/app");
        assertThat(alert.environment()).hasValue("ci");
    }

    @Test
    void shouldCapAThousandFailedTestsAndSayHowManyAreLeftOut() throws IOException {
        BuildSnapshot snapshot = SnapshotFixtures.thousandFailedTests();

        Alert alert = map(snapshot);

        assertThat(snapshot.tests().failedTests()).hasSize(SnapshotLimits.MAX_FAILED_TESTS);
        assertThat(snapshot.tests().omittedFailedTests()).isEqualTo(1_000 - SnapshotLimits.MAX_FAILED_TESTS);
        assertThat(alert.title()).isEqualTo("UNSTABLE: team/monolith/main #7, 1000 failed tests");
        assertThat(alert.severity()).hasValue(Severity.MEDIUM);
        assertThat(alert.description()).contains("Tests: 1000 failed, 12 skipped, 25000 total")
                .contains("- com.example.generated.Suite0.shouldPass9 [Test]: expected: <9> but was: <10>\n")
                .contains("- ... and 990 more failed tests").doesNotContain("shouldPass10 ");
        JsonNode tests = JSON.readTree(alert.toJsonBytes()).at("/metadata/tests");
        assertThat(tests.get("failedTests")).hasSize(SnapshotLimits.MAX_FAILED_TESTS);
        assertThat(tests.get("omittedFailedTests").asInt()).isEqualTo(950);
    }

    @Test
    void shouldFitTheClientLimitsForTheLargestSnapshot() {
        BuildSnapshot.Builder huge = SnapshotFixtures.pipelineParallelFailure().toBuilder();
        List<FailedTest> tests = new ArrayList<>();
        List<ChangeEntry> changes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tests.add(FailedTest.of("c".repeat(600), "t" + i, "é".repeat(5_000), List.of("s".repeat(600))));
            changes.add(ChangeEntry.of("f".repeat(600), "a".repeat(600), "m".repeat(5_000)));
            huge.failedNode(FailedNode.branch("b" + i, List.of("p".repeat(600)), "e".repeat(5_000), "sh"));
            huge.cause("c".repeat(600)).culprit("u" + i);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add("l".repeat(500));
        }
        huge.tests(TestSummary.of(10_000, 500, 0, tests)).changes(ChangeLog.of(changes))
                .logExcerpt(new LogExcerpt(LogExcerpt.Origin.BUILD_LOG_TAIL, lines, lines, 1L << 40, true, true));

        Alert alert = FailureAlertMapper.map(huge.build(), MappingRules.builder()
                .limits(new MappingRules.Limits(50, 50, AlertLimits.DESCRIPTION_MAX_BYTES)).build(),
                AlertOverrides.none());

        assertThat(alert.jsonLength()).isLessThanOrEqualTo(AlertLimits.BODY_MAX_BYTES);
        assertThat(alert.description().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AlertLimits.DESCRIPTION_MAX_BYTES);
        assertThat(alert.description()).endsWith("…[truncated]");
        assertThat(alert.tags()).hasSizeLessThanOrEqualTo(AlertLimits.MAX_TAGS);
    }

    @Test
    void shouldGiveTheStepAndTheListenerTheSameIdForTheSameBuild() {
        // The Pipeline step passes its arguments as overrides; the automatic listener passes none.
        AlertOverrides stepArguments = AlertOverrides.builder().title("Custom").severity(Severity.CRITICAL)
                .tag("owner", "team-a").build();
        MappingRules rules = MappingRules.defaults();

        Alert fromStep = FailureAlertMapper.map(SnapshotFixtures.pipelineParallelFailure(), rules, stepArguments);
        Alert fromListener = FailureAlertMapper.map(SnapshotFixtures.pipelineParallelFailure(), rules,
                AlertOverrides.none());

        assertThat(fromStep.sourceAlertId()).isPresent().isEqualTo(fromListener.sourceAlertId());
    }

    @Test
    void shouldMapTheSameSnapshotToTheSameBytes() {
        byte[] first = map(SnapshotFixtures.pipelineParallelFailure()).toJsonBytes();
        byte[] second = map(SnapshotFixtures.pipelineParallelFailure()).toJsonBytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldProduceTheDocumentedPipelinePayload() throws IOException {
        JsonNode expected = JSON.readTree(Files.readAllBytes(SnapshotFixtures.resource("pipeline-parallel-alert.json")));

        JsonNode actual = JSON.readTree(map(SnapshotFixtures.pipelineParallelFailure()).toJsonBytes());

        assertThat(actual).isEqualTo(expected);
    }

    private static Alert map(final BuildSnapshot snapshot) {
        return FailureAlertMapper.map(snapshot, MappingRules.defaults(), AlertOverrides.none());
    }
}
