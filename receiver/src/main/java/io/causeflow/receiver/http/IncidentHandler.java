package io.causeflow.receiver.http;

import io.causeflow.receiver.incidents.IncidentResolver;
import io.causeflow.receiver.model.Incident;
import io.causeflow.receiver.model.Tenant;
import io.causeflow.receiver.model.Tenants;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Incident reads and {@code resolve}, authenticated by {@code X-API-Key} (which also selects the tenant). */
final class IncidentHandler {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Tenants tenants;
    private final ReceiverStore store;
    private final IncidentResolver resolver;

    IncidentHandler(Tenants tenants, ReceiverStore store) {
        this.tenants = tenants;
        this.store = store;
        this.resolver = new IncidentResolver(store);
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
        try {
            Incident resolved = resolver.resolve(tenant.tenantId(), incidentId)
                    .orElseThrow(() -> ApiException.incidentNotFound(incidentId));
            JsonResponses.write(ctx, 200, view(resolved));
        }
        catch (IncidentResolver.KeptChangingException e) {
            throw ApiException.of(409, "conflict", e.getMessage());
        }
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
