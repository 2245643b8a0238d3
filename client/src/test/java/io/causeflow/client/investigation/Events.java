package io.causeflow.client.investigation;

import io.causeflow.client.events.CauseFlowEvent;
import io.causeflow.client.events.EventDecoder;
import io.causeflow.client.events.SseFrame;

/** Stream events for the tests, decoded by the real decoder from frames in either naming scheme and shape. */
final class Events {
    static final String TENANT = "acme";

    private Events() {
    }

    /** The catalog's envelope {@code {event, timestamp, tenantId, data}} under the dotted name. */
    static CauseFlowEvent envelope(final String id, final String name, final String timestamp, final String tenant,
            final String dataJson) {
        return EventDecoder.decode(new SseFrame(name, "{\"event\":\"" + name + "\",\"timestamp\":\"" + timestamp
                + "\",\"tenantId\":\"" + tenant + "\",\"data\":" + dataJson + "}", id));
    }

    /** The public server's flat shape {@code {type, ..., timestamp}} under the underscore name. */
    static CauseFlowEvent flat(final String id, final String underscoreName, final String timestamp,
            final String fieldsJson) {
        String fields = fieldsJson.substring(1, fieldsJson.length() - 1);
        return EventDecoder.decode(new SseFrame(underscoreName, "{\"type\":\"" + underscoreName + "\","
                + fields + ",\"timestamp\":\"" + timestamp + "\"}", id));
    }

    static CauseFlowEvent statusChanged(final String id, final String incident, final String from, final String to,
            final String timestamp) {
        return envelope(id, "incident.status_changed", timestamp, TENANT, "{\"incidentId\":\"" + incident
                + "\",\"previousStatus\":\"" + from + "\",\"newStatus\":\"" + to + "\"}");
    }

    static CauseFlowEvent progress(final String id, final String incident, final int step, final String timestamp) {
        return envelope(id, "investigation.progress", timestamp, TENANT, "{\"incidentId\":\"" + incident
                + "\",\"message\":\"Step " + step + "\",\"agentName\":\"log-analyst\",\"stepIndex\":" + step
                + ",\"totalSteps\":3}");
    }

    static CauseFlowEvent completed(final String id, final String incident, final String rootCause,
            final double confidence, final String timestamp) {
        return envelope(id, "investigation.completed", timestamp, TENANT, "{\"incidentId\":\"" + incident
                + "\",\"rootCause\":\"" + rootCause + "\",\"confidence\":" + confidence
                + ",\"recommendedActions\":[\"Pin the dependency\"]}");
    }

    static CauseFlowEvent remediation(final String id, final String incident, final String title,
            final String timestamp) {
        return envelope(id, "remediation.proposed", timestamp, TENANT, "{\"incidentId\":\"" + incident
                + "\",\"remediationId\":\"rem_1\",\"title\":\"" + title
                + "\",\"requiresApproval\":true,\"steps\":[\"Revert\",\"Redeploy\"]}");
    }
}
