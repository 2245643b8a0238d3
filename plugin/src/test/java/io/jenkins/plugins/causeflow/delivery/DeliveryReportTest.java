package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Tests the class {@link DeliveryReport}. */
class DeliveryReportTest {
    private static final Instant NOW = Instant.parse("2026-11-26T23:30:00Z");
    private static final String ENDPOINT = "https://api.causeflow.ai/";
    private static final Optional<String> ID = Optional.of("ci.example.com:team/app/main#42");

    @Test
    void shouldPrintTheIncidentAndItsLinkForAnAcceptedAlert() {
        DeliveryReport report = DeliveryReport.fromOutcome(DeliveryOutcome.accepted(202, Optional.of("inc_01"), 1,
                "accepted", ID, Duration.ofMillis(30)), ENDPOINT, NOW);

        assertThat(report.logLine()).isEqualTo("[CauseFlow] Alert accepted: incident inc_01 "
                + "(https://api.causeflow.ai/v1/incidents/inc_01); sourceAlertId ci.example.com:team/app/main#42; "
                + "HTTP 202, 1 attempt(s).");
        assertThat(report.isDelivered()).isTrue();
    }

    @Test
    void shouldSayThatNoNewIncidentWasCreatedForADuplicate() {
        DeliveryReport report = DeliveryReport.fromOutcome(DeliveryOutcome.duplicate(Optional.of("inc_01"),
                Optional.of("duplicate_alert"), 1, "duplicate", ID, Duration.ZERO), ENDPOINT, NOW);

        assertThat(report.logLine()).startsWith("[CauseFlow] Alert already delivered before")
                .contains("inc_01", "No new incident was created");
        assertThat(report.status()).isEqualTo(DeliveryReport.Status.DUPLICATE);
    }

    @Test
    void shouldNameTheHttpStatusAndMessageForARejectedAlert() {
        DeliveryReport report = DeliveryReport.fromOutcome(DeliveryOutcome.rejected(OptionalInt.of(401),
                Optional.of("unauthorized"), 1, "invalid API key", ID, Duration.ZERO), ENDPOINT, NOW);

        assertThat(report.logLine()).isEqualTo("[CauseFlow] Alert rejected by CauseFlow (HTTP 401): invalid API key. "
                + "Not retried; check the tenant ID, credentials and endpoint.");
    }

    @Test
    void shouldNameTheAttemptsForAFailedDelivery() {
        DeliveryReport report = DeliveryReport.fromOutcome(DeliveryOutcome.failed(OptionalInt.of(503),
                Optional.empty(), 3, "service unavailable", ID, Duration.ofSeconds(4)), ENDPOINT, NOW);

        assertThat(report.logLine()).isEqualTo("[CauseFlow] Alert NOT delivered after 3 attempt(s): "
                + "service unavailable");
    }

    @Test
    void shouldSayNotSentWhenNothingWasAttempted() {
        DeliveryReport report = DeliveryReport.notSent("no tenant", Optional.empty(), NOW);

        assertThat(report.logLine()).isEqualTo("[CauseFlow] Alert not sent: no tenant");
        assertThat(report.status()).isEqualTo(DeliveryReport.Status.FAILED);
        assertThat(report.attempts()).isZero();
    }

    @Test
    void shouldReturnEveryKeyOfTheStepResult() {
        DeliveryReport report = DeliveryReport.fromOutcome(DeliveryOutcome.accepted(202, Optional.of("inc_01"), 2,
                "accepted", ID, Duration.ZERO), ENDPOINT, NOW);

        Map<String, Object> result = report.toStepResult();

        assertThat(result).containsOnlyKeys("status", "incidentId", "incidentLink", "sourceAlertId", "httpStatus",
                "attempts", "message");
        assertThat(result).containsEntry("status", "ACCEPTED").containsEntry("incidentId", "inc_01")
                .containsEntry("sourceAlertId", ID.get()).containsEntry("httpStatus", 202)
                .containsEntry("attempts", 2).containsEntry("message", "accepted");
    }

    @Test
    void shouldReturnNullsForAbsentValuesInTheStepResult() {
        Map<String, Object> result = DeliveryReport.notSent("no tenant", Optional.empty(), NOW).toStepResult();

        assertThat(result).containsEntry("status", "FAILED").containsEntry("incidentId", null)
                .containsEntry("httpStatus", null).containsEntry("attempts", 0);
    }

    @Test
    void shouldFailTheBuildOnlyWhenAskedAndNotDelivered() {
        DeliveryReport failed = DeliveryReport.notSent("x", Optional.empty(), NOW);
        DeliveryReport skipped = DeliveryReport.skipped("disabled", Optional.empty(), NOW);
        DeliveryReport duplicate = DeliveryReport.fromOutcome(DeliveryOutcome.duplicate(Optional.empty(),
                Optional.empty(), 1, "dup", ID, Duration.ZERO), ENDPOINT, NOW);

        assertThat(failed.failsBuild(true)).isTrue();
        assertThat(failed.failsBuild(false)).isFalse();
        assertThat(skipped.failsBuild(true)).isFalse();
        assertThat(duplicate.failsBuild(true)).isFalse();
    }

    @Test
    void shouldMaskSecretsThatAServerEchoedIntoTheMessage() {
        DeliveryReport report = DeliveryReport.fromOutcome(DeliveryOutcome.rejected(OptionalInt.of(401),
                Optional.empty(), 1, "bad key " + Fixtures.API_KEY, ID, Duration.ZERO), ENDPOINT, NOW)
                .masking(List.of(Fixtures.API_KEY, ""));

        assertThat(report.logLine()).doesNotContain(Fixtures.API_KEY).contains("****");
        assertThat(report.toStepResult().values()).allSatisfy(value ->
                assertThat(String.valueOf(value)).doesNotContain(Fixtures.API_KEY));
        assertThat(report.toString()).doesNotContain(Fixtures.API_KEY);
    }

    @Test
    void shouldEncodeTheIncidentIdInTheLink() {
        assertThat(DeliveryReport.incidentLink("https://cf.example/api", "inc 1/2"))
                .isEqualTo("https://cf.example/api/v1/incidents/inc%201%2F2");
    }

    @Test
    void shouldLinkTheIncidentInTheDashboardWhenATemplateIsConfigured() {
        assertThat(DeliveryReport.incidentLink("https://app.cf.example/incidents/{incidentId}/overview",
                "https://cf.example/api", "inc 1/2"))
                .isEqualTo("https://app.cf.example/incidents/inc%201%2F2/overview");
        assertThat(DeliveryReport.incidentLink("  ", "https://cf.example/api", "inc_9"))
                .as("blank template: the API resource").isEqualTo("https://cf.example/api/v1/incidents/inc_9");
    }
}
