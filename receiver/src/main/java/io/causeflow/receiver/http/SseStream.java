package io.causeflow.receiver.http;

import io.causeflow.receiver.events.EventBus;
import io.causeflow.receiver.events.Subscription;
import io.causeflow.receiver.model.StoredEvent;
import io.causeflow.receiver.store.ReceiverStore;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE connection written with non-blocking servlet I/O. Whoever has news (the publisher, the ping timer, Jetty
 * saying the socket drained) calls {@link #signal()}; a writer thread then sends what is waiting while the socket
 * accepts it and returns. A work counter makes sure exactly one thread writes at a time and that no signal is lost.
 */
final class SseStream implements WriteListener {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    private static final int REPLAY_PAGE = 500;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PING = "event: ping\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    private final Context ctx;
    private final String tenantId;
    private final Optional<String> incidentId;
    private final SseStreams.Frames frames;
    private final ReceiverStore store;
    private final EventBus bus;
    private final Executor writers;
    private final Runnable releaseSlot;
    private final java.util.function.Consumer<SseStream> onEnd;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean pingDue;
    private volatile Subscription subscription;
    private volatile ScheduledFuture<?> pings;
    private ServletOutputStream out;

    // Touched only by the one thread that holds the work counter.
    private boolean connectedSent;
    private boolean replaying;
    private long lastSent;
    private boolean flushNeeded;

    SseStream(Context ctx, String tenantId, Optional<String> incidentId, OptionalLong resumeAfter,
            SseStreams.Frames frames, ReceiverStore store, EventBus bus, Executor writers, Runnable releaseSlot,
            java.util.function.Consumer<SseStream> onEnd) {
        this.ctx = ctx;
        this.tenantId = tenantId;
        this.incidentId = incidentId;
        this.frames = frames;
        this.store = store;
        this.bus = bus;
        this.writers = writers;
        this.releaseSlot = releaseSlot;
        this.onEnd = onEnd;
        this.replaying = resumeAfter.isPresent();
        this.lastSent = resumeAfter.orElse(0);
    }

    /** Called by Javalin once async mode has started; the returned future completes when the stream ends. */
    CompletableFuture<Void> start(ScheduledExecutorService timers, Duration pingInterval) throws IOException {
        AsyncContext async = ctx.req().getAsyncContext();
        async.setTimeout(0);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                end();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                end();
            }

            @Override
            public void onError(AsyncEvent event) {
                end();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream;charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        out = res.getOutputStream();
        subscription = bus.subscribe(tenantId, () -> {
            abortConnection();
            end();
        }, this::signal);
        long nanos = pingInterval.toNanos();
        pings = timers.scheduleAtFixedRate(() -> {
            pingDue = true;
            signal();
        }, nanos, nanos, TimeUnit.NANOSECONDS);
        out.setWriteListener(this);
        if (ended.get()) {
            // ended while starting (server shutdown): undo what end() could not see yet
            bus.unsubscribe(subscription);
            pings.cancel(false);
        }
        return done;
    }

    /** Something may be waiting to be sent: make sure a writer looks. Never blocks. */
    void signal() {
        if (work.getAndIncrement() == 0) {
            try {
                writers.execute(this::drain);
            }
            catch (RejectedExecutionException e) {
                end();
            }
        }
    }

    private void drain() {
        int missed = 1;
        do {
            writeWhileReady();
            missed = work.addAndGet(-missed);
        }
        while (missed != 0);
    }

    private void writeWhileReady() {
        try {
            while (!ended.get()) {
                if (!out.isReady()) {
                    return; // Jetty calls onWritePossible when the socket drained
                }
                if (flushNeeded) {
                    flushNeeded = false;
                    out.flush();
                    continue;
                }
                byte[] chunk = nextChunk();
                if (chunk == null) {
                    return;
                }
                if (out instanceof HttpOutput jetty) {
                    jetty.write(ByteBuffer.wrap(chunk)); // sent at once, no aggregation buffer kept per stream
                }
                else {
                    out.write(chunk);
                    flushNeeded = true;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            LOG.debug("SSE stream of tenant {} ended: {}", tenantId, e.toString());
            abortConnection();
            end();
        }
    }

    /** What to send next: the connected comment, a replay page, waiting live events, a ping; null when nothing. */
    private byte[] nextChunk() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        if (!connectedSent) {
            connectedSent = true;
            chunk.writeBytes(CONNECTED);
        }
        if (replaying) {
            List<StoredEvent> page = incidentId.isPresent()
                    ? store.incidentEventsAfter(tenantId, incidentId.get(), lastSent, REPLAY_PAGE)
                    : store.eventsAfter(tenantId, lastSent, REPLAY_PAGE);
            for (StoredEvent event : page) {
                chunk.writeBytes(frames.frame(event));
                lastSent = event.id();
            }
            replaying = page.size() == REPLAY_PAGE;
            return chunk.toByteArray();
        }
        Subscription live = subscription;
        Optional<StoredEvent> next;
        while (chunk.size() < CHUNK_BYTES && live != null && (next = live.poll()).isPresent()) {
            StoredEvent event = next.get();
            if (event.id() > lastSent && incidentId.map(event.incidentId()::equals).orElse(true)) {
                chunk.writeBytes(frames.frame(event));
                lastSent = event.id();
            }
        }
        if (pingDue) {
            pingDue = false;
            chunk.writeBytes(PING);
        }
        return chunk.size() == 0 ? null : chunk.toByteArray();
    }

    @Override
    public void onWritePossible() {
        signal();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.debug("SSE stream of tenant {} failed: {}", tenantId, failure.toString());
        end();
    }

    /** Ends the stream once: unsubscribes, stops pings, frees the tenant's slot, completes the request. */
    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        Subscription live = subscription;
        if (live != null) {
            bus.unsubscribe(live);
        }
        ScheduledFuture<?> timer = pings;
        if (timer != null) {
            timer.cancel(false);
        }
        releaseSlot.run();
        onEnd.accept(this);
        // Completing runs Javalin's completion of the request on this thread; keep that off the store writer thread
        // (which calls us when it cuts a slow subscriber).
        try {
            writers.execute(() -> done.complete(null));
        }
        catch (RejectedExecutionException e) {
            done.complete(null);
        }
    }

    /** Closes the TCP connection under the stream; safe from any thread. */
    private void abortConnection() {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint().close();
        }
        catch (RuntimeException e) {
            LOG.debug("Could not close an SSE connection", e);
        }
    }
}
