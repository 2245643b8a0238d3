package io.causeflow.client.outbox;

import io.causeflow.client.Alert;
import io.causeflow.client.Severity;

import java.net.URI;
import java.util.Map;

/** Alerts, credentials and a resolver shared by the outbox tests. */
final class OutboxFixtures {
    static final String API_KEY = "cf_live_outbox-test-api-key-7f3a9c";
    static final String WEBHOOK_SECRET = "whsec_outbox-test-secret-41d8e2b";
    static final String API_KEY_ID = "causeflow-api-key";
    static final String SECRET_ID = "causeflow-webhook-secret";
    static final String TENANT = "ten_outbox";

    private OutboxFixtures() {
    }

    static Alert alert(final String sourceAlertId) {
        return Alert.builder().title("Build failed: " + sourceAlertId).description("Stage 'test' failed.")
                .sourceAlertId(sourceAlertId).severity(Severity.HIGH).service("payments").environment("ci")
                .build();
    }

    static QueuedAlert queued(final URI baseUrl, final String sourceAlertId) {
        return QueuedAlert.builder().alert(alert(sourceAlertId)).baseUrl(baseUrl).tenantId(TENANT)
                .apiKeyCredentialId(API_KEY_ID).webhookSecretCredentialId(SECRET_ID)
                .buildId("team/payments/main#" + sourceAlertId.hashCode()).build();
    }

    /** Resolves the two fixture ids, like the plugin resolves Jenkins credential ids. */
    static CredentialResolver resolver() {
        Map<String, String> secrets = Map.of(API_KEY_ID, API_KEY, SECRET_ID, WEBHOOK_SECRET);
        return (id, entry) -> {
            String value = secrets.get(id);
            if (value == null) {
                throw CredentialUnavailableException.permanently("no credential with id " + id);
            }
            return value;
        };
    }
}
