package io.causeflow.client.investigation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * "The answer" read from a timeline: what a waiting Pipeline step returns. Server text, untrusted.
 *
 * @param incidentId the incident
 * @param rootCause the latest root cause, when known
 * @param confidence its confidence, 0..1, when the server sent one
 * @param investigationStatus where the investigation stands
 * @param incidentStatus the latest incident status seen ({@code ""} when none)
 * @param recommendedActions the root cause's recommended actions
 * @param remediation the latest proposed remediation's title, when one was proposed
 * @param remediationSteps its steps
 */
public record InvestigationAnswer(String incidentId, Optional<String> rootCause, OptionalDouble confidence,
        InvestigationStatus investigationStatus, String incidentStatus, List<String> recommendedActions,
        Optional<String> remediation, List<String> remediationSteps) {
    /** Checks for null and copies the lists. */
    public InvestigationAnswer {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(rootCause, "rootCause");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(investigationStatus, "investigationStatus");
        Objects.requireNonNull(incidentStatus, "incidentStatus");
        recommendedActions = List.copyOf(recommendedActions);
        remediation = Objects.requireNonNull(remediation, "remediation");
        remediationSteps = List.copyOf(remediationSteps);
    }

    /**
     * The step's return keys: {@code rootCause} and {@code remediation} ({@code ""} when unknown), {@code confidence}
     * (a {@link Double}, {@code null} when unknown), {@code investigationStatus} (e.g. {@code completed}) and
     * {@code incidentStatus}.
     *
     * @return a new mutable map in that order
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rootCause", rootCause.orElse(""));
        map.put("confidence", confidence.isPresent() ? Double.valueOf(confidence.getAsDouble()) : null);
        map.put("investigationStatus", investigationStatus.wireName());
        map.put("incidentStatus", incidentStatus);
        map.put("remediation", remediation.orElse(""));
        return map;
    }
}
