package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests the class {@link JobFilter}. */
class JobFilterTest {
    @Test
    void shouldCoverEveryJobWithoutPatterns() {
        assertThat(JobFilter.parse("", "").covers("team/app/main")).isTrue();
    }

    @Test
    void shouldMatchTheWholeNameSoAPatternWithoutStarIsExact() {
        JobFilter filter = JobFilter.parse("team/app", "");

        assertThat(filter.covers("team/app")).isTrue();
        assertThat(filter.covers("team/app/main")).isFalse();
        assertThat(filter.covers("other/team/app")).isFalse();
    }

    @Test
    void shouldMatchBranchJobsOfMultibranchProjectsInOrganizationFoldersWithAStarAcrossSlashes() {
        JobFilter filter = JobFilter.parse("acme-org/*", "");

        assertThat(filter.covers("acme-org/payments/main")).isTrue();
        assertThat(filter.covers("acme-org/payments/PR-12")).isTrue();
        assertThat(filter.covers("sandbox/payments/main")).isFalse();
    }

    @Test
    void shouldLetAnExcludeWinOverAnInclude() {
        JobFilter filter = JobFilter.parse("acme-org/*\n# comment\n", "*/PR-*\nacme-org/sandbox/*");

        assertThat(filter.covers("acme-org/payments/main")).isTrue();
        assertThat(filter.covers("acme-org/payments/PR-12")).isFalse();
        assertThat(filter.covers("acme-org/sandbox/main")).isFalse();
    }

    @Test
    void shouldTreatRegexCharactersLiterally() {
        JobFilter filter = JobFilter.parse("app.(1)?", "");

        assertThat(filter.covers("app.(1)x")).isTrue();
        assertThat(filter.covers("appX(1)x")).isFalse();
        assertThat(filter.covers("app.(1)")).isFalse();
    }
}
