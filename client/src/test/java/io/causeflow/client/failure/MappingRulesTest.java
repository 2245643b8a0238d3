package io.causeflow.client.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.causeflow.client.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests the class {@link MappingRules}, with {@link SeverityRule}, {@link ServiceRule} and {@link Glob}. */
class MappingRulesTest {
    @Test
    void shouldGiveTheDefaultSeverityPerResult() {
        MappingRules rules = MappingRules.defaults();

        assertThat(rules.severityFor(build("a", BuildResult.FAILURE, null))).isEqualTo(Severity.HIGH);
        assertThat(rules.severityFor(build("a", BuildResult.UNSTABLE, null))).isEqualTo(Severity.MEDIUM);
        assertThat(rules.severityFor(build("a", BuildResult.ABORTED, null))).isEqualTo(Severity.LOW);
        assertThat(rules.severityFor(build("a", BuildResult.NOT_BUILT, null))).isEqualTo(Severity.INFO);
        assertThat(rules.severityFor(build("a", BuildResult.SUCCESS, null))).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldApplyTheFirstMatchingRuleBeforeTheDefaults() {
        MappingRules rules = MappingRules.builder().severityRules("""
                # main and release branches are production
                branch:main,result:FAILURE=critical
                branch:release/*=critical
                job:team/*=low
                result:FAILURE=medium
                """).build();

        assertThat(rules.severityFor(build("team/app/main", BuildResult.FAILURE, "main"))).isEqualTo(Severity.CRITICAL);
        assertThat(rules.severityFor(build("team/app/main", BuildResult.UNSTABLE, "main"))).isEqualTo(Severity.LOW);
        assertThat(rules.severityFor(build("other/main", BuildResult.UNSTABLE, "main"))).isEqualTo(Severity.MEDIUM);
        assertThat(rules.severityFor(build("team/app/release%2F2.1", BuildResult.ABORTED, "release/2.1")))
                .isEqualTo(Severity.CRITICAL);
        assertThat(rules.severityFor(build("solo", BuildResult.FAILURE, "feature/x"))).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldMatchBranchFromGitBranchWithoutTheRemote() {
        BuildSnapshot snapshot = build("legacy", BuildResult.FAILURE, null).toBuilder()
                .scm(ScmInfo.fromEnvironment(Map.of("GIT_BRANCH", "origin/main"))).build();

        assertThat(MappingRules.builder().severityRules("branch:main=critical").build().severityFor(snapshot))
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldNotMatchABranchRuleWithoutABranch() {
        MappingRules rules = MappingRules.builder().severityRules("branch:*=critical").build();

        assertThat(rules.severityFor(build("a", BuildResult.FAILURE, null))).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldNameTheLineOfAParseError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MappingRules.parseSeverityRules("result:FAILURE=high\n\nbranch:main=urgent\n"))
                .withMessageStartingWith("severity rules line 3 ('branch:main=urgent')")
                .withMessageContaining("urgent");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MappingRules.parseSeverityRules("result:BROKEN=high"))
                .withMessageContaining("line 1").withMessageContaining("BROKEN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MappingRules.parseSeverityRules("result:FAILURE=high\nstage:Test=high"))
                .withMessageContaining("line 2").withMessageContaining("unknown condition 'stage'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MappingRules.parseSeverityRules("critical"))
                .withMessageContaining("line 1").withMessageContaining("condition=severity");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MappingRules.parseSeverityRules("job:=high"))
                .withMessageContaining("job: needs a value");
    }

    @Test
    void shouldPrintRulesInTheirTextForm() {
        assertThat(MappingRules.parseSeverityRules(" branch:release/* , result:failure = Critical "))
                .extracting(SeverityRule::toString).containsExactly("branch:release/*,result:FAILURE=critical");
    }

    @Test
    void shouldMatchGlobs() {
        assertThat(new Glob("team/*").matches("team/app/main")).isTrue();
        assertThat(new Glob("team/*").matches("teams/app")).isFalse();
        assertThat(new Glob("release/?.?").matches("release/2.1")).isTrue();
        assertThat(new Glob("release/?.?").matches("release/2.10")).isFalse();
        assertThat(new Glob("*/main").matches("a/b/main")).isTrue();
        assertThat(new Glob("main").matches("Main")).isFalse();
        assertThat(new Glob("*a*a*a*a*b").matches("a".repeat(5_000))).isFalse();
    }

    @Test
    void shouldChooseTheServiceByRule() {
        BuildSnapshot branchJob = build("team/app/feature%2Flogin", BuildResult.FAILURE, "feature/login");
        BuildSnapshot topLevel = build("solo", BuildResult.FAILURE, null);

        assertThat(ServiceRule.topFolder().serviceFor(branchJob)).hasValue("team");
        assertThat(ServiceRule.topFolder().serviceFor(topLevel)).hasValue("solo");
        assertThat(ServiceRule.jobName().serviceFor(branchJob)).hasValue("team/app");
        assertThat(ServiceRule.jobName().serviceFor(build("team/app/main", BuildResult.FAILURE, "main")))
                .hasValue("team/app");
        assertThat(ServiceRule.jobName().serviceFor(topLevel)).hasValue("solo");
        assertThat(ServiceRule.none().serviceFor(branchJob)).isEmpty();
        assertThat(ServiceRule.fixed("billing").serviceFor(branchJob)).hasValue("billing");
    }

    @Test
    void shouldParseServiceRules() {
        assertThat(ServiceRule.parse("top-folder")).isEqualTo(ServiceRule.topFolder());
        assertThat(ServiceRule.parse("JOB-NAME")).isEqualTo(ServiceRule.jobName());
        assertThat(ServiceRule.parse("none")).isEqualTo(ServiceRule.none());
        assertThat(ServiceRule.parse("fixed:payments")).isEqualTo(ServiceRule.fixed("payments"));
        assertThat(ServiceRule.parse("fixed:payments")).hasToString("fixed:payments");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceRule.parse("folder"))
                .withMessageContaining("'folder'");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceRule.parse("fixed:"))
                .withMessageContaining("needs a name");
    }

