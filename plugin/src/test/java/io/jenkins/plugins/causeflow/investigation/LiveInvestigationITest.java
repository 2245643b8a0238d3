package io.jenkins.plugins.causeflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import jenkins.model.Jenkins;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * End to end in a real Jenkins against the real reference receiver (child process, simulator delay 200 ms): a
 * failing Pipeline waits for the root cause with {@code causeflowAlert(waitFor: 'ROOT_CAUSE')}; the build page shows
 * the badge and the root cause, the action's page the timeline, the REST API exports it, and the hostile root cause
 * ({@code <script>}, {@code ${…}}) is rendered as text. One build for the class, read by every test.
 */
@WithJenkins
class LiveInvestigationITest {
    private static final String HOSTILE = "java.lang.IllegalStateException: pool exhausted <script>alert(1)</script> ${oops}";
    private static final String SCRIPT = """
            pipeline {
              agent none
              stages {
                stage('build') { steps { error('HOSTILE') } }
              }
              post {
                failure {
                  script {
                    def answer = causeflowAlert(description: 'HOSTILE', waitFor: 'ROOT_CAUSE', waitTimeout: 120)
                    echo "CauseFlow answer: status=${answer.status} investigationStatus=${answer.investigationStatus} confidence=${answer.confidence}"
                    echo "CauseFlow root cause: ${answer.rootCause}"
                    echo "CauseFlow remediation keys: ${answer.containsKey('remediation')}"
                  }
                }
              }
            }
            """.replace("HOSTILE", HOSTILE);

    private static ReceiverProcess receiver;
    private static JenkinsRule j;
    private static WorkflowRun build;

    @BeforeAll
    static void runTheBuild(final JenkinsRule rule) throws Exception {
        j = rule;
        // Secured, anonymous sees nothing: the stream's thread must still find the build.
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        receiver = ReceiverProcess.start("200ms");
        receiver.configure();
        WorkflowJob job = j.createProject(WorkflowJob.class, "live");
        job.setDefinition(new CpsFlowDefinition(SCRIPT, true));
        build = j.buildAndAssertStatus(Result.FAILURE, job);
    }

    private static JenkinsRule.WebClient web() throws Exception {
        return j.createWebClient().login("admin");
    }

    private static String api(final int depth) throws Exception {
        return web().goTo(build.getUrl() + "causeflow/api/json?depth=" + depth, "application/json")
                .getWebResponse().getContentAsString();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        // Static fields outlive the class's Jenkins: let it be collected before the next test class.
        receiver = null;
        build = null;
        j = null;
    }

    @Test
    void shouldReturnTheSimulatorsRootCauseToTheWaitingStep() throws Exception {
        String log = JenkinsRule.getLog(build);
        CauseFlowAction action = build.getAction(CauseFlowAction.class);

        assertThat(log).contains("CauseFlow answer: status=ACCEPTED investigationStatus=completed confidence=0.82")
                .contains("CauseFlow root cause: " + action.getRootCause())
                .contains("CauseFlow remediation keys: true");
        assertThat(action.getRootCause()).contains(HOSTILE);
        assertThat(action.getInvestigationStatus()).isEqualTo("completed");
    }

    @Test
    void shouldShowTheBadgeAndTheEscapedRootCauseOnTheBuildPage() throws Exception {
        HtmlPage page = web().getPage(build);
        String html = page.getWebResponse().getContentAsString();

        assertThat(page.querySelector(".causeflow-investigation-status").getTextContent()).isEqualTo("completed");
        assertThat(page.querySelector(".causeflow-root-cause").getTextContent()).contains(HOSTILE).contains("82 %");
        assertThat(html).contains("&lt;script>alert(1)&lt;/script> ${oops}").doesNotContain("<script>alert(1)");
    }

    @Test
    void shouldShowTheTimelineOnTheActionPage() throws Exception {
        HtmlPage page = web().getPage(build, "causeflow/");
        String html = page.getWebResponse().getContentAsString();
        List<String> kinds = page.querySelectorAll(".causeflow-timeline tbody tr td:nth-child(2)").stream()
                .map(node -> node.getTextContent().strip()).toList();

        // Ordered by time: the server creates the incident (and says so) before its answer to the alert arrives.
        assertThat(kinds).contains("alert delivered")
                .containsSubsequence("incident created", "progress", "root cause", "remediation proposed");
        assertThat(html).contains("&lt;script>alert(1)&lt;/script> ${oops}").doesNotContain("<script>alert(1)");
    }

    @Test
    void shouldExportTheTimelineInTheRestApi() throws Exception {
        JSONObject json = JSONObject.fromObject(api(2));
        JSONObject investigation = json.getJSONArray("investigations").getJSONObject(0);
        JSONArray entries = investigation.getJSONArray("entries");

        assertThat(json.getString("rootCause")).contains(HOSTILE);
        assertThat(investigation.getString("incidentId")).isEqualTo(json.getString("incidentId"));
        assertThat(investigation.getString("investigationStatus")).isEqualTo("completed");
        assertThat(investigation.getDouble("confidence")).isEqualTo(0.82);
        assertThat(entries.stream().map(entry -> ((JSONObject) entry).getString("kind")).toList())
                .contains("ALERT_DELIVERED", "INCIDENT_CREATED", "PROGRESS", "ROOT_CAUSE");
    }

    @Test
    void shouldNeverShowTheStreamToken() throws Exception {
        String page = web().getPage(build, "causeflow/").getWebResponse().getContentAsString();
        String api = api(3);
        String config = web().goTo("manage/configure").getWebResponse().getContentAsString();

        assertThat(List.of(JenkinsRule.getLog(build), page, api, config))
                .noneMatch(text -> text.contains(ReceiverProcess.STREAM_TOKEN));
    }
}
