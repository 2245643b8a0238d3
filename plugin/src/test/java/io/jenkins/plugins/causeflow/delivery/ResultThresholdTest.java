package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.causeflow.client.failure.BuildResult;
import org.junit.jupiter.api.Test;

/** Tests the class {@link ResultThreshold}. */
class ResultThresholdTest {
    @Test
    void shouldSendOnlyForFailuresByDefault() {
        assertThat(ResultThreshold.FAILURE.isMetBy(BuildResult.FAILURE)).isTrue();
        assertThat(ResultThreshold.FAILURE.isMetBy(BuildResult.UNSTABLE)).isFalse();
        assertThat(ResultThreshold.FAILURE.isMetBy(BuildResult.ABORTED)).isFalse();
        assertThat(ResultThreshold.FAILURE.isMetBy(BuildResult.NOT_BUILT)).isFalse();
        assertThat(ResultThreshold.FAILURE.isMetBy(BuildResult.SUCCESS)).isFalse();
    }

    @Test
    void shouldAlsoSendForUnstableWithTheUnstableThreshold() {
        assertThat(ResultThreshold.UNSTABLE.isMetBy(BuildResult.UNSTABLE)).isTrue();
        assertThat(ResultThreshold.UNSTABLE.isMetBy(BuildResult.FAILURE)).isTrue();
        assertThat(ResultThreshold.UNSTABLE.isMetBy(BuildResult.ABORTED)).isFalse();
        assertThat(ResultThreshold.UNSTABLE.isMetBy(BuildResult.SUCCESS)).isFalse();
    }

    @Test
    void shouldSendForEveryUnsuccessfulBuildWithTheAbortedThreshold() {
        assertThat(ResultThreshold.ABORTED.isMetBy(BuildResult.ABORTED)).isTrue();
        assertThat(ResultThreshold.ABORTED.isMetBy(BuildResult.NOT_BUILT)).isTrue();
        assertThat(ResultThreshold.ABORTED.isMetBy(BuildResult.UNSTABLE)).isTrue();
        assertThat(ResultThreshold.ABORTED.isMetBy(BuildResult.FAILURE)).isTrue();
        assertThat(ResultThreshold.ABORTED.isMetBy(BuildResult.SUCCESS)).isFalse();
    }

    @Test
    void shouldParseCaseInsensitivelyAndNameABadValue() {
        assertThat(ResultThreshold.parse(" unstable ")).isEqualTo(ResultThreshold.UNSTABLE);
        assertThatThrownBy(() -> ResultThreshold.parse("broken")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }
}
