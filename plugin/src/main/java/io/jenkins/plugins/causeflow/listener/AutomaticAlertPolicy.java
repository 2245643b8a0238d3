package io.jenkins.plugins.causeflow.listener;

import io.causeflow.client.failure.BuildResult;
import io.jenkins.plugins.causeflow.delivery.JobFilter;
import io.jenkins.plugins.causeflow.delivery.ResultThreshold;

/** The listener's decision on plain data: enabled, switched on, result at or worse than the threshold, job covered. */
final class AutomaticAlertPolicy {
    private AutomaticAlertPolicy() {
    }

    static boolean shouldAlert(final boolean enabled, final boolean automaticAlerts, final ResultThreshold threshold,
            final JobFilter filter, final String jobFullName, final BuildResult result) {
        return enabled && automaticAlerts && threshold.isMetBy(result) && filter.covers(jobFullName);
    }
}
