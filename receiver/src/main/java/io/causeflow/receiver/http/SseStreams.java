package io.causeflow.receiver.http;

import io.causeflow.receiver.events.EventBus;
import io.causeflow.receiver.model.StoredEvent;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves Server-Sent Events of a tenant's committed events without holding a thread per stream: any route attaches
 * its request with {@link #attach}, which answers asynchronously (servlet async I/O). Frames are written by a small
 * writer pool only when there is something to send and the socket can take it; an idle stream costs a few hundred
 * bytes and one scheduled ping. Streams are capped per tenant.
 *
 * <p>Order of work guarantees exactly-once replay: subscribe to live events first, then replay stored events after
 * {@code Last-Event-ID}, then forward live events skipping every id already replayed.
 */
public final class SseStreams implements AutoCloseable {
    /** The standard frame: {@code id}, {@code event}, one {@code data} line with the envelope. */
    public static final Frames STANDARD = event -> ("id: " + event.wireId() + "\nevent: " + event.name() + "\ndata: "
            + event.envelopeJson() + "\n\n").getBytes(StandardCharsets.UTF_8);

    private static final int WRITER_THREADS = 2;

    private final ReceiverStore store;
    private final EventBus bus;
    private final Duration pingInterval;
    private final int maxStreamsPerTenant;
    private final ScheduledExecutorService timers;
    private final ExecutorService writers;
    private final Map<String, AtomicInteger> openByTenant = new ConcurrentHashMap<>();
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();

    /**
     * @param store               where replayed events come from
     * @param bus                 live events
     * @param pingInterval        a {@code ping} event this often on every stream
     * @param maxStreamsPerTenant open streams per tenant; one more is answered 503 {@code too_many_streams}
     * @param timers              schedules the pings (shared, not owned)
     */
    public SseStreams(ReceiverStore store, EventBus bus, Duration pingInterval, int maxStreamsPerTenant,
            ScheduledExecutorService timers) {
        this.store = store;
        this.bus = bus;
        this.pingInterval = pingInterval;
        this.maxStreamsPerTenant = maxStreamsPerTenant;
        this.timers = timers;
        AtomicInteger threadNumber = new AtomicInteger();
        this.writers = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "causeflow-sse-writer-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Turns a stored event into the bytes of one SSE frame (routes may show events differently). */
    @FunctionalInterface
    public interface Frames {
        /** The complete frame, ending with a blank line. */
        byte[] frame(StoredEvent event);
    }

    /**
     * Answers the request with the tenant's event stream, in standard frames.
     *
     * @param ctx         the request; its response is written asynchronously after this returns
     * @param tenantId    whose events
     * @param resumeAfter replay stored events after this id first; empty = live only
     * @throws ApiException 503 {@code too_many_streams} past the tenant's cap, 400 {@code unknown_event_id} when
     *                      {@code resumeAfter} is above the newest event id
     */
    public void attach(Context ctx, String tenantId, OptionalLong resumeAfter) {
        attach(ctx, tenantId, resumeAfter, STANDARD);
    }

    /** As {@link #attach(Context, String, OptionalLong)}, with the route's own frame format. */
    public void attach(Context ctx, String tenantId, OptionalLong resumeAfter, Frames frames) {
        attach(ctx, tenantId, resumeAfter, frames, Optional.empty());
    }

    /**
     * As {@link #attach(Context, String, OptionalLong, Frames)}, narrowed to one incident when {@code incidentId} is
     * present: only that incident's stored events are replayed and only its live events forwarded (the dashboard's
     * incident page). The caller has checked that the incident is the tenant's.
     */
    public void attach(Context ctx, String tenantId, OptionalLong resumeAfter, Frames frames,
            Optional<String> incidentId) {
        if (resumeAfter.isPresent()) {
            long newest = store.lastEventId();
            if (resumeAfter.getAsLong() > newest) {
                throw ApiException.unknownEventId(resumeAfter.getAsLong(), newest);
            }
        }
        AtomicInteger count = openByTenant.computeIfAbsent(tenantId, t -> new AtomicInteger());
        if (count.incrementAndGet() > maxStreamsPerTenant) {
            count.decrementAndGet();
            throw ApiException.tooManyStreams(tenantId, maxStreamsPerTenant);
        }
        SseStream stream;
        try {
            stream = new SseStream(ctx, tenantId, incidentId, resumeAfter, frames, store, bus, writers, () -> {
                count.decrementAndGet();
            }, open::remove);
        }
        catch (RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
        open.add(stream);
        // Javalin starts servlet async mode before it calls the supplier, and completes the request when the future
        // completes: the stream ends there, with no thread held in between.
        ctx.future(() -> {
            try {
                return stream.start(timers, pingInterval);
            }
            catch (java.io.IOException | RuntimeException e) {
                stream.end();
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** Open streams across all tenants. */
    public int openStreams() {
        return open.size();
    }

    /** Open streams of one tenant. */
    public int openStreams(String tenantId) {
        AtomicInteger count = openByTenant.get(tenantId);
        return count == null ? 0 : count.get();
    }

    /** Ends every stream and stops the writers (server shutdown). */
    @Override
    public void close() {
        for (SseStream stream : open) {
            stream.end();
        }
        writers.shutdown();
    }
}
