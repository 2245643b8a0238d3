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

        assertThat(PageText.missing(html, "CauseFlow", "Tenant ID", "name=\"_.tenantId\"", "value=\"e2e-tenant\"",
                suite.receiver.baseUrl(), CascYaml.API_KEY_ID, CascYaml.WEBHOOK_SECRET_ID))
                .as("missing on %s", page.url()).isEmpty();
        assertThat(PageText.present(html, "JexlException")).as("errors on %s", page.url()).isEmpty();
        assertThat(suite.tenant.secretsIn(html)).as("secrets on %s", page.url()).isEmpty();
        suite.chromium.screenshotOfElement(page.url(), "system-causeflow-section", 1280,
                SystemConfigurationPage.CAUSEFLOW_SECTION);
    }

    @Test
    void shouldRenderThePostBuildActionOnTheFreestyleConfigurePage(EndToEndEnvironment.Suite suite) {
        Job job = FreestyleJob.createFailing(suite.client, "e2e-configure-freestyle");
        JobConfigurePage page = new JobConfigurePage(job);

        String html = page.html();

        assertThat(PageText.missing(html, "Send an alert to CauseFlow", "name=\"_.threshold\"",
                "name=\"_.failOnError\"")).as("missing on %s", page.url()).isEmpty();
        assertThat(PageText.present(html, "JexlException")).as("errors on %s", page.url()).isEmpty();
        assertThat(suite.tenant.secretsIn(html)).as("secrets on %s", page.url()).isEmpty();
        suite.chromium.screenshotOfElement(page.url(), "freestyle-post-build-action", 1280,
                JobConfigurePage.CAUSEFLOW_ACTION);
    }

    @Test
    void shouldRenderTheStepInTheSnippetGeneratorAndGenerateItsCode(EndToEndEnvironment.Suite suite) {
        Job job = PipelineJob.createScriptedTryCatch(suite.client, "e2e-snippets");
        SnippetGeneratorPage page = new SnippetGeneratorPage(job);

        String html = page.html();
        // the step's form itself is rendered on demand when chosen; generateSnippet below binds it
        assertThat(PageText.missing(html, "causeflowAlert: Send an alert to CauseFlow"))
                .as("missing on the Snippet Generator of %s", job.url()).isEmpty();
        assertThat(PageText.present(html, "JexlException")).as("errors on the Snippet Generator").isEmpty();

        JenkinsClient.Answer snippet = page.generate("""
                {"stapler-class": "io.jenkins.plugins.causeflow.pipeline.CauseFlowAlertStep",
                 "title": "Deploy of checkout failed", "severity": "critical", "failOnError": false}""");
        assertThat(snippet.status()).as(snippet.head()).isEqualTo(200);
        assertThat(snippet.body()).startsWith("causeflowAlert")
                .contains("severity: 'critical'", "title: 'Deploy of checkout failed'");
    }
}
