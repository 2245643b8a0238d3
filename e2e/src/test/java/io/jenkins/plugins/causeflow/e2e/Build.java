package io.jenkins.plugins.causeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One build: its page, console and API, and its CauseFlow action page.
 */
final class Build {
    private static final Pattern FINISHED = Pattern.compile("\\nFinished: ([A-Z_]+)\\s*$");

    private final Job job;
    final int number;

    Build(Job job, int number) {
        this.job = job;
        this.number = number;
    }

    String jobName() {
        return job.name;
    }

    String path() {
        return job.path() + number + "/";
    }

    String url() {
        return job.client.url(path());
    }

    /** Waits until the build has finished and returns its result (FAILURE, SUCCESS…). */
    String awaitResult(Duration timeout) {
        return ChildProcess.await(job.name + " #" + number + " to finish", timeout, () -> {
            JenkinsClient.Answer answer = job.client.get(path() + "api/json?tree=building,result");
            if (answer.status() != 200 || answer.json().path("building").asBoolean(true)) {
                return Optional.empty(); // queued or running
            }
            // The API's result can be an intermediate one (UNSTABLE from junit before the failing step's FAILURE
            // is applied) for a moment after "building" turns false; the console's last line is the final word.
            Matcher finished = FINISHED.matcher(console());
            return finished.find() ? Optional.of(finished.group(1)) : Optional.empty();
        });
    }

    /** When the build ended, by the controller's clock (start + duration). */
    Instant end() {
        JsonNode state = job.client.json(path() + "api/json?tree=timestamp,duration");
        return Instant.ofEpochMilli(state.path("timestamp").asLong() + state.path("duration").asLong());
    }

    /** The build page's HTML. */
    String page() {
        return job.client.page(path());
    }

    String console() {
        return job.client.page(path() + "consoleText");
    }

    CauseFlowActionPage causeFlowAction() {
        return new CauseFlowActionPage(job.client, path() + "causeflow/");
    }

    /** The actions' REST export of CauseFlow fields, as documented in docs/plugin.md section 8. */
    JsonNode causeFlowApi() {
        return job.client.json(path()
                + "api/json?tree=actions[status,incidentId,incidentLink,sourceAlertId,timeMillis,message]");
    }

    /** The incident id the build's CauseFlow action exports ({@code actions[].incidentId}), if any. */
    Optional<String> exportedIncidentId() {
        for (JsonNode action : causeFlowApi().path("actions")) {
            if (action.hasNonNull("incidentId")) {
                return Optional.of(action.path("incidentId").asText());
            }
        }
        return Optional.empty();
    }
}
