package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.receiver.ReceiverConfig;
import io.causeflow.receiver.ReceiverServer;
import io.causeflow.receiver.model.Incident;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link AlertDelivery} end to end: the plugin's delivery path (settings, resolved secrets, mapper,
 * client) against the reference receiver started in-process on a loopback port, which verifies the signature and the
 * API key before it stores an incident.
 */
class AlertDeliveryITest {
    private ReceiverServer receiver;
    private AlertDelivery delivery;

    @BeforeEach
    void startReceiver() {
        receiver = ReceiverServer.create(ReceiverConfig.builder().port(0).inMemory()
                .tenant("tenant-a", Fixtures.API_KEY, Fixtures.WEBHOOK_SECRET, "stream-token-0003").build()).start();
        delivery = new AlertDelivery(HttpClient::newHttpClient, Clock.systemUTC());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private AlertSettings settings(final ExplicitSettings explicit) {
        return AlertSettings.resolve(Fixtures.defaults(receiver.baseUri().toString()), explicit);
    }

    @Test
    void shouldStoreOneIncidentWithAVerifiedSignatureAndAnswerTheSecondSendAsDuplicate() {
        DeliveryReport first = delivery.send(settings(ExplicitSettings.none()), Fixtures.failedBuild(42),
                Fixtures.bothSecrets());
        DeliveryReport second = delivery.send(settings(ExplicitSettings.none()), Fixtures.failedBuild(42),
                Fixtures.bothSecrets());

        assertThat(first.status()).as(first.logLine()).isEqualTo(DeliveryReport.Status.ACCEPTED);
        assertThat(first.incidentId()).isPresent();
        assertThat(first.logLine()).contains(first.incidentId().get(), receiver.baseUri().toString());
        assertThat(second.status()).isEqualTo(DeliveryReport.Status.DUPLICATE);
        assertThat(second.sourceAlertId()).isEqualTo(first.sourceAlertId());
        List<Incident> incidents = receiver.incidents("tenant-a");
        assertThat(incidents).hasSize(1);
        Incident incident = incidents.get(0);
        assertThat(incident.incidentId()).isEqualTo(first.incidentId().get());
        assertThat(incident.sourceAlertId()).isEqualTo(first.sourceAlertId());
        assertThat(incident.title()).contains("FAILURE", "team/app/main", "42");
        assertThat(incident.severity()).isEqualTo("high"); // result FAILURE; no branch, so branch:main does not apply
        assertThat(incident.environment()).contains("production");
        assertThat(incident.tags()).containsEntry("team", "payments");
    }

    @Test
    void shouldSendTheBareSignatureFormatWhenConfigured() {
        DeliveryReport report = delivery.send(settings(ExplicitSettings.builder().signatureFormat("BARE").build()),
                Fixtures.failedBuild(43), Fixtures.bothSecrets());

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.ACCEPTED);
        assertThat(receiver.incidents("tenant-a")).hasSize(1);
    }

    @Test
    void shouldLetExplicitFieldsWinInTheStoredIncident() {
        DeliveryReport report = delivery.send(settings(ExplicitSettings.builder().title("Deploy of checkout failed")
                .severity("low").service("checkout").sourceAlertId("deploy-77").tags(Map.of("team", "core"))
                .build()), Fixtures.failedBuild(44), Fixtures.bothSecrets());

        assertThat(report.sourceAlertId()).contains("deploy-77");
        Incident incident = receiver.incidents("tenant-a").get(0);
        assertThat(incident.title()).isEqualTo("Deploy of checkout failed");
        assertThat(incident.severity()).isEqualTo("low");
        assertThat(incident.service()).contains("checkout");
        assertThat(incident.tags()).containsEntry("team", "core");
    }

    @Test
    void shouldBeRejectedWithoutLeakingTheSecretWhenTheApiKeyIsWrong() {
        String wrongKey = "cflo_live_sk_WRONG_but_secret_9999";
        CredentialLookup lookup = id -> id.equals("cf-api-key") ? SecretLookup.found(id, wrongKey)
                : SecretLookup.found(id, Fixtures.WEBHOOK_SECRET);

        DeliveryReport report = delivery.send(settings(ExplicitSettings.none()), Fixtures.failedBuild(45), lookup);

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.REJECTED);
        assertThat(report.httpStatus()).isPresent();
        assertThat(report.httpStatus().getAsInt()).isIn(401, 403);
        assertThat(report.logLine() + report.toStepResult() + report)
                .doesNotContain(wrongKey).doesNotContain(Fixtures.WEBHOOK_SECRET);
        assertThat(receiver.incidents("tenant-a")).isEmpty();
    }

    @Test
    void shouldBeRejectedWhenTheWebhookSecretDoesNotMatch() {
        CredentialLookup lookup = id -> id.equals("cf-api-key") ? SecretLookup.found(id, Fixtures.API_KEY)
                : SecretLookup.found(id, "whsec_not_the_right_one");

        DeliveryReport report = delivery.send(settings(ExplicitSettings.none()), Fixtures.failedBuild(46), lookup);

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.REJECTED);
        assertThat(report.logLine()).doesNotContain("whsec_not_the_right_one");
        assertThat(receiver.incidents("tenant-a")).isEmpty();
    }

    @Test
    void shouldDeliverTheTestAlertAsInfo() {
        DeliveryReport report = delivery.deliver(settings(ExplicitSettings.none()),
                TestAlert.create("ci.example.com", Fixtures.CLOCK.instant()), Fixtures.bothSecrets());

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.ACCEPTED);
        Incident incident = receiver.incidents("tenant-a").get(0);
        assertThat(incident.severity()).isEqualTo("info");
        assertThat(incident.title()).startsWith("[TEST]");
        assertThat(incident.tags()).containsEntry(TestAlert.TEST_TAG, "true");
    }
}
