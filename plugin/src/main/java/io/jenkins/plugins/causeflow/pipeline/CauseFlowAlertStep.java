package io.jenkins.plugins.causeflow.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.causeflow.client.Severity;
import io.causeflow.client.failure.DedupScope;
import io.jenkins.plugins.causeflow.RunAlertDispatcher;
import io.jenkins.plugins.causeflow.config.FormChecks;
import io.jenkins.plugins.causeflow.credentials.CredentialsListBoxes;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings;
import io.jenkins.plugins.causeflow.delivery.FieldCheck;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.delivery.TagLines;
import io.jenkins.plugins.causeflow.snapshot.RunSnapshotReader;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import io.causeflow.client.investigation.WaitFor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code causeflowAlert}: sends an alert about the current build. Every argument is optional ({@code causeflowAlert()}
 * uses the global configuration and describes the build), works outside {@code node} and in
 * {@code post { failure { ... } }}, and returns a map with {@code status}, {@code incidentId}, {@code incidentLink},
 * {@code sourceAlertId}, {@code httpStatus}, {@code attempts} and {@code message}. A failed delivery fails the build
 * only with {@code failOnError: true}.
 */
public class CauseFlowAlertStep extends Step {
    @CheckForNull
    private String title;
    @CheckForNull
    private String description;
    @CheckForNull
    private String severity;
    @CheckForNull
    private String service;
    @CheckForNull
    private String environment;
    @CheckForNull
    private Map<String, Object> tags;
    @CheckForNull
    private Map<String, Object> metadata;
    @CheckForNull
    private String sourceAlertId;
    @CheckForNull
    private String dedupScope;
    private boolean failOnError;
    private boolean queueOnFailure = true;
    @CheckForNull
    private Integer logExcerptLines;
    @CheckForNull
    private Integer logExcerptBytes;
    @CheckForNull
    private String endpointUrl;
    @CheckForNull
    private String tenantId;
    @CheckForNull
    private String apiKeyCredentialsId;
    @CheckForNull
    private String webhookSecretCredentialsId;
    @CheckForNull
    private String signatureFormat;
    @CheckForNull
    private String severityRules;
    @CheckForNull
    private String serviceRule;
    @CheckForNull
    private Integer perAttemptTimeoutSeconds;
    @CheckForNull
    private Integer totalBudgetSeconds;
    @CheckForNull
    private Integer maxAttempts;
    /** What to wait for after delivery (ROOT_CAUSE, REMEDIATION, RESOLVED); null: return at once. */
    @CheckForNull
    private String waitFor;
    /** The longest wait in seconds; null: {@link WaitingExecution#DEFAULT_TIMEOUT_SECONDS}. */
    @CheckForNull
    private Integer waitTimeout;

    /** Creates the step; every argument is an optional setter. */
    @DataBoundConstructor
    public CauseFlowAlertStep() {
        super();
    }

    /**
     * Returns the explicit values of this call as plain data.
     *
     * @return the overrides
     */
    public ExplicitSettings toExplicitSettings() {
        return ExplicitSettings.builder()
                .title(title).description(description).severity(severity).service(service)
                .environment(environment).tags(tags).metadata(metadata).sourceAlertId(sourceAlertId)
                .dedupScope(dedupScope).failOnError(failOnError)
                .logExcerptLines(logExcerptLines).logExcerptBytes(logExcerptBytes)
                .endpointUrl(endpointUrl).tenantId(tenantId).apiKeyCredentialsId(apiKeyCredentialsId)
                .webhookSecretCredentialsId(webhookSecretCredentialsId).signatureFormat(signatureFormat)
                .severityRules(severityRules).serviceRule(serviceRule)
                .perAttemptTimeoutSeconds(perAttemptTimeoutSeconds).totalBudgetSeconds(totalBudgetSeconds)
                .maxAttempts(maxAttempts)
                .build();
    }

