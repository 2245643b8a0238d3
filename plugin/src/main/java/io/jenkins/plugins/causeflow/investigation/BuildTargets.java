package io.jenkins.plugins.causeflow.investigation;

import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.causeflow.client.investigation.InvestigationTargets;
import io.causeflow.client.investigation.InvestigationTimeline;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The builds as the subscription's targets: a target is a build's externalizable id ({@code job/name#42}); its
 * timeline lives in the build's {@link CauseFlowAction} and is saved with the build, under the build's lock (the
 * same lock {@link CauseFlowAction#record} takes), so that an event and an alert outcome never overwrite each other.
 */
final class BuildTargets implements InvestigationTargets {
    private static final Logger LOGGER = Logger.getLogger(BuildTargets.class.getName());

    @Override
    public Optional<InvestigationTimeline> update(final String target, final String incidentId,
            final UnaryOperator<InvestigationTimeline> change) {
        Run<?, ?> run = lookUp(target);
        if (run == null) {
            return Optional.empty(); // the build (or its job) was deleted
        }
        synchronized (run) {
            CauseFlowAction action = run.getAction(CauseFlowAction.class);
            if (action == null) {
                return Optional.empty();
            }
            InvestigationTimeline current = action.timeline(incidentId)
                    .orElseGet(() -> InvestigationTimeline.empty(incidentId));
            InvestigationTimeline next = change.apply(current);
            if (next != current) {
                action.putTimeline(next);
                try {
                    run.save();
                }
                catch (IOException e) {
                    LOGGER.log(Level.WARNING, "Cannot save the CauseFlow investigation of " + target, e);
                }
            }
            return Optional.of(next);
        }
    }

    /**
     * Finds a build as the system: the stream's thread has no user, and an anonymous lookup would not see the jobs
     * of a secured controller.
     */
    private static Run<?, ?> lookUp(final String target) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Run.fromExternalizableId(target);
        }
        catch (IllegalArgumentException e) {
            return null; // not a build id (a hand-edited index)
        }
    }

    /**
     * @param target a build's externalizable id
     * @param incidentId the incident
     * @return the build's timeline of that incident, or empty
     */
    static Optional<InvestigationTimeline> read(final String target, final String incidentId) {
        Run<?, ?> run = lookUp(target);
        CauseFlowAction action = run == null ? null : run.getAction(CauseFlowAction.class);
        return action == null ? Optional.empty() : action.timeline(incidentId);
    }
}
