package io.causeflow.client.investigation;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where timelines live (the plugin: the build's action). Called from the subscription's thread. */
@FunctionalInterface
public interface InvestigationTargets {
    /**
     * Applies a change to the timeline a target keeps for an incident and persists the result, atomically with
     * respect to other changes of that target. Should be quick (no network).
     *
     * @param target the key the incident was registered with
     * @param incidentId the incident
     * @param change turns the current timeline ({@link InvestigationTimeline#empty} when the target has none)
     *        into the new one; returns the same instance when nothing changes, then nothing needs saving
     * @return the timeline after the change; empty when the target no longer exists
     */
    Optional<InvestigationTimeline> update(String target, String incidentId, UnaryOperator<InvestigationTimeline> change);
}
