package io.causeflow.receiver.ingest;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.Ulids;
import io.causeflow.receiver.store.CreateOutcome;
import io.causeflow.receiver.store.EventDraft;
import io.causeflow.receiver.store.NewIncident;
import io.causeflow.receiver.store.ReceiverStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Turns a validated alert into a committed incident. The incident, {@code incident.created} and the move to
 * {@code triaging} commit in one transaction before this method returns, so a 202 always refers to durable data.
 */
public final class IngestService {
    private static final long COMMIT_TIMEOUT_SECONDS = 30;

    private final ReceiverStore store;
    private final Consumer<Incident> onNewIncident;

    /**
     * @param store         durable store
     * @param onNewIncident called after the commit of a new incident (starts the simulated investigation)
     */
    public IngestService(ReceiverStore store, Consumer<Incident> onNewIncident) {
        this.store = store;
        this.onNewIncident = onNewIncident;
    }

    /** Stores the alert as a new incident, or reports the incident that already has its key. */
    public IngestResult ingest(String tenantId, ParsedAlert alert) {
        String incidentId = Ulids.newIncidentId();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("incidentId", incidentId);
        created.put("title", alert.title());
        created.put("severity", alert.severity());
        created.put("status", IncidentStatus.OPEN.wireName());
        created.put("source", "automated");
        alert.sourceAlertId().ifPresent(id -> created.put("sourceAlertId", id));
        Map<String, Object> triaging = new LinkedHashMap<>();
        triaging.put("incidentId", incidentId);
        triaging.put("previousStatus", IncidentStatus.OPEN.wireName());
        triaging.put("newStatus", IncidentStatus.TRIAGING.wireName());
        NewIncident incident = new NewIncident(incidentId, tenantId, alert.sourceAlertId(), alert.title(),
                alert.description(), alert.severity(), alert.service(), alert.environment(), alert.tags(),
                alert.metadataJson(), IncidentStatus.TRIAGING.wireName(),
                List.of(new EventDraft("incident.created", created),
                        new EventDraft("incident.status_changed", triaging)));
        CreateOutcome outcome = await(store.create(incident));
        if (outcome instanceof CreateOutcome.Created createdOutcome) {
            onNewIncident.accept(createdOutcome.incident());
            return IngestResult.accepted(outcome.incidentId());
        }
        return IngestResult.duplicate(outcome.incidentId());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store commit", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("store commit failed", e.getCause());
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("store commit did not finish within " + COMMIT_TIMEOUT_SECONDS + " s", e);
        }
    }
}
