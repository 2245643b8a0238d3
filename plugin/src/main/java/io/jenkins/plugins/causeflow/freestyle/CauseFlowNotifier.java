package io.jenkins.plugins.causeflow.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Notifier;
import hudson.tasks.Publisher;
import hudson.util.ListBoxModel;
import io.causeflow.client.failure.BuildResult;
import io.jenkins.plugins.causeflow.RunAlertDispatcher;
import io.jenkins.plugins.causeflow.credentials.CredentialsListBoxes;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import io.jenkins.plugins.causeflow.delivery.ExplicitSettings;
import io.jenkins.plugins.causeflow.delivery.PluginTexts;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import io.jenkins.plugins.causeflow.snapshot.RunSnapshotReader;
import java.util.Optional;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle post-build action: sends an alert when the build's final result is at or worse than the threshold
 * (FAILURE by default). Runs after the build is finalized, so the result is final, and never changes the build's
 * result unless {@code failOnError} is set (then it runs in the normal post-build phase, where it still can).
 */
public class CauseFlowNotifier extends Notifier implements SimpleBuildStep {
    private ResultThreshold threshold = ResultThreshold.FAILURE;
    private boolean failOnError;
    @CheckForNull
    private String severity;
    @CheckForNull
    private String service;
    @CheckForNull
    private String environment;
    @CheckForNull
    private String dedupScope;
    @CheckForNull
    private String tenantId;
    @CheckForNull
    private String apiKeyCredentialsId;
    @CheckForNull
    private String webhookSecretCredentialsId;

    /** Creates the action with the defaults; every option is a setter. */
    @DataBoundConstructor
    public CauseFlowNotifier() {
        super();
    }

    /**
     * Returns the explicit values of this action as plain data.
     *
     * @return the overrides
     */
    public ExplicitSettings toExplicitSettings() {
        return ExplicitSettings.builder().severity(severity).service(service).environment(environment)
                .dedupScope(dedupScope).tenantId(tenantId).apiKeyCredentialsId(apiKeyCredentialsId)
                .webhookSecretCredentialsId(webhookSecretCredentialsId).failOnError(failOnError).build();
    }

    /**
     * Fills what XStream leaves null: a job's config.xml written by hand, Job DSL, JCasC or the REST API may omit
     * {@code <threshold>}, and XStream runs no field initializer.
     *
     * @return this
     */
    protected Object readResolve() {
        if (threshold == null) {
            threshold = ResultThreshold.FAILURE;
        }
        return this;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /**
     * Runs after the build is finalized, so the result is final, unless {@code failOnError} is set: Jenkins cannot
     * change the result of a finalized build, so an action that may fail the build runs in the normal post-build
     * phase instead (put it last among the post-build actions).
     *
     * @return true unless {@code failOnError}
     */
    @Override
    public boolean needsToRunAfterFinalized() {
        return !failOnError;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(final Run<?, ?> run, final EnvVars env, final TaskListener listener)
            throws AbortException {
        BuildResult result = RunSnapshotReader.currentResult(run);
        if (!threshold.isMetBy(result)) {
            listener.getLogger().println(DeliveryReport.skipped(
                    PluginTexts.format("notifier.belowThreshold", result.name(), threshold.name()), Optional.empty(),
                    java.time.Instant.now()).logLine());
            return;
        }
        DeliveryReport report = RunAlertDispatcher.dispatch(run, listener, env, toExplicitSettings(),
                RunAlertDispatcher.Trigger.NOTIFIER, true,
                // failOnError needs the outcome; otherwise the executor is released at once.
                failOnError ? RunAlertDispatcher.Mode.NOW : RunAlertDispatcher.Mode.QUEUE);
        if (report.failsBuild(failOnError)) {
            // Only reached in the normal post-build phase (see needsToRunAfterFinalized); Jenkins marks the build
            // FAILURE for a post-build action that aborts.
            throw new AbortException(PluginTexts.format("step.failOnError", report.status().name(),
                    report.message()));
        }
    }

    public ResultThreshold getThreshold() {
        return threshold;
    }

    @DataBoundSetter
    public void setThreshold(@CheckForNull final ResultThreshold threshold) {
        this.threshold = threshold == null ? ResultThreshold.FAILURE : threshold;
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(final boolean failOnError) {
        this.failOnError = failOnError;
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

    public String getDedupScope() {
        return dedupScope;
    }

    @DataBoundSetter
    public void setDedupScope(@CheckForNull final String dedupScope) {
        this.dedupScope = Util.fixEmptyAndTrim(dedupScope);
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

    /** Describes the post-build action. */
    @Extension
    @Symbol("causeflowNotifier")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(final Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return PluginTexts.format("notifier.displayName");
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
         * Lists the thresholds. Not sensitive, so shown to anyone who sees the form (read-only views included).
         *
         * @return the thresholds, FAILURE first (the default)
         */
        @POST
        public ListBoxModel doFillThresholdItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(PluginTexts.format("threshold." + ResultThreshold.FAILURE.name()), ResultThreshold.FAILURE.name());
            for (ResultThreshold value : ResultThreshold.values()) {
                if (value != ResultThreshold.FAILURE) {
                    model.add(PluginTexts.format("threshold." + value.name()), value.name());
                }
            }
            return model;
        }
    }
}
