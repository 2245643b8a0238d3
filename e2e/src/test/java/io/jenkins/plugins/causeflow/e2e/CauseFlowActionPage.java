package io.jenkins.plugins.causeflow.e2e;

/**
 * A build's {@code …/causeflow/} page: every alert the build sent and, with live updates, each incident's timeline.
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

    /**
     * This action's own REST export, {@code …/causeflow/api/json?depth=2}: alerts and investigation timelines; a
     * missing node while the build has no CauseFlow action yet (404).
     */
    com.fasterxml.jackson.databind.JsonNode api() {
        JenkinsClient.Answer answer = client.get(path + "api/json?depth=2");
        return answer.status() == 404 ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : answer.json();
    }
}
