package io.jenkins.plugins.causeflow.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.failure.BuildResult;
import io.jenkins.plugins.causeflow.delivery.JobFilter;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import org.junit.jupiter.api.Test;

/** Tests the class {@link AutomaticAlertPolicy}. */
class AutomaticAlertPolicyTest {
    private static final JobFilter ALL = JobFilter.parse("", "");

    @Test
    void shouldAlertForAFailedBuildWhenSwitchedOn() {
        assertThat(AutomaticAlertPolicy.shouldAlert(true, true, ResultThreshold.FAILURE, ALL, "app",
                BuildResult.FAILURE)).isTrue();
    }

    @Test
    void shouldNotAlertWhileAutomaticAlertsAreOffWhichIsTheDefault() {
        assertThat(AutomaticAlertPolicy.shouldAlert(true, false, ResultThreshold.FAILURE, ALL, "app",
                BuildResult.FAILURE)).isFalse();
    }

    @Test
    void shouldNotAlertWhenAlertsAreDisabledGlobally() {
        assertThat(AutomaticAlertPolicy.shouldAlert(false, true, ResultThreshold.FAILURE, ALL, "app",
                BuildResult.FAILURE)).isFalse();
    }

    @Test
    void shouldNotAlertForAResultBetterThanTheThreshold() {
        assertThat(AutomaticAlertPolicy.shouldAlert(true, true, ResultThreshold.FAILURE, ALL, "app",
                BuildResult.UNSTABLE)).isFalse();
        assertThat(AutomaticAlertPolicy.shouldAlert(true, true, ResultThreshold.UNSTABLE, ALL, "app",
                BuildResult.UNSTABLE)).isTrue();
    }

    @Test
    void shouldNotAlertForAnExcludedJob() {
        JobFilter filter = JobFilter.parse("org/*", "org/sandbox/*");

        assertThat(AutomaticAlertPolicy.shouldAlert(true, true, ResultThreshold.FAILURE, filter, "org/sandbox/main",
                BuildResult.FAILURE)).isFalse();
        assertThat(AutomaticAlertPolicy.shouldAlert(true, true, ResultThreshold.FAILURE, filter, "org/app/main",
                BuildResult.FAILURE)).isTrue();
    }
}