    @Override
    public StepExecution start(final StepContext context) {
        if (waitFor != null) {
            return new WaitingExecution(this, context);
        }
        return new Execution(this, context);
    }

    public String getWaitFor() {
        return waitFor;
    }

    /**
     * Makes the step wait, without holding a thread, for the investigation's answer.
     *
     * @param waitFor ROOT_CAUSE, REMEDIATION or RESOLVED (any case, {@code -} or {@code _}); blank: no wait
     * @throws IllegalArgumentException naming the accepted values
     */
    @DataBoundSetter
    public void setWaitFor(@CheckForNull final String waitFor) {
        String value = Util.fixEmptyAndTrim(waitFor);
        this.waitFor = value == null ? null : WaitFor.parse(value).name();
    }

    public Integer getWaitTimeout() {
        return waitTimeout;
    }

    /**
     * Sets the longest wait.
     *
     * @param waitTimeout seconds, 1 to {@link WaitingExecution#MAX_TIMEOUT_SECONDS}
     * @throws IllegalArgumentException when out of range
     */
    @DataBoundSetter
    public void setWaitTimeout(@CheckForNull final Integer waitTimeout) {
        if (waitTimeout != null && (waitTimeout < 1 || waitTimeout > WaitingExecution.MAX_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException("waitTimeout must be between 1 and "
                    + WaitingExecution.MAX_TIMEOUT_SECONDS + " seconds, not " + waitTimeout);
        }
        this.waitTimeout = waitTimeout;
    }

    /** @return the wait in seconds this call asked for, or the default */
    int waitTimeoutSeconds() {
        return waitTimeout == null ? WaitingExecution.DEFAULT_TIMEOUT_SECONDS : waitTimeout;
    }

    /** Runs the send on the non-blocking step pool (HTTP must never run on the CPS VM thread). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient CauseFlowAlertStep step;

        Execution(final CauseFlowAlertStep step, final StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            EnvVars env = context.get(EnvVars.class);
            Map<String, String> environment = env == null ? RunSnapshotReader.environment(run, listener) : env;
            DeliveryReport report = RunAlertDispatcher.dispatch(run, listener, environment,
                    step.toExplicitSettings(), RunAlertDispatcher.Trigger.STEP, false,
                    step.queueOnFailure ? RunAlertDispatcher.Mode.NOW_THEN_QUEUE : RunAlertDispatcher.Mode.NOW);
            if (report.failsBuild(step.failOnError)) {
                run.setResult(Result.FAILURE);
                throw new AbortException(PluginTexts.format("step.failOnError", report.status().name(),
                        report.message()));
            }
            return report.toStepResult();
        }
    }

    /** @return whether a retryable failure hands the alert to the outbox (status QUEUED) */
    public boolean isQueueOnFailure() {
        return queueOnFailure;
    }

    /**
     * Chooses what happens when delivery fails after its retries: queue the alert in the controller's outbox (the
     * step returns {@code QUEUED}; it is delivered when CauseFlow is back, also after a restart) or return
     * {@code FAILED}.
     *
     * @param queueOnFailure true (the default) to queue
     */
    @DataBoundSetter
    public void setQueueOnFailure(final boolean queueOnFailure) {
        this.queueOnFailure = queueOnFailure;
    }

    public String getTitle() {
        return title;
    }

    @DataBoundSetter
    public void setTitle(@CheckForNull final String title) {
        this.title = Util.fixEmptyAndTrim(title);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(@CheckForNull final String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    public String getSeverity() {
        return severity;
    }

    @DataBoundSetter
    public void setSeverity(@CheckForNull final String severity) {
        this.severity = Util.fixEmptyAndTrim(severity);
    }

    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(@CheckForNull final String service) {
        this.service = Util.fixEmptyAndTrim(service);
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(@CheckForNull final String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    /**
     * Returns the tags as {@code key=value} lines: a text, which the Snippet Generator and the Pipeline Syntax
     * reference understand (they cannot describe a {@code Map}).
     *
     * @return the lines, or null
     */
    @CheckForNull
    public String getTags() {
        return lines(tags);
    }

    /**
     * Sets the tags from {@code key=value} lines ({@code tags: [team: 'payments']} maps still work: see
     * {@link DescriptorImpl#newInstance(Map)}).
     *
     * @param tags the lines
     * @throws IllegalArgumentException naming the line that is not {@code key=value}
     */
    @DataBoundSetter
    public void setTags(@CheckForNull final String tags) {
        this.tags = parseLines(tags);
    }

    /**
     * Returns the metadata as {@code key=value} lines (see {@link #getTags()}).
     *
     * @return the lines, or null
     */
    @CheckForNull
    public String getMetadata() {
        return lines(metadata);
    }

    /**
     * Sets the metadata from {@code key=value} lines (string values; a map argument keeps its value types).
     *
     * @param metadata the lines
     */
    @DataBoundSetter
    public void setMetadata(@CheckForNull final String metadata) {
        this.metadata = parseLines(metadata);
    }

    @CheckForNull
    private static Map<String, Object> parseLines(@CheckForNull final String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>(TagLines.parse(text));
        return values.isEmpty() ? null : values;
    }

    @CheckForNull
    private static String lines(@CheckForNull final Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(text.length() == 0 ? "" : "\n").append(key).append('=')
                .append(value));
        return text.toString();
    }

    public String getSourceAlertId() {
        return sourceAlertId;
    }

    @DataBoundSetter
    public void setSourceAlertId(@CheckForNull final String sourceAlertId) {
        this.sourceAlertId = Util.fixEmptyAndTrim(sourceAlertId);
    }

    public String getDedupScope() {
        return dedupScope;
    }

    @DataBoundSetter
    public void setDedupScope(@CheckForNull final String dedupScope) {
        this.dedupScope = Util.fixEmptyAndTrim(dedupScope);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(final boolean failOnError) {
        this.failOnError = failOnError;
    }

    public Integer getLogExcerptLines() {
        return logExcerptLines;
    }

    @DataBoundSetter
    public void setLogExcerptLines(@CheckForNull final Integer logExcerptLines) {
        this.logExcerptLines = logExcerptLines;
    }

    public Integer getLogExcerptBytes() {
        return logExcerptBytes;
    }

    @DataBoundSetter
    public void setLogExcerptBytes(@CheckForNull final Integer logExcerptBytes) {
        this.logExcerptBytes = logExcerptBytes;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(@CheckForNull final String endpointUrl) {
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    public String getTenantId() {
        return tenantId;
    }

    @DataBoundSetter
    public void setTenantId(@CheckForNull final String tenantId) {
        this.tenantId = Util.fixEmptyAndTrim(tenantId);
    }

    public String getApiKeyCredentialsId() {
        return apiKeyCredentialsId;
    }

    @DataBoundSetter
    public void setApiKeyCredentialsId(@CheckForNull final String apiKeyCredentialsId) {
        this.apiKeyCredentialsId = Util.fixEmptyAndTrim(apiKeyCredentialsId);
    }

    public String getWebhookSecretCredentialsId() {
        return webhookSecretCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookSecretCredentialsId(@CheckForNull final String webhookSecretCredentialsId) {
        this.webhookSecretCredentialsId = Util.fixEmptyAndTrim(webhookSecretCredentialsId);
    }

    public String getSignatureFormat() {
        return signatureFormat;
    }

    @DataBoundSetter
    public void setSignatureFormat(@CheckForNull final String signatureFormat) {
        this.signatureFormat = Util.fixEmptyAndTrim(signatureFormat);
    }

    public String getSeverityRules() {
        return severityRules;
    }

    @DataBoundSetter
    public void setSeverityRules(@CheckForNull final String severityRules) {
        this.severityRules = Util.fixEmptyAndTrim(severityRules);
    }

    public String getServiceRule() {
        return serviceRule;
    }

    @DataBoundSetter
    public void setServiceRule(@CheckForNull final String serviceRule) {
        this.serviceRule = Util.fixEmptyAndTrim(serviceRule);
    }

    public Integer getPerAttemptTimeoutSeconds() {
        return perAttemptTimeoutSeconds;
    }

    @DataBoundSetter
    public void setPerAttemptTimeoutSeconds(@CheckForNull final Integer perAttemptTimeoutSeconds) {
        this.perAttemptTimeoutSeconds = perAttemptTimeoutSeconds;
    }

    public Integer getTotalBudgetSeconds() {
        return totalBudgetSeconds;
    }

    @DataBoundSetter
    public void setTotalBudgetSeconds(@CheckForNull final Integer totalBudgetSeconds) {
        this.totalBudgetSeconds = totalBudgetSeconds;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(@CheckForNull final Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Describes {@code causeflowAlert} to Pipeline and the snippet generator. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        /**
         * Accepts the map form of {@code tags} and {@code metadata} that scripts written before they became
         * {@code key=value} texts use, e.g. {@code tags: [team: 'payments'], metadata: [ticket: 42]}; metadata from
         * a map keeps its value types (numbers, lists, nested maps).
         *
         * @param arguments the step's named arguments
         * @return the step
         * @throws Exception when an argument is invalid
         */
        @Override
        public Step newInstance(final Map<String, Object> arguments) throws Exception {
            Map<String, Object> rest = new LinkedHashMap<>(arguments);
            Object tags = rest.get("tags");
            if (tags instanceof Map<?, ?> map) {
                rest.put("tags", lines(stringKeys(map)));
            }
            Object metadata = rest.get("metadata");
            if (metadata instanceof Map<?, ?>) {
                rest.remove("metadata");
            }
            CauseFlowAlertStep step = (CauseFlowAlertStep) super.newInstance(rest);
            if (metadata instanceof Map<?, ?> map && !map.isEmpty()) {
                step.metadata = stringKeys(map);
            }
            return step;
        }

        private static Map<String, Object> stringKeys(final Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), value));
            return copy;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "causeflowAlert";
        }

        @Override
        public String getDisplayName() {
            return PluginTexts.format("step.displayName");
        }

        @POST
        public ListBoxModel doFillApiKeyCredentialsIdItems(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String apiKeyCredentialsId) {
            CredentialsListBoxes.checkMayView(item);
            return CredentialsListBoxes.secretTextChoices(item, apiKeyCredentialsId);
        }

        @POST
        public ListBoxModel doFillWebhookSecretCredentialsIdItems(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String webhookSecretCredentialsId) {
            CredentialsListBoxes.checkMayView(item);
            return CredentialsListBoxes.secretTextChoices(item, webhookSecretCredentialsId);
        }

        /**
         * Lists the severities. Not sensitive: shown to anyone who may read the Snippet Generator.
         *
         * @return "from the rules" and every severity
         */
        @POST
        public ListBoxModel doFillSeverityItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(PluginTexts.format("step.severityFromRules"), "");
            for (Severity value : Severity.values()) {
                model.add(value.wireName(), value.name());
            }
            return model;
        }

        /**
         * Lists the deduplication scopes. Not sensitive: shown to anyone who may read the Snippet Generator.
         *
         * @return "from the global configuration" and every scope
         */
        @POST
        public ListBoxModel doFillDedupScopeItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(PluginTexts.format("step.scopeFromGlobal"), "");
            for (DedupScope value : DedupScope.values()) {
                model.add(value.name(), value.name());
            }
            return model;
        }

        @POST
        public FormValidation doCheckEndpointUrl(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String value) {
            CredentialsListBoxes.checkMayView(item);
            if (!CredentialsListBoxes.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FieldCheck.endpointUrl(value, false));
        }

        @POST
        public FormValidation doCheckLogExcerptLines(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String value) {
            CredentialsListBoxes.checkMayView(item);
            if (!CredentialsListBoxes.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FieldCheck.range(value, 1, 1000));
        }
    }
}
