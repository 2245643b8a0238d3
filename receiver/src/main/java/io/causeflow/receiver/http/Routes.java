package io.causeflow.receiver.http;

import io.causeflow.receiver.dashboard.Dashboard;
import io.causeflow.receiver.events.EventBus;
import io.causeflow.receiver.incidents.IncidentResolver;
import io.causeflow.receiver.ingest.AlertParser;
import io.causeflow.receiver.ingest.IngestService;
import io.causeflow.receiver.model.Tenants;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Every route of the receiver, in one table. Handlers get their services through their constructors. */
public final class Routes implements AutoCloseable {
    private final ClientErrorLog errorLog = new ClientErrorLog();
    private final ErrorMapper errors = new ErrorMapper(errorLog);
    private final SseStreams streams;
    private final BodyReader bodies;
    private final WebhookHandler webhooks;
    private final StreamHandler stream;
    private final IncidentHandler incidents;
    private final Dashboard dashboard;

    /**
     * @param tenants      configured tenants
     * @param store        durable store
     * @param bus          live event fan-out
     * @param ingest       ingest service
     * @param maxBodyBytes webhook body limit
     * @param pingInterval SSE ping interval
     * @param limits       stream cap, body deadline and bound
     * @param timers       shared scheduler (pings, body deadlines, log summaries); owned by the caller
     */
    public Routes(Tenants tenants, ReceiverStore store, EventBus bus, IngestService ingest, long maxBodyBytes,
            Duration pingInterval, Limits limits, ScheduledExecutorService timers) {
        this.streams = new SseStreams(store, bus, pingInterval, limits.maxStreamsPerTenant(), timers);
        this.bodies = new BodyReader(limits.maxBodyReads(), limits.bodyTimeout(), timers, errorLog);
        this.webhooks = new WebhookHandler(tenants, new AlertParser(), ingest, maxBodyBytes, bodies);
        this.stream = new StreamHandler(tenants, streams);
        this.incidents = new IncidentHandler(tenants, store);
        this.dashboard = new Dashboard(tenants, store, new IncidentResolver(store),
                (ctx, tenantId, resumeAfter, incidentId) ->
                        streams.attach(ctx, tenantId, resumeAfter, SseStreams.STANDARD, incidentId));
        long window = ClientErrorLog.WINDOW.toMillis();
        timers.scheduleWithFixedDelay(errorLog::rollIfDue, window, window, TimeUnit.MILLISECONDS);
    }

    /**
     * The HTTP layer's bounds (the API's {@code ReceiverConfig.Limits} maps onto this; http sits below the API).
     *
     * @param maxStreamsPerTenant open SSE streams per tenant
     * @param bodyTimeout         deadline for a request body
     * @param maxBodyReads        slow bodies arriving at once
     */
    public record Limits(int maxStreamsPerTenant, Duration bodyTimeout, int maxBodyReads) {
    }

    /** Declares the routes and the error mapping. */
    public void register(RoutesConfig routes) {
        routes.post("/v1/webhooks/{tenantId}/{provider}", webhooks::receive);
        routes.get("/v1/notifications/stream", stream::stream);
        routes.get("/v1/incidents", incidents::list);
        routes.get("/v1/incidents/{incidentId}", incidents::get);
        routes.post("/v1/incidents/{incidentId}/resolve", incidents::resolve);
        routes.get("/health", ctx -> JsonResponses.write(ctx, 200, Map.of("status", "ok")));
        // Dashboard (docs/receiver.md, "Dashboard"): pages, their JSON and live feed, behind a session cookie.
        routes.get("/dashboard", dashboard::listPage);
        routes.get("/dashboard/sign-in", dashboard::signInPage);
        routes.post("/dashboard/sign-in", dashboard::signIn);
        routes.post("/dashboard/sign-out", dashboard::signOut);
        routes.get("/dashboard/incidents/{incidentId}", dashboard::incidentPage);
        routes.get("/dashboard/assets/{name}", dashboard::asset);
        routes.get("/dashboard/api/session", dashboard::session);
        routes.get("/dashboard/api/incidents", dashboard::incidents);
        routes.get("/dashboard/api/incidents/{incidentId}", dashboard::incident);
        routes.post("/dashboard/api/incidents/{incidentId}/resolve", dashboard::resolve);
        routes.get("/dashboard/api/events", dashboard::events);

        routes.exception(ApiException.class, errors::api);
        routes.exception(HttpResponseException.class, errors::javalin);
        routes.exception(Exception.class, errors::unexpected);
    }

    /** The SSE streams, for any route that serves events (see {@link SseStreams#attach}). */
    public SseStreams streams() {
        return streams;
    }

    /** Request bodies being received asynchronously right now. */
    public int bodiesArriving() {
        return bodies.arriving();
    }

    /** Ends the open streams and logs what the client-error log suppressed. */
    @Override
    public void close() {
        streams.close();
        errorLog.flush();
    }
}
