package io.causeflow.receiver.incidents;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.store.ChangeOutcome;
import io.causeflow.receiver.store.EventDraft;
import io.causeflow.receiver.store.IncidentChange;
import io.causeflow.receiver.store.ReceiverStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves an incident: moves it to {@code resolved} with exactly one {@code incident.status_changed}; resolving a
 * resolved or closed incident changes nothing. Used by {@code POST /v1/incidents/{id}/resolve} and the dashboard's
 * Resolve button alike.
 */
public final class IncidentResolver {
    private static final int ATTEMPTS = 5;
    private static final long COMMIT_TIMEOUT_SECONDS = 30;

    private final ReceiverStore store;

    /** @param store durable store */
    public IncidentResolver(ReceiverStore store) {
        this.store = store;
    }

    /**
     * @param tenantId   tenant that must own the incident
     * @param incidentId incident to resolve
     * @return the incident after the change; empty if the tenant has no such incident
     * @throws KeptChangingException if the simulator changed the incident at every attempt
     */
    public Optional<Incident> resolve(String tenantId, String incidentId)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Incident> found = owned(tenantId, incidentId);
            if (found.isEmpty()) {
                return found;
            }
            Incident current = found.get();
            if (current.status() == IncidentStatus.RESOLVED || current.status() == IncidentStatus.CLOSED) {
                return found;
            }
            String previous = current.status().wireName();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("incidentId", incidentId);
            data.put("previousStatus", previous);
            data.put("newStatus", IncidentStatus.RESOLVED.wireName());
            // Applies only if nobody changed the status since we read it, so previousStatus is always true.
            ChangeOutcome outcome = store.change(new IncidentChange(tenantId, incidentId, Set.of(previous),
                    Optional.of(IncidentStatus.RESOLVED.wireName()), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(new EventDraft("incident.status_changed", data))))
                    .get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (outcome instanceof ChangeOutcome.Applied) {
                return owned(tenantId, incidentId);
            }
        }
        throw new KeptChangingException();
    }

    private Optional<Incident> owned(String tenantId, String incidentId) {
        return store.incident(incidentId).filter(incident -> incident.tenantId().equals(tenantId));
    }

    /** The incident's status changed under every attempt; the caller answers 409 and the user tries again. */
    public static final class KeptChangingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeptChangingException() {
            super("the incident kept changing; try again", null, false, false);
        }
    }
}
