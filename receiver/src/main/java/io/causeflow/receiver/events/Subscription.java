package io.causeflow.receiver.events;

import io.causeflow.receiver.model.StoredEvent;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SSE connection's live feed: a bounded queue filled by the publisher without ever blocking. When the queue is
 * full the subscription is cut (the publisher calls {@link #overflow()}), and the connection is closed; the client
 * resumes with {@code Last-Event-ID}.
 */
public final class Subscription {
    private final String tenantId;
    private final BlockingQueue<StoredEvent> queue;
    private final Runnable disconnect;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean overflowed;

    Subscription(String tenantId, int capacity, Runnable disconnect) {
        this.tenantId = tenantId;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.disconnect = disconnect;
    }

    /** Tenant whose events this subscription receives. */
    public String tenantId() {
        return tenantId;
    }

    /** Non-blocking; false when the buffer is full. */
    boolean offer(StoredEvent event) {
        return !closed.get() && queue.offer(event);
    }

    /** Cuts a subscriber that fell behind: marks it and closes its connection (which unblocks a stuck write). */
    void overflow() {
        overflowed = true;
        if (closed.compareAndSet(false, true)) {
            disconnect.run();
        }
    }

    /** Server shutdown: ends the stream promptly (wakes a waiting writer and closes the connection). */
    void shutdown() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            // An id no frame can have: the writer skips it and then sees the subscription closed.
            queue.offer(new StoredEvent(-1, tenantId, "", "shutdown", java.time.Instant.EPOCH, "{}"));
            disconnect.run();
        }
    }

    /** Marks the subscription closed without touching the connection (normal end). */
    void close() {
        closed.set(true);
    }

    /** Whether it was cut for falling behind. */
    public boolean overflowed() {
        return overflowed;
    }

    /** Whether it no longer receives events. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Waits up to {@code timeout} for the next live event.
     *
     * @return the event, or empty on timeout
     * @throws InterruptedException if interrupted
     */
    public Optional<StoredEvent> next(long timeout, TimeUnit unit) throws InterruptedException {
        return Optional.ofNullable(queue.poll(timeout, unit));
    }
}