    @Test
    void shouldParseDedupScopesAndResults() {
        assertThat(DedupScope.parse("Streak")).isEqualTo(DedupScope.STREAK);
        assertThat(BuildResult.parse("not-built")).isEqualTo(BuildResult.NOT_BUILT);
        assertThatIllegalArgumentException().isThrownBy(() -> DedupScope.parse("job"))
                .withMessageContaining("'job'");
        assertThatIllegalArgumentException().isThrownBy(() -> BuildResult.parse("red"))
                .withMessageContaining("'red'");
    }

    @Test
    void shouldOrderResultsLikeJenkins() {
        assertThat(BuildResult.FAILURE.isWorseOrEqualTo(BuildResult.UNSTABLE)).isTrue();
        assertThat(BuildResult.ABORTED.isWorseOrEqualTo(BuildResult.FAILURE)).isTrue();
        assertThat(BuildResult.UNSTABLE.isWorseOrEqualTo(BuildResult.FAILURE)).isFalse();
        assertThat(List.of(BuildResult.values())).filteredOn(BuildResult::isFailing)
                .containsExactly(BuildResult.UNSTABLE, BuildResult.FAILURE);
    }

    @Test
    void shouldRefuseBadDefaultTagsAndLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> MappingRules.builder().defaultTag(" ", "x").build())
                .withMessageContaining("default tag key");
        assertThatIllegalArgumentException().isThrownBy(() -> new MappingRules.Limits(1, 1, 100))
                .withMessageContaining("descriptionMaxBytes");
    }

    private static BuildSnapshot build(final String job, final BuildResult result, final String branch) {
        return BuildSnapshot.builder()
                .controller(SnapshotFixtures.CONTROLLER)
                .jobFullName(job)
                .buildNumber(5)
                .result(result)
                .scm(branch == null ? ScmInfo.none() : ScmInfo.fromEnvironment(Map.of("BRANCH_NAME", branch)))
                .build();
    }
}
