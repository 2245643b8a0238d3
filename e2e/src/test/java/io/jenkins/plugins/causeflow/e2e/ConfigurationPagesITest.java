package io.jenkins.plugins.causeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin's configuration views render in the real Jenkins: the System page's section (filled by JCasC), the
 * freestyle post-build action and the step in the Snippet Generator.
 */
@Order(2)
@ExtendWith(EndToEndEnvironment.class)
class ConfigurationPagesITest {

    @Test
    void shouldRenderTheCauseFlowSectionOnTheSystemPageWithTheJcascValues(EndToEndEnvironment.Suite suite) {
        SystemConfigurationPage page = new SystemConfigurationPage(suite.client);

        String html = page.html();

        assertThat(html).contains(">CauseFlow<", "Tenant ID", "name=\"_.tenantId\"", "e2e-tenant",
                suite.receiver.baseUrl(), CascYaml.API_KEY_ID, CascYaml.WEBHOOK_SECRET_ID);
        assertThat(html).doesNotContain("JexlException", suite.tenant.apiKey(), suite.tenant.webhookSecret());
        suite.chromium.screenshot(page.url() + "#" + SystemConfigurationPage.CAUSEFLOW_ANCHOR, "system-causeflow",
                1280, 1100);
    }

    @Test
    void shouldRenderThePostBuildActionOnTheFreestyleConfigurePage(EndToEndEnvironment.Suite suite) {
        Job job = FreestyleJob.createFailing(suite.client, "e2e-configure-freestyle");
        JobConfigurePage page = new JobConfigurePage(job);

        String html = page.html();

        assertThat(html).contains("Send an alert to CauseFlow", "name=\"_.threshold\"", "name=\"_.failOnError\"");
        assertThat(html).doesNotContain("JexlException", suite.tenant.apiKey(), suite.tenant.webhookSecret());
        suite.chromium.screenshot(page.url() + "#" + JobConfigurePage.POST_BUILD_ANCHOR, "freestyle-post-build-action",
                1280, 1100);
    }

    @Test
    void shouldRenderTheStepInTheSnippetGeneratorAndGenerateItsCode(EndToEndEnvironment.Suite suite) {
        Job job = PipelineJob.createScriptedTryCatch(suite.client, "e2e-snippets");
        SnippetGeneratorPage page = new SnippetGeneratorPage(job);

        assertThat(page.html()).contains("causeflowAlert: Send an alert to CauseFlow", "name=\"_.severity\"",
                "name=\"_.dedupScope\"").doesNotContain("JexlException");

        JenkinsClient.Answer snippet = page.generate("""
                {"stapler-class": "io.jenkins.plugins.causeflow.pipeline.CauseFlowAlertStep",
                 "title": "Deploy of checkout failed", "severity": "critical", "failOnError": false}""");
        assertThat(snippet.status()).as(snippet.head()).isEqualTo(200);
        assertThat(snippet.body()).startsWith("causeflowAlert")
                .contains("severity: 'critical'", "title: 'Deploy of checkout failed'");
    }
}
