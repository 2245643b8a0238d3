package io.jenkins.plugins.causeflow.e2e;

/**
 * Manage Jenkins › System ({@code /manage/configure}).
 */
final class SystemConfigurationPage {
    static final String PATH = "manage/configure";
    /** JavaScript finding our section (its title is the {@code f:section} title of our global.jelly). */
    static final String CAUSEFLOW_SECTION = "[...document.querySelectorAll('section.jenkins-section')]"
            + ".find(s => s.querySelector('.jenkins-section__title')?.textContent.trim() === 'CauseFlow')";
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
