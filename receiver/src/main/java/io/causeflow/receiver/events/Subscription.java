package io.causeflow.receiver.events;

import io.causeflow.receiver.model.StoredEvent;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SSE connection's live feed: a bounded queue filled by the publisher without ever blocking. When the queue is
 * full the subscription is cut (the publisher calls {@link #overflow()}), and the connection is closed; the client
 * resumes with {@code Last-Event-ID}. The queue holds only what is waiting (no array sized to the capacity per
 * subscriber: thousands of idle streams must cost little), and {@code onAvailable} tells an asynchronous writer that
 * there is something to send.
 */
public final class Subscription {
    private final String tenantId;
    private final int capacity;
    private final Queue<StoredEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Runnable disconnect;
    private final Runnable onAvailable;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean overflowed;

    Subscription(String tenantId, int capacity, Runnable disconnect, Runnable onAvailable) {
        this.tenantId = tenantId;
        this.capacity = capacity;
        this.disconnect = disconnect;
        this.onAvailable = onAvailable;
    }

    /** Tenant whose events this subscription receives. */
    public String tenantId() {
        return tenantId;
    }

    /** Non-blocking; false when the buffer is full. */
    boolean offer(StoredEvent event) {
        if (closed.get()) {
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(event);
        onAvailable.run();
        return true;
    }

    /** Cuts a subscriber that fell behind: marks it and closes its connection (which unblocks a stuck write). */
    void overflow() {
        overflowed = true;
        if (closed.compareAndSet(false, true)) {
            disconnect.run();
        }
    }

    /** Server shutdown: ends the stream promptly (closes the connection and wakes its writer). */
    void shutdown() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            disconnect.run();
            onAvailable.run();
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

    /** The next waiting live event, without waiting. */
    public Optional<StoredEvent> poll() {
        StoredEvent event = queue.poll();
        if (event != null) {
            size.decrementAndGet();
        }
        return Optional.ofNullable(event);
    }
}
