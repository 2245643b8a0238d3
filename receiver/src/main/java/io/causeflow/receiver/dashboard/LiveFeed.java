package io.causeflow.receiver.dashboard;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the pages' live feed comes from: the receiver's asynchronous SSE streams (http layer), handed in by the
 * routes so that the dashboard shares their writers, pings and per-tenant cap without depending on the layer above.
 */
@FunctionalInterface
public interface LiveFeed {
    /**
     * Answers {@code ctx} with the tenant's events as SSE, asynchronously.
     *
     * @param ctx         the request
     * @param tenantId    whose events
     * @param resumeAfter replay stored events after this id first; empty = live events only
     * @param incidentId  only this incident's events (already checked to be the tenant's); empty = all
     */
    void attach(Context ctx, String tenantId, OptionalLong resumeAfter, Optional<String> incidentId);
}
