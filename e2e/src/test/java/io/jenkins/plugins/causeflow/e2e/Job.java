package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A job, created from its {@code config.xml} as Job DSL, JCasC jobs and the REST API do.
 */
class Job {
    final JenkinsClient client;
    final String name;

    Job(JenkinsClient client, String name) {
        this.client = client;
        this.name = name;
    }

    static Job create(JenkinsClient client, String name, String configXml) {
        JenkinsClient.Answer answer = client.postXml("createItem?name=" + name, configXml);
        if (answer.status() != 200) {
            throw new IllegalStateException("Creating job " + name + " answered HTTP " + answer.status() + ": "
                    + answer.head());
        }
        return new Job(client, name);
    }

    String path() {
        return "job/" + name + "/";
    }

    String url() {
        return client.url(path());
    }

    /** Queues a build and returns it (it may still be waiting for an executor). */
    Build scheduleBuild() {
        int number = client.json(path() + "api/json?tree=nextBuildNumber").path("nextBuildNumber").asInt();
        JenkinsClient.Answer answer = client.postForm(path() + "build?delay=0sec", Map.of());
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("Scheduling " + name + " answered HTTP " + answer.status());
        }
        return new Build(this, number);
    }

    Build build(int number) {
        return new Build(this, number);
    }

    JsonNode api() {
        return client.json(path() + "api/json");
    }
}
