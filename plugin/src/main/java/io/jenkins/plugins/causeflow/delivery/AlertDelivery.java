package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.Alert;
import io.causeflow.client.CauseFlowClient;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.failure.BuildSnapshot;
import io.causeflow.client.failure.FailureAlertMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one delivery entry point of the plugin: the Pipeline step, the freestyle notifier, the automatic listener and
 * the "Send test alert" button all end here. It checks the settings, resolves both secrets through the given
 * {@link CredentialLookup}, builds the client on the given (proxy-aware) HTTP client and reports the outcome. It never
 * throws for configuration, credential, network or HTTP trouble: every path ends in a {@link DeliveryReport}.
 */
public final class AlertDelivery {
    private final Supplier<HttpClient> httpClients;
    private final Clock clock;

    /**
     * Creates the delivery.
     *
     * @param httpClients makes the HTTP client for one send; in Jenkins from {@code ProxyConfiguration}
     * @param clock       the time source for reports
     */
    public AlertDelivery(final Supplier<HttpClient> httpClients, final Clock clock) {
        this.httpClients = httpClients;
        this.clock = clock;
    }

    /**
     * Maps a build snapshot to an alert and delivers it.
     *
     * @param settings    the resolved settings
     * @param snapshot    the build, as plain data
     * @param credentials looks the secrets up for this build
     * @return the report
     */
    public DeliveryReport send(final AlertSettings settings, final BuildSnapshot snapshot,
            final CredentialLookup credentials) {
        if (!settings.enabled()) {
            return DeliveryReport.skipped(PluginTexts.format("disabled"), settings.explicit().sourceAlertId(),
                    clock.instant());
        }
        Alert alert;
        try {
            alert = FailureAlertMapper.map(snapshot, settings.rules(), settings.explicit());
        }
        catch (IllegalArgumentException | IllegalStateException e) {
            return DeliveryReport.notSent(PluginTexts.format("clientRefused", e.getMessage()),
                    settings.explicit().sourceAlertId(), clock.instant());
        }
        return deliver(settings, alert, credentials);
    }

    /**
     * Delivers a ready alert.
     *
     * @param settings    the resolved settings
     * @param alert       the alert
     * @param credentials looks the secrets up
     * @return the report
     */
    public DeliveryReport deliver(final AlertSettings settings, final Alert alert,
            final CredentialLookup credentials) {
        Optional<String> sourceAlertId = alert.sourceAlertId();
        if (!settings.enabled()) {
            return DeliveryReport.skipped(PluginTexts.format("disabled"), sourceAlertId, clock.instant());
        }
        Optional<String> problem = configurationProblem(settings);
        if (problem.isPresent()) {
            return DeliveryReport.notSent(problem.get(), sourceAlertId, clock.instant());
        }
        SecretLookup apiKey = credentials.find(settings.apiKeyCredentialsId());
        if (apiKey.secret().isEmpty()) {
            return DeliveryReport.notSent(credentialProblem("apiKey", apiKey), sourceAlertId, clock.instant());
        }
        SecretLookup webhookSecret = credentials.find(settings.webhookSecretCredentialsId());
        if (webhookSecret.secret().isEmpty()) {
            return DeliveryReport.notSent(credentialProblem("webhookSecret", webhookSecret), sourceAlertId,
                    clock.instant());
        }
        List<String> secrets = List.of(apiKey.secret().get(), webhookSecret.secret().get());
        CauseFlowClient client;
        try {
            client = CauseFlowClient.builder()
                    .baseUrl(URI.create(settings.endpointUrl()))
                    .tenantId(settings.tenantId())
                    .apiKey(apiKey.secret().get())
                    .webhookSecret(webhookSecret.secret().get())
                    .signatureFormat(settings.signatureFormat())
                    .retryPolicy(settings.retryPolicy())
                    .httpClient(httpClients.get())
                    .build();
        }
        catch (IllegalArgumentException | IllegalStateException e) {
            return DeliveryReport.notSent(PluginTexts.format("invalidSettings", e.getMessage()), sourceAlertId,
                    clock.instant()).masking(secrets);
        }
        DeliveryOutcome outcome = client.send(alert);
        return DeliveryReport.fromOutcome(outcome, settings.endpointUrl(), settings.incidentUrlTemplate(),
                clock.instant()).masking(secrets);
    }

    /**
     * Checks what can be checked without credentials: endpoint, tenant and both credential IDs.
     *
     * @param settings the settings
     * @return the first problem, as a log-ready sentence
     */
    public static Optional<String> configurationProblem(final AlertSettings settings) {
        if (!isHttpUrl(settings.endpointUrl())) {
            return Optional.of(PluginTexts.format("badEndpoint", settings.endpointUrl()));
        }
        if (settings.tenantId().isBlank()) {
            return Optional.of(PluginTexts.format("noTenant"));
        }
        if (settings.apiKeyCredentialsId().isBlank()) {
            return Optional.of(PluginTexts.format("noCredentialsId", PluginTexts.format("apiKey"), "apiKeyCredentialsId"));
        }
        if (settings.webhookSecretCredentialsId().isBlank()) {
            return Optional.of(PluginTexts.format("noCredentialsId", PluginTexts.format("webhookSecret"),
                    "webhookSecretCredentialsId"));
        }
        return Optional.empty();
    }

    /**
     * Returns whether a text is an absolute http or https URL with a host; the only URLs the plugin ever calls.
     *
     * @param url the text
     * @return true for e.g. {@code https://api.causeflow.ai}
     */
    public static boolean isHttpUrl(final String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static String credentialProblem(final String which, final SecretLookup lookup) {
        String name = PluginTexts.format(which);
        return lookup.kind() == SecretLookup.Kind.WRONG_TYPE
                ? PluginTexts.format("credentialWrongType", name, lookup.credentialsId(), lookup.actualType())
                : PluginTexts.format("credentialMissing", name, lookup.credentialsId());
    }
}
