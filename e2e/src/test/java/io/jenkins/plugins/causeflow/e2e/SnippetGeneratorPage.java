package io.jenkins.plugins.causeflow.e2e;

import java.util.Map;

/**
 * A Pipeline job's Snippet Generator ({@code …/pipeline-syntax/}): the page, which renders every step's form, and
 * its {@code generateSnippet} endpoint, which turns a step's form data into Pipeline code.
 */
final class SnippetGeneratorPage {
    private final Job job;

    SnippetGeneratorPage(Job job) {
        this.job = job;
    }

    String html() {
        return job.client.page(job.path() + "pipeline-syntax/");
    }

    /** The snippet for a step's form data (the JSON the page submits, {@code stapler-class} naming the step). */
    JenkinsClient.Answer generate(String stepJson) {
        return job.client.postForm(job.path() + "pipeline-syntax/generateSnippet", Map.of("json", stepJson));
    }
}
