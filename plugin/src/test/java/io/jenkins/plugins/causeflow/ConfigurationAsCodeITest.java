package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.causeflow.client.SignatureFormat;
import io.causeflow.client.failure.DedupScope;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Tests the class {@link CauseFlowGlobalConfiguration} with JCasC ({@code unclassified.causeflow}). */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeITest {
    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void shouldImportEverySetting(final JenkinsConfiguredWithCodeRule j) {
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(config.isEnabled()).isTrue();
        softly.assertThat(config.getEndpointUrl()).isEqualTo("https://causeflow.example.com");
        softly.assertThat(config.getTenantId()).isEqualTo("tenant-casc");
        softly.assertThat(config.getApiKeyCredentialsId()).isEqualTo("cf-api-key");
        softly.assertThat(config.getWebhookSecretCredentialsId()).isEqualTo("cf-webhook-secret");
        softly.assertThat(config.getSignatureFormat()).isEqualTo(SignatureFormat.BARE);
        softly.assertThat(config.getDefaultEnvironment()).isEqualTo("production");
        softly.assertThat(config.getSeverityRules()).isEqualTo("branch:main=critical\nresult:UNSTABLE=medium");
        softly.assertThat(config.getDefaultTags()).isEqualTo("team=payments");
        softly.assertThat(config.getServiceRule()).isEqualTo("job-name");
        softly.assertThat(config.getPerAttemptTimeoutSeconds()).isEqualTo(5);
        softly.assertThat(config.getTotalBudgetSeconds()).isEqualTo(20);
        softly.assertThat(config.getMaxAttempts()).isEqualTo(2);
        softly.assertThat(config.getLogExcerptLines()).isEqualTo(40);
        softly.assertThat(config.getLogExcerptBytes()).isEqualTo(8000);
        softly.assertThat(config.getDedupScope()).isEqualTo(DedupScope.STREAK);
        softly.assertThat(config.isAutomaticAlerts()).isTrue();
        softly.assertThat(config.getAutomaticThreshold()).isEqualTo(ResultThreshold.UNSTABLE);
        softly.assertThat(config.getIncludeJobs()).isEqualTo("acme-org/*");
        softly.assertThat(config.getExcludeJobs()).isEqualTo("*/PR-*");
        softly.assertAll();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void shouldExportTheSettingsWithoutAnySecret(final JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("causeflow");

        String exported = Util.toYamlString(node);

        assertThat(exported).contains("tenant-casc", "https://causeflow.example.com", "cf-api-key",
                "cf-webhook-secret", "BARE", "STREAK", "UNSTABLE", "acme-org/*")
                .doesNotContain("cflo_casc_test_key").doesNotContain("whsec_casc_test_secret");
    }
}
