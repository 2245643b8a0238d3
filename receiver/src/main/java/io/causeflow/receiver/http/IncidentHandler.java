package io.causeflow.receiver.http;

import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.IncidentStatus;
import io.causeflow.receiver.model.Tenant;
import io.causeflow.receiver.model.Tenants;
import io.causeflow.receiver.store.ChangeOutcome;
import io.causeflow.receiver.store.EventDraft;
import io.causeflow.receiver.store.IncidentChange;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Incident reads and {@code resolve}, authenticated by {@code X-API-Key} (which also selects the tenant). */
final class IncidentHandler {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final int RESOLVE_ATTEMPTS = 5;

    private final Tenants tenants;
    private final ReceiverStore store;

    IncidentHandler(Tenants tenants, ReceiverStore store) {
        this.tenants = tenants;
        this.store = store;
    }

    void get(Context ctx) {
        Tenant tenant = authenticate(ctx);
        JsonResponses.write(ctx, 200, view(owned(tenant, ctx.pathParam("incidentId"))));
    }

    void list(Context ctx) {
        Tenant tenant = authenticate(ctx);
        int limit = limit(ctx.queryParam("limit"));
        List<Map<String, Object>> incidents = store.incidents(tenant.tenantId(), limit).stream()
                .map(IncidentHandler::view).toList();
        JsonResponses.write(ctx, 200, Map.of("incidents", incidents));
    }

    /** Moves the incident to {@code resolved} with one {@code incident.status_changed}; idempotent once resolved. */
    void resolve(Context ctx) throws InterruptedException, ExecutionException, TimeoutException {
        Tenant tenant = authenticate(ctx);
        String incidentId = ctx.pathParam("incidentId");
        for (int attempt = 0; attempt < RESOLVE_ATTEMPTS; attempt++) {
            Incident current = owned(tenant, incidentId);
            String previous = current.status().wireName();
            if (current.status() == IncidentStatus.RESOLVED || current.status() == IncidentStatus.CLOSED) {
                JsonResponses.write(ctx, 200, view(current));
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("incidentId", incidentId);
            data.put("previousStatus", previous);
            data.put("newStatus", IncidentStatus.RESOLVED.wireName());
            // Applies only if nobody changed the status since we read it, so previousStatus is always true.
            ChangeOutcome outcome = store.change(new IncidentChange(tenant.tenantId(), incidentId, Set.of(previous),
                    Optional.of(IncidentStatus.RESOLVED.wireName()), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(new EventDraft("incident.status_changed", data))))
                    .get(30, TimeUnit.SECONDS);
            if (outcome instanceof ChangeOutcome.Applied) {
                JsonResponses.write(ctx, 200, view(owned(tenant, incidentId)));
                return;
            }
        }
        throw ApiException.of(409, "conflict", "the incident kept changing; try again");
    }

    private Incident owned(Tenant tenant, String incidentId) {
        return store.incident(incidentId).filter(i -> i.tenantId().equals(tenant.tenantId()))
                .orElseThrow(() -> ApiException.incidentNotFound(incidentId));
    }

    private Tenant authenticate(Context ctx) {
        String apiKey = ctx.header("X-API-Key");
        if (apiKey == null) {
            throw ApiException.invalidApiKey();
        }
        return tenants.byApiKey(apiKey).orElseThrow(ApiException::invalidApiKey);
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.validation("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
    }

    /** The protocol's incident read (3.3) plus the fields a sandbox user wants to see. */
    static Map<String, Object> view(Incident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.incidentId());
        view.put("title", incident.title());
        view.put("severity", incident.severity());
        view.put("status", incident.status().wireName());
        view.put("source", "automated");
        view.put("assignedAgents", incident.assignedAgents());
        view.put("rootCause", incident.rootCause().orElse(null));
        view.put("recommendedActions", incident.recommendedActions());
        view.put("createdAt", incident.createdAt().toString());
        view.put("updatedAt", incident.updatedAt().toString());
        view.put("sourceAlertId", incident.sourceAlertId().orElse(null));
        view.put("service", incident.service().orElse(null));
        view.put("environment", incident.environment().orElse(null));
        view.put("tags", incident.tags());
        return view;
    }
}
