package io.jenkins.plugins.causeflow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import io.jenkins.plugins.causeflow.config.CauseFlowGlobalConfiguration;
import io.jenkins.plugins.causeflow.pipeline.CauseFlowAlertStep;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Tests the class {@link CauseFlowAlertStep} in a real Jenkins against a loopback receiver. */
@WithJenkins
class CauseFlowAlertStepITest {
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

    private static WorkflowJob pipeline(final JenkinsRule j, final String name, final String script)
            throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void shouldAlertFromPostFailureOfADeclarativePipelineWithNoArguments() throws Exception {
        WorkflowJob job = pipeline(j, "declarative", """
                pipeline {
                  agent none
                  stages {
                    stage('Build') {
                      steps {
                        error 'compilation failed: boom'
                      }
                    }
                  }
                  post {
                    failure {
                      causeflowAlert()
                    }
                  }
                }
                """);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("[CauseFlow] Alert accepted: incident inc_1", run);
        j.assertLogNotContains(LoopbackReceiver.API_KEY, run);
        assertThat(receiver.incidentCount()).isEqualTo(1);
        assertThat(receiver.bodies().get(0)).contains("FAILURE", "declarative", "Build", "boom");
        assertThat(run.getAction(CauseFlowAction.class).getIncidentId()).isEqualTo("inc_1");
    }

    @Test
    void shouldReturnTheOutcomeAsAMapWhileTheBuildIsRunning() throws Exception {
        WorkflowJob job = pipeline(j, "scripted", """
                def r = causeflowAlert(title: 'Deploy of checkout started', severity: 'info',
                        tags: [team: 'payments'], metadata: [deployId: 'd-42'], sourceAlertId: 'deploy-d-42')
                echo "status=${r.status} incident=${r.incidentId} http=${r.httpStatus} attempts=${r.attempts}"
                def again = causeflowAlert(title: 'Deploy of checkout started', sourceAlertId: 'deploy-d-42')
                echo "second=${again.status}"
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=ACCEPTED incident=inc_1 http=202 attempts=1", run);
        j.assertLogContains("second=DUPLICATE", run);
        assertThat(receiver.incidentCount()).isEqualTo(1);
        assertThat(receiver.bodies().get(0)).contains("\"title\":\"Deploy of checkout started\"",
                "\"severity\":\"info\"", "\"team\":\"payments\"", "d-42");
    }

    @Test
    void shouldFailTheBuildOnlyWithFailOnError() throws Exception {
        WorkflowJob lenient = pipeline(j, "lenient", """
                def r = causeflowAlert(endpointUrl: 'http://127.0.0.1:1', apiKeyCredentialsId: 'cf-api-key',
                        webhookSecretCredentialsId: 'cf-webhook-secret', maxAttempts: 1, totalBudgetSeconds: 5,
                        queueOnFailure: false)
                echo "status=${r.status}"
                """);
        WorkflowJob strict = pipeline(j, "strict", """
                causeflowAlert(endpointUrl: 'http://127.0.0.1:1', apiKeyCredentialsId: 'cf-api-key',
                        webhookSecretCredentialsId: 'cf-webhook-secret', maxAttempts: 1, totalBudgetSeconds: 5,
                        failOnError: true)
                """);

        WorkflowRun lenientRun = j.buildAndAssertSuccess(lenient);
        WorkflowRun strictRun = j.buildAndAssertStatus(Result.FAILURE, strict);

        j.assertLogContains("status=FAILED", lenientRun);
        j.assertLogContains("[CauseFlow] Alert NOT delivered after 1 attempt(s)", lenientRun);
        j.assertLogContains("failOnError is set", strictRun);
    }

    @Test
    void shouldNotSendTheGlobalApiKeyToAnEndpointTheJobChose() throws Exception {
        try (LoopbackReceiver elsewhere = LoopbackReceiver.start()) {
            WorkflowJob job = pipeline(j, "exfiltrate", "def r = causeflowAlert(endpointUrl: '" + elsewhere.baseUrl()
                    + "')\necho \"status=${r.status}\"\n");

            WorkflowRun run = j.buildAndAssertSuccess(job);

            assertThat(elsewhere.requestCount()).isZero();
            j.assertLogContains("status=FAILED", run);
            j.assertLogContains("endpointUrl: overridden to", run);
        }
    }

    @Test
    void shouldAlertFromTheCatchBlockOfAScriptedPipelineAsAFailure() throws Exception {
        WorkflowJob job = pipeline(j, "cf-pipeline", """
                try {
                  error 'unit tests failed: 3 of 120'
                } catch (e) {
                  causeflowAlert()
                  throw e
                }
                """);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(receiver.bodies()).singleElement().asString()
                .contains("\"title\":\"FAILURE: cf-pipeline #1").doesNotContain("SUCCESS").doesNotContain("(running)")
                .contains("\"result\":\"FAILURE\"");
        assertThat(run.getAction(CauseFlowAction.class).getIncidentId()).isEqualTo("inc_1");
    }

    @Test
    void shouldTitleADeclarativePostFailureAlertWithoutRunning() throws Exception {
        WorkflowJob job = pipeline(j, "cf-declarative", """
                pipeline {
                  agent none
                  stages { stage('Test') { steps { error 'tests failed' } } }
                  post { failure { causeflowAlert() } }
                }
                """);

        j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(receiver.bodies()).singleElement().asString()
                .contains("\"title\":\"FAILURE: cf-declarative #1, stage Test").doesNotContain("(running)");
    }

    @Test
    void shouldShareTheSourceAlertIdWithAutomaticAlertsSoCauseFlowSeesOneIncident()
            throws Exception {
        CauseFlowGlobalConfiguration.get().setAutomaticAlerts(true);
        WorkflowJob job = pipeline(j, "both", """
                pipeline {
                  agent none
                  stages { stage('Test') { steps { error 'tests failed' } } }
                  post { failure { causeflowAlert() } }
                }
                """);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(receiver.incidentCount()).isEqualTo(1);
        j.assertLogContains("this build already delivered sourceAlertId", run);
    }
}
