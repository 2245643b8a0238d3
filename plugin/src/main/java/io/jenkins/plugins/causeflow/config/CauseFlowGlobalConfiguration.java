package io.jenkins.plugins.causeflow.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.DedupScope;
import io.causeflow.client.failure.MappingRules;
import io.causeflow.client.failure.ServiceRule;
import io.causeflow.client.investigation.StreamProbe;
import io.causeflow.client.investigation.StreamSettings;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import io.jenkins.plugins.causeflow.investigation.LiveUpdates;
import io.jenkins.plugins.causeflow.credentials.CredentialsListBoxes;
import io.jenkins.plugins.causeflow.credentials.SystemCredentialLookup;
import io.jenkins.plugins.causeflow.delivery.AlertDelivery;
import io.jenkins.plugins.causeflow.delivery.AlertSettings;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings;
import io.jenkins.plugins.causeflow.delivery.FieldCheck;
import io.jenkins.plugins.causeflow.delivery.GlobalDefaults;
import io.jenkins.plugins.causeflow.delivery.JobFilter;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import io.jenkins.plugins.causeflow.delivery.TagLines;
import io.jenkins.plugins.causeflow.delivery.TestAlert;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Function;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * CauseFlow's settings under Manage Jenkins > System, and {@code unclassified.causeflow} in JCasC. Secrets are never
 * stored here: only the IDs of two Secret text credentials. Every setter saves, so JCasC and the form persist alike.
 */
