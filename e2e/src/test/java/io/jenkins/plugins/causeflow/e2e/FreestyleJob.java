package io.jenkins.plugins.causeflow.e2e;

/**
 * A freestyle job whose shell step writes a JUnit report with one failing test and fails; junit publishes the
 * report, then our post-build action sends the alert.
 */
final class FreestyleJob {
    private FreestyleJob() {
    }

    static Job createFailing(JenkinsClient client, String name) {
        return Job.create(client, name, """
                <?xml version='1.1' encoding='UTF-8'?>
                <project>
                  <description>Fails with one failing test; CauseFlow post-build action.</description>
                  <keepDependencies>false</keepDependencies>
                  <canRoam>true</canRoam>
                  <disabled>false</disabled>
                  <builders>
                    <hudson.tasks.Shell>
                      <command>%s
                echo 'Checkout total is wrong' &gt;&amp;2
                exit 1</command>
                    </hudson.tasks.Shell>
                  </builders>
                  <publishers>
                    <hudson.tasks.junit.JUnitResultArchiver plugin="junit">
                      <testResults>report.xml</testResults>
                      <allowEmptyResults>false</allowEmptyResults>
                    </hudson.tasks.junit.JUnitResultArchiver>
                    <io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier plugin="causeflow">
                      <threshold>FAILURE</threshold>
                      <failOnError>false</failOnError>
                    </io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier>
                  </publishers>
                  <buildWrappers/>
                </project>
                """.formatted(escapeXml(JUnitReport.shellWritingReport())));
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
