package io.jenkins.plugins.causeflow.delivery;

import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.DedupScope;
import java.util.Map;

/**
 * The global configuration as plain data: what applies when a step, notifier or listener gives no explicit value.
 * The edge copies {@code CauseFlowGlobalConfiguration} into this record once per send.
 *
 * @param enabled                    whether alerts are sent at all
 * @param endpointUrl                CauseFlow base URL, e.g. {@code https://api.causeflow.ai}
 * @param tenantId                   the tenant ID
 * @param apiKeyCredentialsId        ID of the Secret text credential holding the API key
 * @param webhookSecretCredentialsId ID of the Secret text credential holding the webhook secret
 * @param signatureFormat            how the signature header is written
 * @param defaultEnvironment         environment sent when none is given (may be empty)
 * @param severityRules              severity rules text, one rule per line (may be empty)
 * @param defaultTags                tags added to every alert
 * @param serviceRule                how the service is derived when none is given (may be empty)
 * @param perAttemptTimeoutSeconds   timeout of one HTTP attempt
 * @param totalBudgetSeconds         time budget for all attempts
 * @param maxAttempts                maximum number of attempts
 * @param logExcerptLines            log excerpt cap in lines
 * @param logExcerptBytes            log excerpt cap in bytes
 * @param incidentUrlTemplate        the link to an incident in CauseFlow's dashboard, with {@code {incidentId}};
 *                                   blank: the API's incident resource
 * @param dedupScope                 how the sourceAlertId is derived when none is given
 */
public record GlobalDefaults(boolean enabled, String endpointUrl, String tenantId, String apiKeyCredentialsId,
        String webhookSecretCredentialsId, SignatureFormat signatureFormat, String defaultEnvironment,
        String severityRules, Map<String, String> defaultTags, String serviceRule, int perAttemptTimeoutSeconds,
        int totalBudgetSeconds, int maxAttempts, int logExcerptLines, int logExcerptBytes, DedupScope dedupScope,
        String incidentUrlTemplate) {
    /** CauseFlow's hosted API. */
    public static final String DEFAULT_ENDPOINT = "https://api.causeflow.ai";
    /** Default timeout of one attempt. */
    public static final int DEFAULT_PER_ATTEMPT_TIMEOUT_SECONDS = 10;
    /** Default budget for all attempts; keeps a build from waiting long on a notification. */
    public static final int DEFAULT_TOTAL_BUDGET_SECONDS = 30;
    /** Default number of attempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default log excerpt size in lines. */
    public static final int DEFAULT_LOG_EXCERPT_LINES = 60;
    /** Default log excerpt size in bytes. */
    public static final int DEFAULT_LOG_EXCERPT_BYTES = 16_000;

    /** Copies the tags; a missing template means none. */
    public GlobalDefaults {
        defaultTags = Map.copyOf(defaultTags);
        incidentUrlTemplate = incidentUrlTemplate == null ? "" : incidentUrlTemplate;
    }

    /**
     * Defaults without an incident URL template (links then point at the API's incident resource).
     *
     * @param enabled                    whether alerts are sent
     * @param endpointUrl                CauseFlow base URL
     * @param tenantId                   tenant ID
     * @param apiKeyCredentialsId        credentials ID of the API key
     * @param webhookSecretCredentialsId credentials ID of the webhook secret
     * @param signatureFormat            signature header format
     * @param defaultEnvironment         environment when no rule gives one
     * @param severityRules              severity rules, one per line
     * @param defaultTags                tags of every alert
     * @param serviceRule                service rule
     * @param perAttemptTimeoutSeconds   timeout of one attempt
     * @param totalBudgetSeconds         budget of all attempts
     * @param maxAttempts                attempts
     * @param logExcerptLines            log excerpt cap in lines
     * @param logExcerptBytes            log excerpt cap in bytes
     * @param dedupScope                 deduplication scope
     */
    public GlobalDefaults(final boolean enabled, final String endpointUrl, final String tenantId,
            final String apiKeyCredentialsId, final String webhookSecretCredentialsId,
            final SignatureFormat signatureFormat, final String defaultEnvironment, final String severityRules,
            final Map<String, String> defaultTags, final String serviceRule, final int perAttemptTimeoutSeconds,
            final int totalBudgetSeconds, final int maxAttempts, final int logExcerptLines, final int logExcerptBytes,
            final DedupScope dedupScope) {
        this(enabled, endpointUrl, tenantId, apiKeyCredentialsId, webhookSecretCredentialsId, signatureFormat,
                defaultEnvironment, severityRules, defaultTags, serviceRule, perAttemptTimeoutSeconds,
                totalBudgetSeconds, maxAttempts, logExcerptLines, logExcerptBytes, dedupScope, "");
    }

    /**
     * Returns the defaults of a fresh installation: hosted endpoint, nothing else configured.
     *
     * @return the defaults
     */
    public static GlobalDefaults fresh() {
        return new GlobalDefaults(true, DEFAULT_ENDPOINT, "", "", "", SignatureFormat.PREFIXED, "", "", Map.of(), "",
                DEFAULT_PER_ATTEMPT_TIMEOUT_SECONDS, DEFAULT_TOTAL_BUDGET_SECONDS, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_LOG_EXCERPT_LINES, DEFAULT_LOG_EXCERPT_BYTES, DedupScope.BUILD);
    }
}
