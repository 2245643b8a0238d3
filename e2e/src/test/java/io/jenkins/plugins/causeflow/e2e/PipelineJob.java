package io.jenkins.plugins.causeflow.e2e;

/**
 * Pipeline jobs (workflow-job) with an inline script, in the sandbox as a user's Jenkinsfile would run.
 */
final class PipelineJob {
    private PipelineJob() {
    }

    /** Scripted: the test stage publishes a failing report, then {@code sh} fails; {@code catch} alerts. */
    static Job createScriptedTryCatch(JenkinsClient client, String name) {
        return create(client, name, """
                node {
                  try {
                    stage('Build') {
                      echo 'compiling'
                    }
                    stage('Test') {
                      writeFile file: 'report.xml', text: %s
                      junit 'report.xml'
                      sh 'echo "Checkout total is wrong" >&2; exit 1'
                    }
                  } catch (err) {
                    def r = causeflowAlert()
                    echo "CauseFlow status: ${r.status}"
                    throw err
                  }
                }
                """.formatted(JUnitReport.groovyLiteral()));
    }

    /** Declarative: the same failure, alerted from {@code post { failure { causeflowAlert() } }}. */
    static Job createDeclarativePostFailure(JenkinsClient client, String name) {
        return create(client, name, """
                pipeline {
                  agent any
                  stages {
                    stage('Build') {
                      steps { echo 'compiling' }
                    }
                    stage('Test') {
                      steps {
                        writeFile file: 'report.xml', text: %s
                        junit 'report.xml'
                        sh 'echo "Checkout total is wrong" >&2; exit 1'
                      }
                    }
                  }
                  post {
                    failure {
                      causeflowAlert()
                    }
                  }
                }
                """.formatted(JUnitReport.groovyLiteral()));
    }

    /**
     * Scripted, with no CauseFlow step: the same failure, alerted by the automatic alerts when {@code name} matches
     * their job pattern ({@link CascYaml#AUTOMATIC_JOBS_PREFIX}).
     */
    static Job createFailingWithoutStep(JenkinsClient client, String name) {
        return create(client, name, """
                node {
                  stage('Test') {
                    writeFile file: 'report.xml', text: %s
                    junit 'report.xml'
                    sh 'echo "Checkout total is wrong" >&2; exit 1'
                  }
                }
                """.formatted(JUnitReport.groovyLiteral()));
    }

    /** A Pipeline job running {@code script} in the sandbox. */
    static Job create(JenkinsClient client, String name, String script) {
        return Job.create(client, name, """
                <?xml version='1.1' encoding='UTF-8'?>
                <flow-definition plugin="workflow-job">
                  <description>CauseFlow end-to-end pipeline</description>
                  <keepDependencies>false</keepDependencies>
                  <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps">
                    <script>%s</script>
                    <sandbox>true</sandbox>
                  </definition>
                  <disabled>false</disabled>
                </flow-definition>
                """.formatted(script.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
}
