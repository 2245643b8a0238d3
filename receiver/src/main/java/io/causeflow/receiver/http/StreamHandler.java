package io.causeflow.receiver.http;

import io.causeflow.receiver.events.EventBus;
import io.causeflow.receiver.events.Subscription;
import io.causeflow.receiver.model.EventIds;
import io.causeflow.receiver.model.StoredEvent;
import io.causeflow.receiver.model.Tenant;
import io.causeflow.receiver.model.Tenants;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/notifications/stream}: SSE for one tenant. Order of work guarantees exactly-once replay: subscribe
 * to live events first, then replay stored events after {@code Last-Event-ID}, then forward live events skipping
 * every id already replayed. Without {@code Last-Event-ID} the stream is live only ({@code Last-Event-ID: 0} replays
 * everything).
 */
final class StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHandler.class);
    private static final int REPLAY_PAGE = 500;
    private static final byte[] PING = "event: ping\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    private final Tenants tenants;
    private final ReceiverStore store;
    private final EventBus bus;
    private final Duration pingInterval;

    StreamHandler(Tenants tenants, ReceiverStore store, EventBus bus, Duration pingInterval) {
        this.tenants = tenants;
        this.store = store;
        this.bus = bus;
        this.pingInterval = pingInterval;
    }

    void stream(Context ctx) throws IOException {
        Tenant tenant = token(ctx).flatMap(tenants::byStreamToken).orElseThrow(ApiException::unauthorizedStream);
        OptionalLong resumeAfter = lastEventId(ctx);
        Subscription subscription = bus.subscribe(tenant.tenantId(), () -> abort(ctx));
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream;charset=utf-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long lastSent = 0;
            if (resumeAfter.isPresent()) {
                lastSent = replay(tenant.tenantId(), resumeAfter.getAsLong(), out);
            }
            forwardLive(subscription, lastSent, out);
        }
        catch (IOException e) {
            // Client went away or was cut for falling behind; both end the stream normally.
            LOG.debug("SSE stream of tenant {} ended: {}", tenant.tenantId(), e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            bus.unsubscribe(subscription);
        }
    }

    private long replay(String tenantId, long after, OutputStream out) throws IOException {
        long last = after;
        while (true) {
            List<StoredEvent> page = store.eventsAfter(tenantId, last, REPLAY_PAGE);
            for (StoredEvent event : page) {
                out.write(frame(event));
                last = event.id();
            }
            out.flush();
            if (page.size() < REPLAY_PAGE) {
                return last;
            }
        }
    }

    private void forwardLive(Subscription subscription, long lastSent, OutputStream out)
            throws IOException, InterruptedException {
        long last = lastSent;
        long pingNanos = pingInterval.toNanos();
        long nextPing = System.nanoTime() + pingNanos;
        while (!subscription.isClosed()) {
            long wait = Math.max(1, nextPing - System.nanoTime());
            Optional<StoredEvent> next = subscription.next(wait, TimeUnit.NANOSECONDS);
            if (next.isPresent()) {
                StoredEvent event = next.get();
                if (event.id() > last) {
                    out.write(frame(event));
                    last = event.id();
                }
                Optional<StoredEvent> more;
                while ((more = subscription.next(0, TimeUnit.NANOSECONDS)).isPresent()) {
                    if (more.get().id() > last) {
                        out.write(frame(more.get()));
                        last = more.get().id();
                    }
                }
                out.flush();
            }
            if (System.nanoTime() - nextPing >= 0) {
                out.write(PING);
                out.flush();
                nextPing = System.nanoTime() + pingNanos;
            }
        }
        if (subscription.overflowed()) {
            throw new IOException("subscriber fell behind and was disconnected");
        }
    }

    static byte[] frame(StoredEvent event) {
        return ("id: " + event.wireId() + "\nevent: " + event.name() + "\ndata: " + event.envelopeJson() + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Authorization: Bearer <token>}, else the {@code ?token=} of the protocol's EventSource example. */
    private static Optional<String> token(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.ofNullable(ctx.queryParam("token"));
    }

    private static OptionalLong lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        OptionalLong parsed = EventIds.parse(header);
        if (parsed.isEmpty()) {
            throw ApiException.validation("Last-Event-ID", "Last-Event-ID must be an event id such as evt_000000000042");
        }
        return parsed;
    }

    /** Closes the TCP connection under a (possibly blocked) writer; safe from any thread. */
    private static void abort(Context ctx) {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint().close();
        }
        catch (RuntimeException e) {
            LOG.debug("Could not close a slow subscriber's connection", e);
        }
    }
}
