package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.FreeStyleProject;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import io.jenkins.plugins.causeflow.pipeline.CauseFlowAlertStep;
import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.ErrorType;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
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
    void shouldWriteTheGlobalConfigurationOnceForOneFormSubmit() throws Exception {
        AtomicInteger saves = new AtomicInteger();
        ExtensionList.lookup(SaveableListener.class).add(new SaveableListener() {
            @Override
            public void onChange(final Saveable o, final XmlFile file) {
                if (o instanceof CauseFlowGlobalConfiguration) {
                    saves.incrementAndGet();
                }
            }
        });
        HtmlForm form = j.createWebClient().goTo("configure").getFormByName("config");

        j.submit(form);

        assertThat(saves).hasValue(1);
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
        step.setTags("team=payments\nregion=eu");
        step.setMetadata("deployId=d-42");
        DescribableModel<CauseFlowAlertStep> model = DescribableModel.of(CauseFlowAlertStep.class);
        // Every parameter has a type the Snippet Generator and the Pipeline Syntax reference can describe.
        assertThat(model.getParameters()).noneMatch(parameter -> parameter.getType() instanceof ErrorType);

        CauseFlowAlertStep copy = model.instantiate(model.uninstantiate2_(step).toMap());

        j.assertEqualDataBoundBeans(step, copy);
    }

    @Test
    void shouldRenderTheStepInTheSnippetGeneratorAndGenerateItsCall() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "snippets");
        JenkinsRule.WebClient web = j.createWebClient();
        // The Snippet Generator renders every step's config.jelly: one broken view takes the whole page down.
        assertThat(web.getPage(job, "pipeline-syntax").getWebResponse().getContentAsString())
                .contains("causeflowAlert");
        WebRequest request = new WebRequest(new URL(j.getURL(), job.getUrl() + "pipeline-syntax/generateSnippet"),
                HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("json", "{\"stapler-class\":\""
                + CauseFlowAlertStep.class.getName() + "\",\"title\":\"Deploy failed\",\"severity\":\"HIGH\","
                + "\"failOnError\":true,\"apiKeyCredentialsId\":\"\"}")));
        web.addCrumb(request);

        String snippet = web.getPage(request).getWebResponse().getContentAsString().strip();

        assertThat(snippet).startsWith("causeflowAlert ").contains("title: 'Deploy failed'", "severity: 'HIGH'",
                "failOnError: true").doesNotContain("apiKeyCredentialsId");
    }
}
