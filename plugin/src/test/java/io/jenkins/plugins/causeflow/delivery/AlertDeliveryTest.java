package io.jenkins.plugins.causeflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.DedupScope;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tests the class {@link AlertDelivery}: everything decided before a request is sent (disabled, incomplete
 * configuration, credential problems). Nothing here opens a connection.
 */
class AlertDeliveryTest {
    private final AtomicInteger clientsMade = new AtomicInteger();
    private final Supplier<HttpClient> clients = () -> {
        clientsMade.incrementAndGet();
        return HttpClient.newHttpClient();
    };
    private final AlertDelivery delivery = new AlertDelivery(clients, Fixtures.CLOCK);

    private static AlertSettings settings(final GlobalDefaults defaults) {
        return AlertSettings.resolve(defaults, ExplicitSettings.none());
    }

    private static GlobalDefaults with(final String tenant, final String apiKeyId, final boolean enabled,
            final String endpoint) {
        return new GlobalDefaults(enabled, endpoint, tenant, apiKeyId, "cf-webhook-secret", SignatureFormat.PREFIXED,
                "", "", Map.of(), "", 5, 20, 2, 60, 16_000, DedupScope.BUILD);
    }

    @Test
    void shouldSkipWithoutReadingCredentialsWhenAlertsAreDisabled() {
        AtomicInteger lookups = new AtomicInteger();
        DeliveryReport report = delivery.send(settings(with("t", "k", false, "https://api.causeflow.ai")),
                Fixtures.failedBuild(7), id -> {
                    lookups.incrementAndGet();
                    return SecretLookup.missing(id);
                });

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.SKIPPED);
        assertThat(report.logLine()).contains("disabled");
        assertThat(lookups).hasValue(0);
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void shouldNotSendWithoutATenant() {
        DeliveryReport report = delivery.send(settings(with("", "cf-api-key", true, "https://api.causeflow.ai")),
                Fixtures.failedBuild(7), Fixtures.bothSecrets());

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.FAILED);
        assertThat(report.logLine()).startsWith("[CauseFlow] Alert not sent:").contains("tenant ID");
        assertThat(report.sourceAlertId()).isPresent();
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void shouldNotSendToANonHttpEndpoint() {
        DeliveryReport report = delivery.send(settings(with("t", "cf-api-key", true, "file:///etc/passwd")),
                Fixtures.failedBuild(7), Fixtures.bothSecrets());

        assertThat(report.logLine()).contains("is not an absolute http or https URL");
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void shouldNameTheMissingCredentialsIdSetting() {
        DeliveryReport report = delivery.send(settings(with("t", "", true, "https://api.causeflow.ai")),
                Fixtures.failedBuild(7), Fixtures.bothSecrets());

        assertThat(report.logLine()).contains("no API key credentials ID is configured", "apiKeyCredentialsId");
    }

    @Test
    void shouldNameTheIdOfACredentialThatWasNotFound() {
        DeliveryReport report = delivery.send(settings(with("t", "no-such-id", true, "https://api.causeflow.ai")),
                Fixtures.failedBuild(7), Fixtures.bothSecrets());

        assertThat(report.logLine()).isEqualTo("[CauseFlow] Alert not sent: the API key credential 'no-such-id' "
                + "was not found or is not visible to this build.");
        assertThat(report.attempts()).isZero();
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void shouldNameTheIdAndTypeOfAWrongTypeCredentialWithoutItsValue() {
        CredentialLookup lookup = id -> id.equals("cf-webhook-secret")
                ? SecretLookup.wrongType(id, "UsernamePasswordCredentialsImpl")
                : SecretLookup.found(id, Fixtures.API_KEY);

        DeliveryReport report = delivery.send(settings(with("t", "cf-api-key", true, "https://api.causeflow.ai")),
                Fixtures.failedBuild(7), lookup);

        assertThat(report.logLine()).contains("webhook secret credential 'cf-webhook-secret'",
                "UsernamePasswordCredentialsImpl", "Secret text").doesNotContain(Fixtures.API_KEY);
        assertThat(report.toStepResult().toString()).doesNotContain(Fixtures.API_KEY);
    }

    @Test
    void shouldNeverShowASecretInTheToStringOfALookup() {
        assertThat(SecretLookup.found("cf-api-key", Fixtures.API_KEY).toString())
                .contains("cf-api-key").doesNotContain(Fixtures.API_KEY);
    }

    @Test
    void shouldAcceptOnlyAbsoluteHttpAndHttpsUrls() {
        assertThat(AlertDelivery.isHttpUrl("https://api.causeflow.ai")).isTrue();
        assertThat(AlertDelivery.isHttpUrl("HTTP://localhost:8080/base")).isTrue();
        assertThat(AlertDelivery.isHttpUrl("ftp://example.com")).isFalse();
        assertThat(AlertDelivery.isHttpUrl("api.causeflow.ai")).isFalse();
        assertThat(AlertDelivery.isHttpUrl("https://")).isFalse();
        assertThat(AlertDelivery.isHttpUrl("not a url")).isFalse();
    }
}