@Extension
@Symbol("causeflow")
public class CauseFlowGlobalConfiguration extends GlobalConfiguration {
    /**
     * Binds the submitted form in one {@link BulkChange}: every setter saves (JCasC and scripts call them one by
     * one), and a form submit would otherwise write the file once per field.
     */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        try (BulkChange change = new BulkChange(this)) {
            req.bindJSON(this, json);
            change.commit();
        }
        catch (IOException e) {
            throw new FormException(e, "causeflow");
        }
        return true;
    }

    /** How long the "Test stream" button waits for the first event or ping (a request thread waits). */
    private static final java.time.Duration STREAM_TEST_TIMEOUT = java.time.Duration.ofSeconds(5);
    private static final int MAX_TIMEOUT_SECONDS = 300;
    private static final int MAX_BUDGET_SECONDS = 3600;
    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_EXCERPT_LINES = 1000;
    private static final int MAX_EXCERPT_BYTES = 64 * 1024;

    private boolean enabled = true;
    private String endpointUrl = GlobalDefaults.DEFAULT_ENDPOINT;
    /** Link to an incident in CauseFlow's dashboard; blank: the API's incident resource. */
    @CheckForNull
    private String incidentUrlTemplate;
    private String tenantId = "";
    private String apiKeyCredentialsId = "";
    private String webhookSecretCredentialsId = "";
    private SignatureFormat signatureFormat = SignatureFormat.PREFIXED;
    private String defaultEnvironment = "";
    private String severityRules = "";
    private String defaultTags = "";
    private String serviceRule = "";
    private int perAttemptTimeoutSeconds = GlobalDefaults.DEFAULT_PER_ATTEMPT_TIMEOUT_SECONDS;
    private int totalBudgetSeconds = GlobalDefaults.DEFAULT_TOTAL_BUDGET_SECONDS;
    private int maxAttempts = GlobalDefaults.DEFAULT_MAX_ATTEMPTS;
    private int logExcerptLines = GlobalDefaults.DEFAULT_LOG_EXCERPT_LINES;
    private int logExcerptBytes = GlobalDefaults.DEFAULT_LOG_EXCERPT_BYTES;
    private DedupScope dedupScope = DedupScope.BUILD;
    private boolean automaticAlerts;
    private ResultThreshold automaticThreshold = ResultThreshold.FAILURE;
    private String includeJobs = "";
    private String excludeJobs = "";
    /** Live investigation updates over the event stream (off by default). */
    private boolean liveUpdates;
    @CheckForNull
    private String streamTokenCredentialsId;

    /** Loads the saved configuration. */
    public CauseFlowGlobalConfiguration() {
        load();
    }

    /**
     * Returns the singleton.
     *
     * @return the configuration
     */
    public static CauseFlowGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CauseFlowGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return PluginTexts.format("config.displayName");
    }

    /**
     * Returns the settings as plain data, for one send. A malformed saved value (possible only through a hand-edited
     * file) falls back to its default here and is reported by the form validation.
     *
     * @return the defaults
     */
    public GlobalDefaults toDefaults() {
        return new GlobalDefaults(enabled, endpointUrl, tenantId, apiKeyCredentialsId, webhookSecretCredentialsId,
                signatureFormat, defaultEnvironment, severityRules, parsedTags(), serviceRule,
                perAttemptTimeoutSeconds, totalBudgetSeconds, maxAttempts, logExcerptLines, logExcerptBytes,
                dedupScope, getIncidentUrlTemplate());
    }

    private java.util.Map<String, String> parsedTags() {
        try {
            return TagLines.parse(defaultTags);
        }
        catch (IllegalArgumentException e) {
            return java.util.Map.of();
        }
    }

    /**
     * Returns the job filter of the automatic alerts.
     *
     * @return the filter
     */
    public JobFilter automaticJobFilter() {
        return JobFilter.parse(includeJobs, excludeJobs);
    }

    private static String clean(@CheckForNull final String value) {
        return value == null ? "" : value.strip();
    }

    public boolean isEnabled() {
        return enabled;
    }

    @DataBoundSetter
    public void setEnabled(final boolean enabled) {
        this.enabled = enabled;
        save();
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(@CheckForNull final String endpointUrl) {
        String value = clean(endpointUrl);
        this.endpointUrl = value.isEmpty() ? GlobalDefaults.DEFAULT_ENDPOINT : value;
        save();
    }

    public String getTenantId() {
        return tenantId;
    }

    @DataBoundSetter
    public void setTenantId(@CheckForNull final String tenantId) {
        this.tenantId = clean(tenantId);
        save();
    }

    public String getApiKeyCredentialsId() {
        return apiKeyCredentialsId;
    }

    @DataBoundSetter
    public void setApiKeyCredentialsId(@CheckForNull final String apiKeyCredentialsId) {
        this.apiKeyCredentialsId = clean(apiKeyCredentialsId);
        save();
    }

    public String getWebhookSecretCredentialsId() {
        return webhookSecretCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookSecretCredentialsId(@CheckForNull final String webhookSecretCredentialsId) {
        this.webhookSecretCredentialsId = clean(webhookSecretCredentialsId);
        save();
    }

    public SignatureFormat getSignatureFormat() {
        return signatureFormat;
    }

    @DataBoundSetter
    public void setSignatureFormat(@CheckForNull final SignatureFormat signatureFormat) {
        this.signatureFormat = signatureFormat == null ? SignatureFormat.PREFIXED : signatureFormat;
        save();
    }

    public String getDefaultEnvironment() {
        return defaultEnvironment;
    }

    @DataBoundSetter
    public void setDefaultEnvironment(@CheckForNull final String defaultEnvironment) {
        this.defaultEnvironment = clean(defaultEnvironment);
        save();
    }

    public String getSeverityRules() {
        return severityRules;
    }

    @DataBoundSetter
    public void setSeverityRules(@CheckForNull final String severityRules) {
        this.severityRules = clean(severityRules);
        save();
    }

    public String getDefaultTags() {
        return defaultTags;
    }

    @DataBoundSetter
    public void setDefaultTags(@CheckForNull final String defaultTags) {
        this.defaultTags = clean(defaultTags);
        save();
    }

    public String getServiceRule() {
        return serviceRule;
    }

    @DataBoundSetter
    public void setServiceRule(@CheckForNull final String serviceRule) {
        this.serviceRule = clean(serviceRule);
        save();
    }

    public int getPerAttemptTimeoutSeconds() {
        return perAttemptTimeoutSeconds;
    }

    @DataBoundSetter
    public void setPerAttemptTimeoutSeconds(final int perAttemptTimeoutSeconds) {
        this.perAttemptTimeoutSeconds = clamp(perAttemptTimeoutSeconds, MAX_TIMEOUT_SECONDS);
        save();
    }

    public int getTotalBudgetSeconds() {
        return totalBudgetSeconds;
    }

    @DataBoundSetter
    public void setTotalBudgetSeconds(final int totalBudgetSeconds) {
        this.totalBudgetSeconds = clamp(totalBudgetSeconds, MAX_BUDGET_SECONDS);
        save();
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(final int maxAttempts) {
        this.maxAttempts = clamp(maxAttempts, MAX_ATTEMPTS);
        save();
    }

    public int getLogExcerptLines() {
        return logExcerptLines;
    }

    @DataBoundSetter
    public void setLogExcerptLines(final int logExcerptLines) {
        this.logExcerptLines = clamp(logExcerptLines, MAX_EXCERPT_LINES);
        save();
    }

    public int getLogExcerptBytes() {
        return logExcerptBytes;
    }

    @DataBoundSetter
    public void setLogExcerptBytes(final int logExcerptBytes) {
        this.logExcerptBytes = Math.max(AlertSettings.MIN_EXCERPT_BYTES, Math.min(MAX_EXCERPT_BYTES, logExcerptBytes));
        save();
    }

    public DedupScope getDedupScope() {
        return dedupScope;
    }

    @DataBoundSetter
    public void setDedupScope(@CheckForNull final DedupScope dedupScope) {
        this.dedupScope = dedupScope == null ? DedupScope.BUILD : dedupScope;
        save();
    }

    public boolean isAutomaticAlerts() {
        return automaticAlerts;
    }

    @DataBoundSetter
    public void setAutomaticAlerts(final boolean automaticAlerts) {
        this.automaticAlerts = automaticAlerts;
        save();
    }

    public ResultThreshold getAutomaticThreshold() {
        return automaticThreshold;
    }

    @DataBoundSetter
    public void setAutomaticThreshold(@CheckForNull final ResultThreshold automaticThreshold) {
        this.automaticThreshold = automaticThreshold == null ? ResultThreshold.FAILURE : automaticThreshold;
        save();
    }

    public String getIncludeJobs() {
        return includeJobs;
    }

    @DataBoundSetter
    public void setIncludeJobs(@CheckForNull final String includeJobs) {
        this.includeJobs = clean(includeJobs);
        save();
    }

    public String getExcludeJobs() {
        return excludeJobs;
    }

    @DataBoundSetter
    public void setExcludeJobs(@CheckForNull final String excludeJobs) {
        this.excludeJobs = clean(excludeJobs);
        save();
    }

    /** @return the dashboard link template of an incident, or empty */
    public String getIncidentUrlTemplate() {
        return incidentUrlTemplate == null ? "" : incidentUrlTemplate;
    }

    /**
     * Sets the dashboard link of an incident, e.g. {@code https://app.causeflow.ai/incidents/{incidentId}}.
     *
     * @param incidentUrlTemplate the template, blank for the API's incident resource
     */
    @DataBoundSetter
    public void setIncidentUrlTemplate(@CheckForNull final String incidentUrlTemplate) {
        this.incidentUrlTemplate = clean(incidentUrlTemplate);
        save();
    }

    public boolean isLiveUpdates() {
        return liveUpdates;
    }

    @DataBoundSetter
    public void setLiveUpdates(final boolean liveUpdates) {
        this.liveUpdates = liveUpdates;
        save();
    }

    /** @return the ID of the Secret text credential holding the stream token, or empty */
    public String getStreamTokenCredentialsId() {
        return streamTokenCredentialsId == null ? "" : streamTokenCredentialsId;
    }

    @DataBoundSetter
    public void setStreamTokenCredentialsId(@CheckForNull final String streamTokenCredentialsId) {
        this.streamTokenCredentialsId = clean(streamTokenCredentialsId);
        save();
    }

    /** Saves, then applies the live updates settings (form, JCasC and scripts all save). */
    @Override
    public synchronized void save() {
        super.save();
        if (!BulkChange.contains(this)) {
            LiveUpdates.reconfigure();
        }
    }

    private static int clamp(final int value, final int max) {
        return Math.max(1, Math.min(max, value));
    }

    // ---- form validation: every handler is @POST and needs ADMINISTER ----

    @POST
    public FormValidation doCheckEndpointUrl(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.toValidation(FieldCheck.endpointUrl(value, true));
    }

    @POST
    public FormValidation doCheckTenantId(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.toValidation(FieldCheck.present(value, "config.noTenant"));
    }

    @POST
    public FormValidation doCheckApiKeyCredentialsId(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return checkCredentialsId(value);
    }

    @POST
    public FormValidation doCheckWebhookSecretCredentialsId(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return checkCredentialsId(value);
    }

    private static FormValidation checkCredentialsId(@CheckForNull final String value) {
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        if (value != null && !value.isBlank() && CredentialsListBoxes.isSystemScoped(value.trim())) {
            // The drop-down no longer offers it, but an older configuration or JCasC may still name it.
            return FormValidation.warning(PluginTexts.format("config.systemScoped", value.trim()));
        }
        return FormChecks.toValidation(FieldCheck.present(value, "config.noCredential"));
    }

    @POST
    public ListBoxModel doFillApiKeyCredentialsIdItems(@QueryParameter final String apiKeyCredentialsId) {
        CredentialsListBoxes.checkMayView(null);
        return CredentialsListBoxes.secretTextChoices(null, apiKeyCredentialsId);
    }

    @POST
    public ListBoxModel doFillWebhookSecretCredentialsIdItems(
            @QueryParameter final String webhookSecretCredentialsId) {
        CredentialsListBoxes.checkMayView(null);
        return CredentialsListBoxes.secretTextChoices(null, webhookSecretCredentialsId);
    }

    @POST
    public ListBoxModel doFillStreamTokenCredentialsIdItems(@QueryParameter final String streamTokenCredentialsId) {
        CredentialsListBoxes.checkMayView(null);
        return CredentialsListBoxes.secretTextChoices(null, streamTokenCredentialsId);
    }

    /**
     * Connects to the event stream with the values in the form (saved or not), waits a few seconds for the first
     * event or ping, and reports. One attempt, bounded: this is a request thread. The token never appears in the
     * answer.
     *
     * @param endpointUrl              the endpoint in the form
     * @param tenantId                 the tenant in the form
     * @param streamTokenCredentialsId the stream token credential in the form
     * @return the outcome, as a form message
     */
    @POST
    public FormValidation doTestStream(@QueryParameter final String endpointUrl,
            @QueryParameter final String tenantId, @QueryParameter final String streamTokenCredentialsId) {
        JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
        if (!AlertDelivery.isHttpUrl(clean(endpointUrl))) {
            return FormValidation.error(PluginTexts.format("config.testBadUrl"));
        }
        java.util.Optional<StreamSettings> settings = LiveUpdates.settings(endpointUrl, tenantId,
                streamTokenCredentialsId);
        if (settings.isEmpty()) {
            return FormValidation.error(PluginTexts.format("config.streamIncomplete"));
        }
        try {
            StreamProbe.Result result = StreamProbe.probe(settings.get(), STREAM_TEST_TIMEOUT);
            return result.ok() ? FormValidation.ok(result.message()) : FormValidation.error(result.message());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(PluginTexts.format("config.streamInterrupted"));
        }
    }

    @POST
    public FormValidation doCheckSeverityRules(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return parses(value, MappingRules::parseSeverityRules);
    }

    @POST
    public FormValidation doCheckServiceRule(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return parses(value, ServiceRule::parse);
    }

    @POST
    public FormValidation doCheckDefaultTags(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return parses(value, TagLines::parse);
    }

    @POST
    public FormValidation doCheckIncludeJobs(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return parses(value, text -> JobFilter.parse(text, ""));
    }

    @POST
    public FormValidation doCheckExcludeJobs(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return parses(value, text -> JobFilter.parse("", text));
    }

    private static FormValidation parses(@CheckForNull final String value, final Function<String, ?> parser) {
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.toValidation(FieldCheck.parses(value, parser));
    }

    @POST
    public FormValidation doCheckPerAttemptTimeoutSeconds(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return range(value, MAX_TIMEOUT_SECONDS);
    }

    @POST
    public FormValidation doCheckTotalBudgetSeconds(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return range(value, MAX_BUDGET_SECONDS);
    }

    @POST
    public FormValidation doCheckMaxAttempts(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return range(value, MAX_ATTEMPTS);
    }

    @POST
    public FormValidation doCheckLogExcerptLines(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        return range(value, MAX_EXCERPT_LINES);
    }

    @POST
    public FormValidation doCheckLogExcerptBytes(@QueryParameter final String value) {
        CredentialsListBoxes.checkMayView(null);
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.toValidation(FieldCheck.range(value, AlertSettings.MIN_EXCERPT_BYTES, MAX_EXCERPT_BYTES));
    }

    private static FormValidation range(@CheckForNull final String value, final int max) {
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.toValidation(FieldCheck.range(value, 1, max));
    }

    /**
     * Sends a clearly marked INFO test alert with the values currently in the form (saved or not) and shows the
     * outcome. Only http and https endpoints are called.
     *
     * @param endpointUrl                the endpoint in the form
     * @param tenantId                   the tenant in the form
     * @param apiKeyCredentialsId        the API key credential in the form
     * @param webhookSecretCredentialsId the webhook secret credential in the form
     * @param signatureFormat            the signature format in the form
     * @return the outcome, as a form message
     */
    @POST
    public FormValidation doTestAlert(@QueryParameter final String endpointUrl, @QueryParameter final String tenantId,
            @QueryParameter final String apiKeyCredentialsId, @QueryParameter final String webhookSecretCredentialsId,
            @QueryParameter final String signatureFormat) {
        JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
        if (!AlertDelivery.isHttpUrl(clean(endpointUrl))) {
            return FormValidation.error(PluginTexts.format("config.testBadUrl"));
        }
        if (clean(apiKeyCredentialsId).contains("${") || clean(webhookSecretCredentialsId).contains("${")) {
            return FormValidation.error(PluginTexts.format("config.expressionId"));
        }
        AlertSettings settings;
        try {
            settings = AlertSettings.resolve(toDefaults(), ExplicitSettings.builder()
                    .endpointUrl(endpointUrl).tenantId(tenantId).apiKeyCredentialsId(apiKeyCredentialsId)
                    .webhookSecretCredentialsId(webhookSecretCredentialsId).signatureFormat(signatureFormat)
                    .build());
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(PluginTexts.format("config.invalid", e.getMessage()));
        }
        // One short attempt, even while alerts are switched off globally: this is a request thread.
        AlertSettings enabled = settings.forTestButton();
        Clock clock = Clock.systemUTC();
        DeliveryReport report = new AlertDelivery(JenkinsFacade::httpClient, clock).deliver(enabled,
                TestAlert.create(JenkinsFacade.controllerId(), clock.instant()), new SystemCredentialLookup());
        return report.isDelivered()
                ? FormValidation.ok(PluginTexts.format("config.testOk", report.logLine()))
                : FormValidation.error(PluginTexts.format("config.testFailed", report.logLine()));
    }
}
