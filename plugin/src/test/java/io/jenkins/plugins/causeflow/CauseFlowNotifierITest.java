package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;
import io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier;
import jenkins.model.JenkinsLocationConfiguration;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlSelect;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.UnstableBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Tests the class {@link CauseFlowNotifier} in a real Jenkins against a loopback receiver. */
@WithJenkins
class CauseFlowNotifierITest {
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
    void shouldAlertOnceForAFailingFreestyleBuildAndKeepItsResult() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("app");
        project.getBuildersList().add(new FailureBuilder());
        project.getPublishersList().add(new CauseFlowNotifier());

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        TestSetup.awaitOutboxDelivered(build);

        j.assertLogContains("[CauseFlow] Alert queued for delivery", build);
        j.assertLogNotContains(LoopbackReceiver.API_KEY, build);
        j.assertLogNotContains(LoopbackReceiver.WEBHOOK_SECRET, build);
        assertThat(receiver.incidentCount()).isEqualTo(1);
        assertThat(receiver.bodies().get(0)).contains("FAILURE", "app", "\"severity\":\"high\"");
        CauseFlowAction action = build.getAction(CauseFlowAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getStatus()).isEqualTo("ACCEPTED");
        assertThat(action.getIncidentId()).isEqualTo("inc_1");
    }

    @Test
    void shouldNotAlertForASuccessfulBuild() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("green");
        project.getPublishersList().add(new CauseFlowNotifier());

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("[CauseFlow] Alert skipped", build);
        assertThat(receiver.requestCount()).isZero();
        assertThat(build.getAction(CauseFlowAction.class)).isNull();
    }

    @Test
    void shouldNameAMissingCredentialWithoutFailingTheBuildFurther() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("misconfigured");
        project.getBuildersList().add(new FailureBuilder());
        CauseFlowNotifier notifier = new CauseFlowNotifier();
        notifier.setApiKeyCredentialsId("no-such-credential");
        notifier.setThreshold(ResultThreshold.UNSTABLE);
        project.getPublishersList().add(notifier);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("the API key credential 'no-such-credential' was not found", build);
        assertThat(receiver.requestCount()).isZero();
        assertThat(build.getAction(CauseFlowAction.class).getStatus()).isEqualTo("FAILED");
    }

    @Test
    void shouldFailAnUnstableBuildOnlyWhenFailOnErrorIsSetAndTheAlertIsNotDelivered()
            throws Exception {
        CauseFlowGlobalConfiguration.get().setEndpointUrl("http://127.0.0.1:1");
        FreeStyleProject lenient = j.createFreeStyleProject("lenient");
        lenient.getBuildersList().add(new UnstableBuilder());
        CauseFlowNotifier lenientNotifier = new CauseFlowNotifier();
        lenientNotifier.setThreshold(ResultThreshold.UNSTABLE);
        lenient.getPublishersList().add(lenientNotifier);
        FreeStyleProject strict = j.createFreeStyleProject("strict");
        strict.getBuildersList().add(new UnstableBuilder());
        CauseFlowNotifier strictNotifier = new CauseFlowNotifier();
        strictNotifier.setThreshold(ResultThreshold.UNSTABLE);
        strictNotifier.setFailOnError(true);
        strict.getPublishersList().add(strictNotifier);

        FreeStyleBuild lenientBuild = j.buildAndAssertStatus(Result.UNSTABLE, lenient);
        FreeStyleBuild strictBuild = j.buildAndAssertStatus(Result.FAILURE, strict);

        j.assertLogContains("[CauseFlow] Alert queued for delivery", lenientBuild); // delivered when CauseFlow is back
        j.assertLogContains("failOnError is set", strictBuild);
    }

    @Test
    void shouldAlertFromAnActionWhoseConfigXmlHasNoThreshold() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("from-xml");
        String xml = """
                <project>
                  <publishers><io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier plugin="causeflow"/></publishers>
                </project>
                """;
        project.updateByXml((javax.xml.transform.Source) new javax.xml.transform.stream.StreamSource(
                new java.io.StringReader(xml)));
        project.getBuildersList().add(new FailureBuilder());

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        TestSetup.awaitOutboxDelivered(build);

        assertThat(project.getPublishersList().get(CauseFlowNotifier.class).getThreshold())
                .isEqualTo(ResultThreshold.FAILURE);
        assertThat(build.getAction(CauseFlowAction.class).getStatus()).isEqualTo("ACCEPTED");
        assertThat(receiver.incidentCount()).isEqualTo(1);
    }

    @Test
    void shouldOfferFailureAsTheThresholdOfANewAction() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("new-action");
        project.getPublishersList().add(new CauseFlowNotifier());
        HtmlForm form = j.createWebClient().getPage(project, "configure").getFormByName("config");

        HtmlSelect threshold = form.getSelectByName("_.threshold");

        assertThat(threshold.getSelectedOptions()).singleElement()
                .satisfies(option -> assertThat(option.getValueAttribute()).isEqualTo("FAILURE"));
    }

    @Test
    void shouldLetThePostBuildActionAlertWithItsOwnSettingsWhenAutomaticAlertsAreOn() throws Exception {
        CauseFlowGlobalConfiguration.get().setAutomaticAlerts(true);
        FreeStyleProject project = j.createFreeStyleProject("both");
        project.getBuildersList().add(new FailureBuilder());
        CauseFlowNotifier notifier = new CauseFlowNotifier();
        notifier.setSeverity("low");
        notifier.setService("checkout");
        project.getPublishersList().add(notifier);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        TestSetup.awaitOutboxDelivered(build);

        assertThat(receiver.bodies()).singleElement().asString()
                .contains("\"severity\":\"low\"", "\"service\":\"checkout\"");
        j.assertLogContains("left to this job's CauseFlow post-build action", build);
    }

    @Test
    void shouldSendNoLinksWhenTheJenkinsUrlIsNotConfigured() throws Exception {
        JenkinsLocationConfiguration.get().setUrl(null);
        FreeStyleProject project = j.createFreeStyleProject("no-url");
        project.getBuildersList().add(new FailureBuilder());
        project.getPublishersList().add(new CauseFlowNotifier());

        TestSetup.awaitOutboxDelivered(j.buildAndAssertStatus(Result.FAILURE, project));

        assertThat(receiver.bodies()).singleElement().asString()
                .doesNotContain("unconfigured-jenkins-location").doesNotContain("/job/no-url/");
    }

    @Test
    void shouldNotResolveASystemScopedCredentialForABuild() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.SYSTEM, "system-key", "system only", Secret.fromString("cflo_system_scoped")));
        FreeStyleProject project = j.createFreeStyleProject("system-scope");
        project.getBuildersList().add(new FailureBuilder());
        CauseFlowNotifier notifier = new CauseFlowNotifier();
        notifier.setApiKeyCredentialsId("system-key");
        project.getPublishersList().add(notifier);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("'system-key' was not found", build);
        assertThat(receiver.requestCount()).isZero();
        assertThat(CauseFlowGlobalConfiguration.get().doFillApiKeyCredentialsIdItems(""))
                .extracting(option -> option.value).doesNotContain("system-key").contains(TestSetup.API_KEY_ID);
        try (ACLContext admin = ACL.as2(ACL.SYSTEM2)) {
            FormValidation check = CauseFlowGlobalConfiguration.get().doCheckApiKeyCredentialsId("system-key");
            assertThat(check.kind).isEqualTo(FormValidation.Kind.WARNING);
            // FormValidation escapes its message for the page: the quotes arrive as &#039;.
            assertThat(check.getMessage()).contains("&#039;system-key&#039;").contains("System scope")
                    .doesNotContain("cflo_system_scoped");
            assertThat(CauseFlowGlobalConfiguration.get().doCheckApiKeyCredentialsId(TestSetup.API_KEY_ID).kind)
                    .isEqualTo(FormValidation.Kind.OK);
        }
    }
}
