package io.causeflow.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link RetryPolicy}. */
class RetryPolicyTest {
    @Test
    void shouldHaveTheDocumentedDefaults() {
        assertThat(RetryPolicy.defaults()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofSeconds(60)));
        assertThat(RetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
    }

    @Test
    void shouldDoubleTheCeilingUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.backoffCeiling(60)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldNameTheInvalidComponent() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .withMessage("maxAttempts must be 1..20, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RetryPolicy.builder().perAttemptTimeout(Duration.ZERO).build())
                .withMessage("perAttemptTimeout must be positive, was PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(10)).build())
                .withMessage("maxBackoff must not be shorter than initialBackoff");
    }

    @Test
    void shouldRoundTripThroughToBuilder() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).totalBudget(Duration.ofSeconds(9)).build();

        assertThat(policy.toBuilder().build()).isEqualTo(policy);
    }
}
