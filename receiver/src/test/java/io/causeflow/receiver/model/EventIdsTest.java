package io.causeflow.receiver.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests the class {@link EventIds}. */
class EventIdsTest {
    @Test
    void shouldFormatZeroPaddedSoStringOrderIsNumericOrder() {
        assertThat(EventIds.format(42)).isEqualTo("evt_000000000042");
        assertThat(EventIds.format(9)).isLessThan(EventIds.format(10));
    }

    @Test
    void shouldParseBothWireAndBareForms() {
        assertThat(EventIds.parse("evt_000000000042")).hasValue(42);
        assertThat(EventIds.parse("42")).hasValue(42);
        assertThat(EventIds.parse(" 0 ")).hasValue(0);
    }

    @Test
    void shouldRejectForeignIds() {
        assertThat(EventIds.parse("evt_01HX9VTPQR3KF8MZWBYD5N6JCE")).isEmpty();
        assertThat(EventIds.parse("-1")).isEmpty();
        assertThat(EventIds.parse("evt_")).isEmpty();
        assertThat(EventIds.parse("9999999999999999999999")).isEmpty();
    }
}
