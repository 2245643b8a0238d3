package io.jenkins.plugins.causeflow.e2e;

/**
 * Manage Jenkins › System ({@code /manage/configure}).
 */
final class SystemConfigurationPage {
    static final String PATH = "manage/configure";
    private final JenkinsClient client;

    SystemConfigurationPage(JenkinsClient client) {
        this.client = client;
    }

    String url() {
        return client.url(PATH);
    }

    String html() {
        return client.page(PATH);
    }
}
