package io.causeflow.receiver.dashboard;

import io.causeflow.receiver.events.EventBus;
import io.causeflow.receiver.events.Subscription;
import io.causeflow.receiver.model.EventIds;
import io.causeflow.receiver.model.StoredEvent;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages' live feed: SSE authenticated by the session cookie (an EventSource cannot send headers, and the tokens
 * of {@code /v1/notifications/stream} would otherwise sit in a URL). Built on the same {@link EventBus} subscription
 * as the API stream. With an incident id it first replays that incident's stored events (after
 * {@code Last-Event-ID} on a reconnect) and then forwards its live ones; without, it forwards the tenant's live
 * events only (the list page reloads its rows when one arrives). Subscribing before the replay and skipping ids
 * already sent makes the timeline exact. Each stream holds a request thread, so a tenant may keep a bounded number
 * open at once.
 */
final class DashboardStream {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardStream.class);
    private static final int REPLAY_LIMIT = 1000;
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final ReceiverStore store;
    private final EventBus bus;
    private final Duration pingInterval;
    private final int maxStreamsPerTenant;
    private final Map<String, AtomicInteger> openByTenant = new ConcurrentHashMap<>();

    DashboardStream(ReceiverStore store, EventBus bus, Duration pingInterval, int maxStreamsPerTenant) {
        this.store = store;
        this.bus = bus;
        this.pingInterval = pingInterval;
        this.maxStreamsPerTenant = maxStreamsPerTenant;
    }

    void stream(Context ctx, String tenantId, Optional<String> incidentId) throws IOException {
        AtomicInteger open = openByTenant.computeIfAbsent(tenantId, t -> new AtomicInteger());
        if (open.incrementAndGet() > maxStreamsPerTenant) {
            open.decrementAndGet();
            throw new DashboardException(429, "too_many_streams", "this tenant already has " + maxStreamsPerTenant
                    + " dashboard pages open; close some");
        }
        Subscription subscription = bus.subscribe(tenantId, () -> abort(ctx));
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream;charset=utf-8");
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            // retry: how long the browser waits before reconnecting after the connection drops.
            out.write("retry: 1000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long lastSent = 0;
            if (incidentId.isPresent()) {
                lastSent = replay(tenantId, incidentId.get(), lastEventId(ctx), out);
            }
            forwardLive(subscription, incidentId, lastSent, out);
        }
        catch (IOException e) {
            LOG.debug("Dashboard stream of tenant {} ended: {}", tenantId, e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            bus.unsubscribe(subscription);
            open.decrementAndGet();
        }
    }

    private long replay(String tenantId, String incidentId, long after, OutputStream out) throws IOException {
        long last = after;
        List<StoredEvent> events = store.incidentEventsAfter(tenantId, incidentId, after, REPLAY_LIMIT);
        for (StoredEvent event : events) {
            out.write(frame(event));
            last = event.id();
        }
        out.flush();
        return last;
    }

    private void forwardLive(Subscription subscription, Optional<String> incidentId, long lastSent, OutputStream out)
            throws IOException, InterruptedException {
        long last = lastSent;
        long pingNanos = pingInterval.toNanos();
        long nextPing = System.nanoTime() + pingNanos;
        while (!subscription.isClosed()) {
            long wait = Math.max(1, nextPing - System.nanoTime());
            Optional<StoredEvent> next = subscription.next(wait, TimeUnit.NANOSECONDS);
            boolean wrote = false;
            while (next.isPresent()) {
                StoredEvent event = next.get();
                if (event.id() > last && incidentId.map(event.incidentId()::equals).orElse(true)) {
                    out.write(frame(event));
                    last = event.id();
                    wrote = true;
                }
                next = subscription.next(0, TimeUnit.NANOSECONDS);
            }
            if (wrote) {
                out.flush();
            }
            if (System.nanoTime() - nextPing >= 0) {
                out.write(PING);
                out.flush();
                nextPing = System.nanoTime() + pingNanos;
            }
        }
    }

    private static byte[] frame(StoredEvent event) {
        return ("id: " + event.wireId() + "\nevent: " + event.name() + "\ndata: " + event.envelopeJson() + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The browser's {@code Last-Event-ID} on a reconnect; anything unparsable means "from the start". */
    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return 0;
        }
        OptionalLong parsed = EventIds.parse(header);
        return parsed.orElse(0);
    }

    /** Closes the connection under a possibly blocked writer (slow subscriber, shutdown). */
    private static void abort(Context ctx) {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint().close();
        }
        catch (RuntimeException e) {
            LOG.debug("Could not close a dashboard stream's connection", e);
        }
    }
}
