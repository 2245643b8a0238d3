package io.jenkins.plugins.causeflow.e2e;

/**
 * A job's configure page ({@code …/configure}).
 */
final class JobConfigurePage {
    /** JavaScript finding the configured CauseFlow post-build action (not the hidden prototype). */
    static final String CAUSEFLOW_ACTION = "document.querySelector('.repeated-chunk"
            + "[descriptorId=\"io.jenkins.plugins.causeflow.freestyle.CauseFlowNotifier\"]')";

    private final Job job;

    JobConfigurePage(Job job) {
        this.job = job;
    }

    String url() {
        return job.client.url(job.path() + "configure");
    }

    String html() {
        return job.client.page(job.path() + "configure");
    }
}
