package io.causeflow.client;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link DeliveryOutcome}. */
class DeliveryOutcomeTest {
    private static final Optional<String> ID = Optional.of("cf1-x");

    @Test
    void shouldCarryWhatTheFactoriesWereGiven() {
        DeliveryOutcome outcome = DeliveryOutcome.accepted(202, Optional.of("inc_1"), 2, "ok", ID, Duration.ofMillis(5));

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(outcome.isDelivered()).isTrue();
        assertThat(outcome.httpStatus()).hasValue(202);
        assertThat(outcome.incidentId()).hasValue("inc_1");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.errorCode()).isEmpty();
        assertThat(outcome.sourceAlertId()).isEqualTo(ID);
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofMillis(5));
        assertThat(outcome.toString()).isEqualTo("DeliveryOutcome[ACCEPTED http=202 incidentId=inc_1 attempts=2 "
                + "sourceAlertId=cf1-x elapsed=5ms: ok]");
    }

    @Test
    void shouldLeaveTheStatusAbsentWhenNoResponseArrived() {
        DeliveryOutcome outcome = DeliveryOutcome.failed(OptionalInt.empty(), Optional.empty(), 3, "reset",
                Optional.empty(), Duration.ZERO);

        assertThat(outcome.httpStatus()).isEmpty();
        assertThat(outcome.isDelivered()).isFalse();
    }

    @Test
    void shouldRejectInconsistentInput() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryOutcome.accepted(500, Optional.empty(), 1, "m", ID, Duration.ZERO))
                .withMessage("accepted needs a 2xx status, was 500");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryOutcome.accepted(200, Optional.empty(), 0, "m", ID, Duration.ZERO))
                .withMessageContaining("at least 1 attempt");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryOutcome.rejected(OptionalInt.of(204), Optional.empty(), 1, "m", ID,
                        Duration.ZERO))
                .withMessageContaining("300 or more");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryOutcome.failed(OptionalInt.of(200), Optional.empty(), 1, "m", ID,
                        Duration.ZERO))
                .withMessage("failed cannot carry a 2xx status");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryOutcome.failed(OptionalInt.of(700), Optional.empty(), 1, "m", ID,
                        Duration.ZERO))
                .withMessageContaining("100..599");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryOutcome.failed(OptionalInt.empty(), Optional.empty(), 1, "m", ID,
                        Duration.ofSeconds(-1)))
                .withMessage("elapsed must not be negative");
    }

    @Test
    void shouldHonourTheEqualsContract() {
        EqualsVerifier.forClass(DeliveryOutcome.class).withNonnullFields("status", "message", "elapsed").verify();
    }
}
