package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.RetryPolicy;
import io.causeflow.client.Severity;
import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.AlertOverrides;
import io.causeflow.client.failure.DedupScope;
import io.causeflow.client.failure.LogExcerptReader;
import io.causeflow.client.failure.MappingRules;
import io.causeflow.client.failure.ServiceRule;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings.Field;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything one send needs besides the build snapshot and the secrets: connection, retry policy, log excerpt caps,
 * mapping rules and the explicit alert fields. The step, the freestyle notifier, the automatic listener and the test
 * button all build this one value with {@link #resolve(GlobalDefaults, ExplicitSettings)}, the only place where
 * "explicit value, else global default" is decided. (Within the alert itself, the mapper lets explicit title,
 * severity, service, environment, tags and sourceAlertId win over its rules.)
 *
 * @param enabled                    whether alerts are sent at all (global switch)
 * @param endpointUrl                CauseFlow base URL
 * @param tenantId                   tenant ID
 * @param apiKeyCredentialsId        credentials ID of the API key
 * @param webhookSecretCredentialsId credentials ID of the webhook secret
 * @param signatureFormat            signature header format
 * @param retryPolicy                attempts, per-attempt timeout and total budget
 * @param logExcerptLines            log excerpt cap in lines
 * @param logExcerptBytes            log excerpt cap in bytes
 * @param rules                      severity, service, environment, default tags and dedup scope
 * @param explicit                   explicit alert fields (title, severity, tags, sourceAlertId, ...)
 * @param failOnError                whether a failed delivery fails the build
 * @param incidentUrlTemplate        link to an incident in the dashboard ({@code {incidentId}}), blank for the API's
 */
public record AlertSettings(boolean enabled, String endpointUrl, String tenantId, String apiKeyCredentialsId,
        String webhookSecretCredentialsId, SignatureFormat signatureFormat, RetryPolicy retryPolicy,
        int logExcerptLines, int logExcerptBytes, MappingRules rules, AlertOverrides explicit, boolean failOnError,
        String incidentUrlTemplate) {
    /** Smallest accepted log excerpt size in bytes. */
    public static final int MIN_EXCERPT_BYTES = 1024;

    /**
     * Resolves the settings of one send: each explicit value wins, everything else comes from the global defaults.
     *
     * @param defaults  the global configuration
     * @param overrides the explicit values of this step call, notifier or listener
     * @return the resolved settings
     * @throws IllegalArgumentException naming the field when a value (explicit or global) is invalid, e.g. an
     *                                  unknown severity or a malformed severity rule, or when the endpoint is
     *                                  overridden without both credential overrides
     */
    public static AlertSettings resolve(final GlobalDefaults defaults, final ExplicitSettings overrides) {
        requireOwnCredentialsForAnotherEndpoint(defaults, overrides);
        DedupScope scope = overrides.text(Field.DEDUP_SCOPE).map(DedupScope::parse).orElse(defaults.dedupScope());
        MappingRules.Builder rules = MappingRules.builder()
                .severityRules(overrides.text(Field.SEVERITY_RULES).orElse(defaults.severityRules()))
                .serviceRule(parseServiceRule(overrides.text(Field.SERVICE_RULE).orElse(defaults.serviceRule())))
                .environment(overrides.text(Field.ENVIRONMENT).or(() -> nonBlank(defaults.defaultEnvironment()))
                        .orElse(null))
                .dedupScope(scope);
        defaults.defaultTags().forEach(rules::defaultTag);
        AlertOverrides explicit = AlertOverrides.builder()
                .title(overrides.text(Field.TITLE).orElse(null))
                .description(overrides.text(Field.DESCRIPTION).orElse(null))
                .severity(overrides.text(Field.SEVERITY).map(Severity::parse).orElse(null))
                .service(overrides.text(Field.SERVICE).orElse(null))
                .tags(overrides.tags())
                .metadata(overrides.metadata())
                .sourceAlertId(overrides.text(Field.SOURCE_ALERT_ID).orElse(null))
                .build();
        RetryPolicy retryPolicy = RetryPolicy.builder()
                .maxAttempts(positive("maxAttempts",
                        overrides.number(Field.MAX_ATTEMPTS).orElse(defaults.maxAttempts())))
                .perAttemptTimeout(Duration.ofSeconds(positive("perAttemptTimeoutSeconds",
                        overrides.number(Field.PER_ATTEMPT_TIMEOUT_SECONDS)
                                .orElse(defaults.perAttemptTimeoutSeconds()))))
                .totalBudget(Duration.ofSeconds(positive("totalBudgetSeconds",
                        overrides.number(Field.TOTAL_BUDGET_SECONDS).orElse(defaults.totalBudgetSeconds()))))
                .build();
        return new AlertSettings(defaults.enabled(),
                overrides.text(Field.ENDPOINT_URL).orElse(defaults.endpointUrl()).strip(),
                overrides.text(Field.TENANT_ID).orElse(defaults.tenantId()).strip(),
                overrides.text(Field.API_KEY_CREDENTIALS_ID).orElse(defaults.apiKeyCredentialsId()).strip(),
                overrides.text(Field.WEBHOOK_SECRET_CREDENTIALS_ID)
                        .orElse(defaults.webhookSecretCredentialsId()).strip(),
                overrides.text(Field.SIGNATURE_FORMAT).map(AlertSettings::parseSignatureFormat)
                        .orElse(defaults.signatureFormat()),
                retryPolicy,
                positive("logExcerptLines",
                        overrides.number(Field.LOG_EXCERPT_LINES).orElse(defaults.logExcerptLines())),
                positive("logExcerptBytes",
                        overrides.number(Field.LOG_EXCERPT_BYTES).orElse(defaults.logExcerptBytes())),
                rules.build(), explicit, overrides.failOnError(), defaults.incidentUrlTemplate().strip());
    }

    /** The most the "Send test alert" button may hold the request thread Jenkins lends it. */
    public static final Duration TEST_BUTTON_LIMIT = Duration.ofSeconds(10);

    /**
     * Returns these settings for the "Send test alert" button: enabled (the button tests the connection even while
     * alerts are off), one attempt, and at most {@link #TEST_BUTTON_LIMIT} for it, because it runs in a request
     * thread: the retry budget of a build would hold that thread for a minute.
     *
     * @return the settings of one short attempt
     */
    public AlertSettings forTestButton() {
        Duration timeout = retryPolicy.perAttemptTimeout().compareTo(TEST_BUTTON_LIMIT) < 0
                ? retryPolicy.perAttemptTimeout() : TEST_BUTTON_LIMIT;
        RetryPolicy oneAttempt = retryPolicy.toBuilder().maxAttempts(1).perAttemptTimeout(timeout)
                .totalBudget(timeout).build();
        return new AlertSettings(true, endpointUrl, tenantId, apiKeyCredentialsId, webhookSecretCredentialsId,
                signatureFormat, oneAttempt, logExcerptLines, logExcerptBytes, rules, explicit, false,
                incidentUrlTemplate);
    }

    /**
     * Returns the log excerpt caps: the configured lines become the tail, up to a third of them (at most 20) the
     * error-looking lines kept first, and the configured bytes the total size; the window read from the end of the
     * log stays the reader's default, so a huge log still costs one bounded read.
     *
     * @return the caps for {@link LogExcerptReader}
     */
    public LogExcerptReader.Limits excerptLimits() {
        int total = Math.max(MIN_EXCERPT_BYTES, logExcerptBytes);
        return new LogExcerptReader.Limits(LogExcerptReader.Limits.DEFAULT_WINDOW_BYTES,
                Math.min(20, Math.max(1, logExcerptLines / 3)), logExcerptLines, Math.min(500, total), total);
    }

    /**
     * Parses a signature format name case-insensitively.
     *
     * @param value {@code PREFIXED} or {@code BARE}
     * @return the format
     * @throws IllegalArgumentException naming the bad value
     */
    public static SignatureFormat parseSignatureFormat(final String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (SignatureFormat format : SignatureFormat.values()) {
            if (format.name().equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "signatureFormat: unknown value '" + value + "', expected PREFIXED or BARE");
    }

    /**
     * The global API key and webhook secret belong to the global endpoint: a job that points the alert elsewhere
     * (anyone who can edit a Jenkinsfile can) must name its own credentials, or the job-chosen host would receive the
     * global API key. Refused, never silently sent with the global ones.
     */
    private static void requireOwnCredentialsForAnotherEndpoint(final GlobalDefaults defaults,
            final ExplicitSettings overrides) {
        Optional<String> endpoint = overrides.text(Field.ENDPOINT_URL).map(String::strip);
        if (endpoint.isEmpty() || sameEndpoint(endpoint.get(), defaults.endpointUrl())) {
            return;
        }
        boolean ownKey = overrides.text(Field.API_KEY_CREDENTIALS_ID).isPresent();
        boolean ownSecret = overrides.text(Field.WEBHOOK_SECRET_CREDENTIALS_ID).isPresent();
        if (!ownKey || !ownSecret) {
            throw new IllegalArgumentException("endpointUrl: overridden to '" + endpoint.get() + "' without "
                    + (ownKey ? "webhookSecretCredentialsId" : ownSecret ? "apiKeyCredentialsId"
                            : "apiKeyCredentialsId and webhookSecretCredentialsId")
                    + "; the global credentials are only sent to the global endpoint, so set both credential "
                    + "overrides together with endpointUrl");
        }
    }

    private static boolean sameEndpoint(final String a, final String b) {
        return trimSlashes(a).equalsIgnoreCase(trimSlashes(b.strip()));
    }

    private static String trimSlashes(final String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static ServiceRule parseServiceRule(final String text) {
        // Blank means "the built-in default" (top folder), so a fresh installation gets a useful service.
        return text.isBlank() ? ServiceRule.topFolder() : ServiceRule.parse(text);
    }

    private static Optional<String> nonBlank(final String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int positive(final String name, final int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": must be at least 1, was " + value);
        }
        return value;
    }
}
