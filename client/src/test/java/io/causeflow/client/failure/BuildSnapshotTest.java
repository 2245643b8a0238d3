package io.causeflow.client.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests the class {@link BuildSnapshot} and the records it is made of. */
class BuildSnapshotTest {
    @Test
    void shouldNameTheMissingRequiredField() {
        assertThatIllegalStateException().isThrownBy(() -> BuildSnapshot.builder().build())
                .withMessageContaining("controller");
        assertThatIllegalStateException().isThrownBy(() -> BuildSnapshot.builder()
                .controller(SnapshotFixtures.CONTROLLER).build()).withMessageContaining("jobFullName");
        assertThatIllegalStateException().isThrownBy(() -> BuildSnapshot.builder()
                .controller(SnapshotFixtures.CONTROLLER).jobFullName("a").build()).withMessageContaining("buildNumber");
        assertThatIllegalStateException().isThrownBy(() -> BuildSnapshot.builder()
                .controller(SnapshotFixtures.CONTROLLER).jobFullName("a").buildNumber(1).build())
                .withMessageContaining("result");
    }

    @Test
    void shouldRefuseInvalidValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().buildNumber(-3).build())
                .withMessageContaining("buildNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().jobFullName(" ").build())
                .withMessageContaining("jobFullName");
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().duration(Duration.ofSeconds(-1)).build())
                .withMessageContaining("duration");
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().streakStart(6).build())
                .withMessageContaining("streakStart");
        assertThatIllegalArgumentException().isThrownBy(() -> ControllerInfo.jenkins("", null, null))
                .withMessageContaining("controller id");
        assertThatIllegalArgumentException().isThrownBy(() -> new TestSummary(-1, 0, 0, List.of(), 0))
                .withMessageContaining("negative");
    }

    @Test
    void shouldDeriveDisplayNameAndBuildIdWhenMissing() {
        BuildSnapshot snapshot = minimal().jobFullName("team/app/feature%2Fx").build();

        assertThat(snapshot.jobDisplayName()).isEqualTo("feature%2Fx");
        assertThat(snapshot.buildId()).isEqualTo("5");
        assertThat(snapshot.controller().system()).isEqualTo("jenkins");
        assertThat(snapshot.logExcerpt()).isEmpty();
        assertThat(snapshot.streakStart()).isEmpty();
    }

    @Test
    void shouldCapFailedNodesAndCountTheRest() {
        BuildSnapshot.Builder builder = minimal();
        for (int i = 0; i < 30; i++) {
            builder.failedNode(FailedNode.branch("b" + i, List.of("Test"), null, null));
        }

        BuildSnapshot snapshot = builder.build();

        assertThat(snapshot.failedNodes()).hasSize(SnapshotLimits.MAX_FAILED_NODES);
        assertThat(snapshot.omittedFailedNodes()).isEqualTo(30 - SnapshotLimits.MAX_FAILED_NODES);
        assertThat(snapshot.firstFailedNode()).get().extracting(FailedNode::name).isEqualTo("b0");
    }

    @Test
    void shouldCapChangesCausesAndCulprits() {
        List<ChangeEntry> changes = new ArrayList<>();
        BuildSnapshot.Builder builder = minimal();
        for (int i = 0; i < 100; i++) {
            changes.add(ChangeEntry.of("c" + i, null, "m".repeat(2_000)));
            builder.cause("cause " + i).culprit("user" + i);
        }

        BuildSnapshot snapshot = builder.changes(ChangeLog.of(changes)).build();

        assertThat(snapshot.changes().entries()).hasSize(SnapshotLimits.MAX_CHANGES);
        assertThat(snapshot.changes().omitted()).isEqualTo(80);
        assertThat(snapshot.changes().total()).isEqualTo(100);
        assertThat(snapshot.changes().entries().get(0).message()).hasSize(SnapshotLimits.MAX_MESSAGE_CHARS)
                .endsWith("…[truncated]");
        assertThat(snapshot.changes().entries().get(0).author()).isEmpty();
        assertThat(snapshot.causes()).hasSize(SnapshotLimits.MAX_CAUSES);
        assertThat(snapshot.culprits()).hasSize(SnapshotLimits.MAX_CULPRITS);
    }

    @Test
    void shouldCountUnlistedAndCappedFailedTestsAsOmitted() {
        List<FailedTest> listed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            listed.add(FailedTest.of(null, "t" + i, "x".repeat(3_000), List.of()));
        }

        TestSummary summary = TestSummary.of(500, 70, 3, listed);

        assertThat(summary.failedTests()).hasSize(SnapshotLimits.MAX_FAILED_TESTS);
        assertThat(summary.omittedFailedTests()).isEqualTo(20);
        assertThat(summary.failedTests().get(0).fullName()).isEqualTo("t0");
        assertThat(summary.failedTests().get(0).errorMessage()).get().asString()
                .hasSize(SnapshotLimits.MAX_ERROR_CHARS);
    }

    @Test
    void shouldAddTestSummariesOfSeveralReports() {
        TestSummary first = TestSummary.of(10, 1, 1, List.of(FailedTest.of("A", "a", null, List.of())));
        TestSummary second = TestSummary.of(5, 2, 0, List.of(FailedTest.of("B", "b", "boom", List.of("Test"))));

        TestSummary sum = first.plus(second).plus(TestSummary.none());

        assertThat(sum.total()).isEqualTo(15);
        assertThat(sum.failed()).isEqualTo(3);
        assertThat(sum.skipped()).isEqualTo(1);
        assertThat(sum.failedTests()).extracting(FailedTest::fullName).containsExactly("A.a", "B.b");
        assertThat(sum.omittedFailedTests()).isEqualTo(1);
    }

    @Test
    void shouldReadScmFromTheEnvironment() {
        ScmInfo scm = ScmInfo.fromEnvironment(Map.of("BRANCH_NAME", "PR-12", "CHANGE_ID", "12",
                "CHANGE_TARGET", "main", "CHANGE_URL", "https://git.example.com/pr/12", "CHANGE_TITLE", "Fix it",
                "GIT_COMMIT", "abc", "PATH", "/usr/bin", "CHANGE_AUTHOR", " "));

        assertThat(scm.branch()).hasValue("PR-12");
        assertThat(scm.changeId()).hasValue("12");
        assertThat(scm.changeTarget()).hasValue("main");
        assertThat(scm.changeAuthor()).isEmpty();
        assertThat(scm.effectiveBranch()).hasValue("PR-12");
        assertThat(scm.isKnown()).isTrue();
        assertThat(ScmInfo.none().isKnown()).isFalse();
        assertThat(ScmInfo.fromEnvironment(Map.of("GIT_BRANCH", "refs/heads/release/1")).effectiveBranch())
                .hasValue("release/1");
    }

    @Test
    void shouldRoundTripThroughTheBuilder() {
        BuildSnapshot pipeline = SnapshotFixtures.pipelineParallelFailure();
        BuildSnapshot freestyle = SnapshotFixtures.freestyleFailure();

        assertThat(pipeline.toBuilder().build()).isEqualTo(pipeline).hasSameHashCodeAs(pipeline);
        assertThat(freestyle.toBuilder().build()).isEqualTo(freestyle);
        assertThat(pipeline.toBuilder().buildNumber(43).build()).isNotEqualTo(pipeline);
    }

    @Test
    void shouldDescribeFailedNodesByTheirPath() {
        FailedNode node = FailedNode.branch("linux", List.of("Build", "Test"), "exit 1", "sh");

        assertThat(node.displayPath()).isEqualTo("Build > Test > linux");
        assertThat(node.kind().word()).isEqualTo("branch");
        assertThat(FailedNode.stage("Test", List.of(), null, null).displayPath()).isEqualTo("Test");
    }

    private static BuildSnapshot.Builder minimal() {
        return BuildSnapshot.builder().controller(SnapshotFixtures.CONTROLLER).jobFullName("job").buildNumber(5)
                .result(BuildResult.FAILURE);
    }
}
