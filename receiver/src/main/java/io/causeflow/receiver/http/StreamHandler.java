package io.causeflow.receiver.http;

import io.causeflow.receiver.model.EventIds;
import io.causeflow.receiver.model.Tenant;
import io.causeflow.receiver.model.Tenants;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /v1/notifications/stream}: SSE for one tenant, authenticated by its stream token. The stream itself is
 * served by {@link SseStreams} (no thread per subscriber). Without {@code Last-Event-ID} the stream is live only
 * ({@code Last-Event-ID: 0} replays everything); an id above the newest event is refused.
 */
final class StreamHandler {
    private final Tenants tenants;
    private final SseStreams streams;

    StreamHandler(Tenants tenants, SseStreams streams) {
        this.tenants = tenants;
        this.streams = streams;
    }

    void stream(Context ctx) {
        Tenant tenant = token(ctx).flatMap(tenants::byStreamToken).orElseThrow(ApiException::unauthorizedStream);
        streams.attach(ctx, tenant.tenantId(), lastEventId(ctx));
    }

    /** {@code Authorization: Bearer <token>}, else the {@code ?token=} of the protocol's EventSource example. */
    private static Optional<String> token(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.ofNullable(ctx.queryParam("token"));
    }

    /**
     * Our ids ({@code evt_000000000042} or {@code 42}). An {@code evt_} id of another form (e.g. the hosted service's
     * {@code evt_01HX…}) was not issued by this receiver: it cannot be resumed from, which is {@code unknown_event_id}.
     */
    static OptionalLong lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        OptionalLong parsed = EventIds.parse(header);
        if (parsed.isPresent()) {
            return parsed;
        }
        if (header.strip().startsWith("evt_")) {
            throw ApiException.foreignEventId();
        }
        throw ApiException.validation("Last-Event-ID", "Last-Event-ID must be an event id such as evt_000000000042");
    }
}
