package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.pipeline.CauseFlowAlertStep;
import org.htmlunit.html.HtmlForm;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Tests that the global configuration, the post-build action and the step survive a round trip through their forms
 * (and, for the step, through Pipeline's argument model) unchanged.
 */
@WithJenkins
class ConfigRoundTripITest {
    /** Resolved once per test, in {@code @BeforeEach}: each resolution would start another Jenkins. */
    private JenkinsRule j;
    private LoopbackReceiver receiver;

    @BeforeEach
    void startReceiver(final JenkinsRule rule) throws Exception {
        j = rule;
        receiver = LoopbackReceiver.start();
        TestSetup.configure(receiver);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldKeepTheGlobalConfigurationThroughTheForm() throws Exception {
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setSeverityRules("branch:main=critical");
        config.setDefaultTags("team=payments");
        config.setAutomaticAlerts(true);
        config.setAutomaticThreshold(ResultThreshold.UNSTABLE);
        config.setIncludeJobs("acme-org/*");

        HtmlForm form = j.createWebClient().goTo("configure").getFormByName("config");
        assertThat(form.getInputByName("_.tenantId").getValue()).as("the CauseFlow section renders")
                .isEqualTo(LoopbackReceiver.TENANT);
        j.submit(form);

        CauseFlowGlobalConfiguration after = CauseFlowGlobalConfiguration.get();
        assertThat(after.getEndpointUrl()).isEqualTo(receiver.baseUrl());
        assertThat(after.getTenantId()).isEqualTo(LoopbackReceiver.TENANT);
        assertThat(after.getApiKeyCredentialsId()).isEqualTo(TestSetup.API_KEY_ID);
        assertThat(after.getWebhookSecretCredentialsId()).isEqualTo(TestSetup.WEBHOOK_SECRET_ID);
        assertThat(after.getSeverityRules()).isEqualTo("branch:main=critical");
        assertThat(after.getDefaultTags()).isEqualTo("team=payments");
        assertThat(after.isAutomaticAlerts()).isTrue();
        assertThat(after.getAutomaticThreshold()).isEqualTo(ResultThreshold.UNSTABLE);
        assertThat(after.getIncludeJobs()).isEqualTo("acme-org/*");
        assertThat(after.getMaxAttempts()).isEqualTo(1);
    }

    @Test
    void shouldKeepThePostBuildActionThroughTheForm() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("roundtrip");
        CauseFlowNotifier notifier = new CauseFlowNotifier();
        notifier.setThreshold(ResultThreshold.UNSTABLE);
        notifier.setFailOnError(true);
        notifier.setSeverity("high");
        notifier.setService("checkout");
        notifier.setEnvironment("staging");
        notifier.setDedupScope("STREAK");
        notifier.setTenantId("tenant-other");
        notifier.setApiKeyCredentialsId(TestSetup.API_KEY_ID);
        notifier.setWebhookSecretCredentialsId(TestSetup.WEBHOOK_SECRET_ID);
        project.getPublishersList().add(notifier);

        project = j.configRoundtrip(project);

        j.assertEqualDataBoundBeans(notifier, project.getPublishersList().get(CauseFlowNotifier.class));
    }

    @Test
    void shouldKeepTheStepArgumentsThroughPipelineSyntax() throws Exception {
        CauseFlowAlertStep step = new CauseFlowAlertStep();
        step.setTitle("Deploy failed");
        step.setSeverity("HIGH");
        step.setService("checkout");
        step.setEnvironment("staging");
        step.setSourceAlertId("deploy-42");
        step.setDedupScope("STREAK");
        step.setFailOnError(true);
        step.setLogExcerptLines(30);
        step.setTenantId("tenant-other");
        step.setApiKeyCredentialsId(TestSetup.API_KEY_ID);
        DescribableModel<CauseFlowAlertStep> model = DescribableModel.of(CauseFlowAlertStep.class);

        CauseFlowAlertStep copy = model.instantiate(model.uninstantiate2_(step).toMap());

        j.assertEqualDataBoundBeans(step, copy);
    }
}
