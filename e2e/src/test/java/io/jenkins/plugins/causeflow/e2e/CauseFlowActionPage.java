package io.jenkins.plugins.causeflow.e2e;

/**
 * A build's {@code …/causeflow/} page: every alert the build sent.
 */
final class CauseFlowActionPage {
    private final JenkinsClient client;
    private final String path;

    CauseFlowActionPage(JenkinsClient client, String path) {
        this.client = client;
        this.path = path;
    }

    String url() {
        return client.url(path);
    }

    int status() {
        return client.get(path).status();
    }

    String html() {
        return client.page(path);
    }
}
