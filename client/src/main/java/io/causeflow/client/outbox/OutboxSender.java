package io.causeflow.client.outbox;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's one background sender: a scheduled executor with a single daemon thread that runs
 * {@link Outbox#deliverDue} whenever an entry is due, and sleeps until the next due time otherwise. Enqueueing
 * or "retry now" wakes it. Started by {@link Outbox#startSender}; {@link #close()} stops it.
 */
public final class OutboxSender implements AutoCloseable {
    /** Even with nothing due, look again this often (a clock step or a lost wake-up costs at most this). */
    private static final Duration MAX_SLEEP = Duration.ofMinutes(1);

    private final Outbox outbox;
    private final CredentialResolver resolver;
    private final ScheduledExecutorService executor;
    @CheckForNull
    private ScheduledFuture<?> next;
    @CheckForNull
    private Instant nextAt;
    private volatile boolean stopping;

    private OutboxSender(final Outbox outbox, final CredentialResolver resolver) {
        this.outbox = outbox;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "causeflow-outbox-sender " + outbox.directory().getFileName());
            thread.setDaemon(true);
            return thread;
        });
    }

    static OutboxSender start(final Outbox outbox, final CredentialResolver resolver) {
        OutboxSender sender = new OutboxSender(outbox, resolver);
        outbox.wakeHook(sender::wake);
        sender.wake();
        return sender;
    }

    /** Runs a pass now (unless one is already scheduled to start now). */
    public void wake() {
        scheduleAt(outbox.clock().instant());
    }

    private synchronized void scheduleAt(final Instant when) {
        if (stopping) {
            return;
        }
        if (next != null && !next.isDone() && nextAt != null && !nextAt.isAfter(when)) {
            return; // an earlier (or equal) pass is already planned
        }
        if (next != null) {
            next.cancel(false);
        }
        long delay = Math.max(0, Duration.between(outbox.clock().instant(), when).toMillis());
        delay = Math.min(delay, MAX_SLEEP.toMillis());
        nextAt = when;
        next = executor.schedule(this::pass, delay, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        synchronized (this) {
            // From here on, a wake-up plans a new pass: entries queued during this pass are never missed.
            next = null;
            nextAt = null;
        }
        try {
            outbox.deliverDue(resolver, () -> stopping);
        }
        catch (RuntimeException e) {
            outbox.warn("WARNING outbox sender: a delivery pass failed (" + e.getClass().getName()
                    + "); trying again later");
        }
        finally {
            if (!stopping) {
                Instant due = outbox.nextDue().orElse(outbox.clock().instant().plus(MAX_SLEEP));
                scheduleAt(due);
            }
        }
    }

    /**
     * Stops the sender: no new attempt starts; attempts in flight get up to one attempt timeout to finish (their
     * entries stay pending otherwise and are retried by the next start).
     */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        outbox.wakeHook(() -> { });
        executor.shutdown();
        try {
            if (!executor.awaitTermination(outbox.attemptTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
