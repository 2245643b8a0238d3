package io.causeflow.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests the class {@link Severity}. */
class SeverityTest {
    @Test
    void shouldUseLowercaseWireNames() {
        assertThat(Severity.values()).extracting(Severity::wireName)
                .containsExactly("critical", "high", "medium", "low", "info");
    }

    @Test
    void shouldParseIgnoringCaseAndBlanks() {
        assertThat(Severity.parse(" High ")).isEqualTo(Severity.HIGH);
        assertThat(Severity.parse("info")).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldNameTheBadValueWhenParsingFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> Severity.parse("urgent"))
                .withMessage("severity: unknown value 'urgent', expected one of critical, high, medium, low, info");
        assertThatIllegalArgumentException().isThrownBy(() -> Severity.parse(null))
                .withMessageContaining("'null'");
    }
}
