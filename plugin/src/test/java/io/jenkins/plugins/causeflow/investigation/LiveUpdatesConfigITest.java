package io.jenkins.plugins.causeflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.causeflow.client.DeliveryOutcome;
import io.causeflow.client.investigation.InvestigationUpdates;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.delivery.DeliveryReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The live updates settings: JCasC import and export (no secret), the form round trip, and the "Test stream" button
 * (POST and ADMINISTER only; a real receiver's stream answers; a wrong token is refused; never the token in the
 * answer).
 */
@WithJenkinsConfiguredWithCode
class LiveUpdatesConfigITest {
    private static final String TEST_STREAM = "descriptorByName/" + CauseFlowGlobalConfiguration.class.getName()
            + "/testStream";

    @Test
    @ConfiguredWithCode("live-updates.yml")
    void shouldImportAndExportTheLiveUpdatesSettingsWithoutTheToken(final JenkinsConfiguredWithCodeRule j)
            throws Exception {
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        CNode node = io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot(
                new ConfigurationContext(ConfiguratorRegistry.get())).get("causeflow");
        String exported = io.jenkins.plugins.casc.misc.Util.toYamlString(node);

        assertThat(config.isLiveUpdates()).isTrue();
        assertThat(config.getStreamTokenCredentialsId()).isEqualTo("cf-stream-token");
        assertThat(exported).contains("liveUpdates: true", "streamTokenCredentialsId: \"cf-stream-token\"")
                .doesNotContain("cfst_casc_secret_stream_token");
    }

    @Test
    void shouldKeepTheSettingsThroughTheForm(final JenkinsConfiguredWithCodeRule j) throws Exception {
        CauseFlowGlobalConfiguration config = CauseFlowGlobalConfiguration.get();
        config.setLiveUpdates(true);
        config.setStreamTokenCredentialsId("some-stream-token");

        j.configRoundtrip();

        assertThat(CauseFlowGlobalConfiguration.get().isLiveUpdates()).isTrue();
        assertThat(CauseFlowGlobalConfiguration.get().getStreamTokenCredentialsId()).isEqualTo("some-stream-token");
    }

    @Test
    void shouldTestTheStreamForAnAdministratorOnlyAndByPostOnly(final JenkinsConfiguredWithCodeRule j)
            throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        try (ReceiverProcess receiver = ReceiverProcess.start("0s")) {
            receiver.configure();
            String query = "?endpointUrl=" + receiver.baseUrl() + "&tenantId=" + ReceiverProcess.TENANT
                    + "&streamTokenCredentialsId=" + ReceiverProcess.STREAM_TOKEN_ID;

            WebResponse ok = call(j, "admin", HttpMethod.POST, query);
            WebResponse refused = call(j, "admin", HttpMethod.POST, "?endpointUrl=" + receiver.baseUrl()
                    + "&tenantId=" + ReceiverProcess.TENANT + "&streamTokenCredentialsId="
                    + ReceiverProcess.API_KEY_ID);

            assertThat(ok.getContentAsString()).contains("Connected to").doesNotContain("error")
                    .doesNotContain(ReceiverProcess.STREAM_TOKEN);
            assertThat(refused.getContentAsString()).contains("error").doesNotContain(ReceiverProcess.API_KEY)
                    .doesNotContain(ReceiverProcess.STREAM_TOKEN);
            assertThat(call(j, "reader", HttpMethod.POST, query).getStatusCode()).isEqualTo(403);
            WebResponse get = call(j, "admin", HttpMethod.GET, query);
            assertThat(get.getStatusCode()).as("GET is refused (@POST)").isIn(404, 405);
            assertThat(get.getContentAsString()).doesNotContain("Connected to");
        }
    }

    @Test
    void shouldRebuildTheIncidentIndexFromTheBuildsWhenItsFileIsDamaged(final JenkinsConfiguredWithCodeRule j)
            throws Exception {
        CauseFlowGlobalConfiguration.get().setLiveUpdates(true);
        FreeStyleProject project = j.createFreeStyleProject("indexed");
        FreeStyleBuild build = j.buildAndAssertSuccess(project);
        CauseFlowAction.record(build, DeliveryReport.fromOutcome(DeliveryOutcome.accepted(202,
                Optional.of("inc-from-build-xml"), 1, "accepted", Optional.of("jenkins:indexed:1"), Duration.ZERO),
                "http://127.0.0.1:9", Instant.now()), "automatic");
        Path index = j.jenkins.getRootDir().toPath().resolve(LiveUpdates.STATE_FOLDER)
                .resolve(InvestigationUpdates.INDEX_FILE);

        LiveUpdates.stop();
        Files.writeString(index, "{\"version\":1,\"entries\":[{\"incid", StandardCharsets.UTF_8); // torn write
        LiveUpdates.start();

        // The rebuild runs on Jenkins' timer and the index is saved within a second of each restored incident.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(index) && Files.readString(index).contains("inc-from-build-xml"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(index).content(StandardCharsets.UTF_8).contains("inc-from-build-xml", build.getExternalizableId());
        assertThat(LiveUpdates.status().orElseThrow().message()).contains("could not be read");
    }

    private static WebResponse call(final JenkinsRule j, final String user, final HttpMethod method,
            final String query) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        web.login(user);
        WebRequest request = new WebRequest(new URL(j.getURL(), TEST_STREAM + query), method);
        if (method == HttpMethod.POST) {
            web.addCrumb(request);
        }
        return web.loadWebResponse(request);
    }
}
