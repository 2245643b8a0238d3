package io.jenkins.plugins.causeflow.investigation;

import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.causeflow.client.investigation.IncidentIndex;
import io.causeflow.client.investigation.InvestigationUpdates;
import io.jenkins.plugins.causeflow.JenkinsFacade;
import io.jenkins.plugins.causeflow.action.AlertRecord;
import io.jenkins.plugins.causeflow.action.CauseFlowAction;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rebuilds the incident index from the builds when its file was missing or damaged at start: the builds' saved
 * outcomes are the record of which incident belongs to which build. Only builds younger than the index's age bound
 * are loaded (newest first, per job), so a big controller loads what the index could hold and no more.
 */
final class IndexRebuild {
    private static final Logger LOGGER = Logger.getLogger(IndexRebuild.class.getName());

    private IndexRebuild() {
    }

    /**
     * @param updates the service whose index to fill
     * @return how many incidents were put back
     */
    static int from(final InvestigationUpdates updates) {
        Instant cutoff = Instant.now().minus(IncidentIndex.DEFAULT_MAX_AGE);
        int restored = 0;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : JenkinsFacade.jenkins().allItems(Job.class)) {
                for (Run<?, ?> run : job.getBuilds()) {
                    if (run.getTimeInMillis() < cutoff.toEpochMilli()) {
                        break; // newest first: the rest of this job's builds are older still
                    }
                    restored += restore(updates, run);
                }
            }
        }
        catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Rebuilding the CauseFlow incident index stopped after " + restored
                    + " incidents", e);
        }
        LOGGER.log(Level.INFO, "CauseFlow incident index rebuilt from the builds: {0} incidents", restored);
        return restored;
    }

    private static int restore(final InvestigationUpdates updates, final Run<?, ?> run) {
        CauseFlowAction action = run.getAction(CauseFlowAction.class);
        if (action == null) {
            return 0;
        }
        Set<String> incidents = new LinkedHashSet<>();
        for (AlertRecord record : action.getRecords()) {
            if (!record.getIncidentId().isEmpty()) {
                incidents.add(record.getIncidentId());
            }
        }
        for (StoredTimeline timeline : action.getTimelines()) {
            incidents.add(timeline.getIncidentId());
        }
        Instant registeredAt = Instant.ofEpochMilli(run.getTimeInMillis());
        int restored = 0;
        for (String incidentId : incidents) {
            try {
                updates.restore(incidentId, run.getExternalizableId(), registeredAt);
                restored++;
            }
            catch (IllegalArgumentException e) {
                LOGGER.log(Level.FINE, "Not restoring an incident of " + run.getExternalizableId(), e);
            }
        }
        return restored;
    }
}
