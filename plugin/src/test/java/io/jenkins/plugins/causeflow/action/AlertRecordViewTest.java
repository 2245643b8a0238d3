package io.jenkins.plugins.causeflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.DeliveryOutcome;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Tests the class {@link AlertRecordView}. */
class AlertRecordViewTest {
    private static final Instant TIME = Instant.parse("2026-11-26T23:30:00Z");

    private static AlertRecordView view(final DeliveryReport report, final String trigger) {
        return new AlertRecordView(AlertRecord.of(report, trigger), ZoneOffset.UTC);
    }

    @Test
    void shouldShowAnAcceptedAlertWithItsIncident() {
        AlertRecordView view = view(DeliveryReport.fromOutcome(DeliveryOutcome.accepted(202, Optional.of("inc_9"), 1,
                "accepted", Optional.of("ci:app#3"), Duration.ZERO), "https://api.causeflow.ai", TIME), "step");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(view.getStatusText()).isEqualTo("Accepted");
        softly.assertThat(view.isHasIncident()).isTrue();
        softly.assertThat(view.getIncidentText()).isEqualTo("inc_9");
        softly.assertThat(view.getIncidentLink()).isEqualTo("https://api.causeflow.ai/v1/incidents/inc_9");
        softly.assertThat(view.getSourceAlertIdText()).isEqualTo("ci:app#3");
        softly.assertThat(view.getDeliveryText()).isEqualTo("HTTP 202 after 1 attempt");
        softly.assertThat(view.getTriggerText()).isEqualTo("Pipeline step");
        softly.assertThat(view.getTimeText()).isEqualTo("2026-11-26 23:30:00 Z");
        softly.assertThat(view.getIconSymbol()).isEqualTo("symbol-status-blue");
        softly.assertAll();
    }

    @Test
    void shouldShowAFailedDeliveryWithoutIncident() {
        AlertRecordView view = view(DeliveryReport.fromOutcome(DeliveryOutcome.failed(OptionalInt.empty(),
                Optional.empty(), 3, "connection refused", Optional.of("ci:app#4"), Duration.ZERO),
                "https://api.causeflow.ai", TIME), "notifier");

        assertThat(view.getStatusText()).isEqualTo("Not delivered");
        assertThat(view.isHasIncident()).isFalse();
        assertThat(view.getIncidentText()).isEqualTo("none");
        assertThat(view.getDeliveryText()).isEqualTo("no response after 3 attempts");
        assertThat(view.getTriggerText()).isEqualTo("post-build action");
        assertThat(view.getMessage()).isEqualTo("connection refused");
        assertThat(view.getIconSymbol()).isEqualTo("symbol-status-red");
    }

    @Test
    void shouldSayNotSentForAConfigurationProblem() {
        AlertRecordView view = view(DeliveryReport.notSent("no tenant", Optional.empty(), TIME), "automatic");

        assertThat(view.getDeliveryText()).isEqualTo("not sent");
        assertThat(view.getSourceAlertIdText()).isEqualTo("none");
        assertThat(view.getTriggerText()).isEqualTo("automatic alert");
    }

    @Test
    void shouldCountDuplicatesAsDeliveredInTheRecord() {
        AlertRecord record = AlertRecord.of(DeliveryReport.fromOutcome(DeliveryOutcome.duplicate(Optional.of("inc_9"),
                Optional.empty(), 1, "dup", Optional.of("ci:app#3"), Duration.ZERO), "https://x.example", TIME),
                "automatic");

        assertThat(record.isDelivered()).isTrue();
        assertThat(new AlertRecordView(record, ZoneOffset.UTC).getStatusText())
                .isEqualTo("Duplicate (already delivered)");
    }
}
