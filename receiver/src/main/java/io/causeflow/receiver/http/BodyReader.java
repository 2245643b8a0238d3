package io.causeflow.receiver.http;

import io.javalin.http.Context;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Reads request bodies without letting slow or silent clients hold threads or memory. A body that is already
 * complete in the server's buffers (the usual small webhook) is read at once on the request thread. Any other body is
 * read with non-blocking servlet I/O: no thread waits for its bytes, its buffer grows only as bytes arrive (never
 * from the declared {@code Content-Length}), it must be complete within the body deadline (else {@code 408}), and
 * at most {@code maxBodyReads} bodies may still be arriving {@link #SLOW_AFTER} after their headers (else
 * {@code 503 server_busy}). That grace keeps ordinary clients out of the count: many (the JDK's HttpClient among
 * them) send the headers and the body in separate packets, so their bodies are not complete on arrival but a
 * millisecond later. A client that drops mid-body or sends broken chunking gets one log line and a {@code 400},
 * never a stack trace.
 */
final class BodyReader {
    private static final int INITIAL_BUFFER = 4096;
    /** A body still arriving this long after its headers counts against {@code maxBodyReads}. */
    static final Duration SLOW_AFTER = Duration.ofMillis(100);

    private final int maxBodyReads;
    private final Duration timeout;
    private final ScheduledExecutorService timers;
    private final ClientErrorLog log;
    private final AtomicInteger arriving = new AtomicInteger();

    BodyReader(int maxBodyReads, Duration timeout, ScheduledExecutorService timers, ClientErrorLog log) {
        this.maxBodyReads = maxBodyReads;
        this.timeout = timeout;
        this.timers = timers;
        this.log = log;
    }

    /** Slow bodies (still arriving after {@link #SLOW_AFTER}) being received right now. */
    int arriving() {
        return arriving.get();
    }

    /**
     * Reads at most {@code limit} bytes (one more means 413) and hands the body to {@code then}, on this thread when
     * it is complete already, otherwise later on a server thread (the request is then answered asynchronously).
     *
     * @param startedNanos when the request's handling began; the deadline counts from there
     */
    void read(Context ctx, long limit, long startedNanos, Consumer<byte[]> then) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw ApiException.payloadTooLarge(limit);
        }
        ServletInputStream in = ctx.req().getInputStream();
        if (declared == 0 || declared > 0 && in.available() >= declared) {
            // Every byte is already here: nothing to wait for, and the allocation matches bytes that arrived.
            then.accept(in.readNBytes((int) declared));
            return;
        }
        AsyncRead read = new AsyncRead(ctx, limit, startedNanos);
        ctx.future(() -> read.start().thenAccept(then));
    }

    private static CompletableFuture<byte[]> failed(AsyncRead read, Exception e) {
        read.abandon();
        return CompletableFuture.failedFuture(e);
    }

    /** One body arriving asynchronously. Jetty calls the listener methods one at a time. */
    private final class AsyncRead implements ReadListener {
        private final Context ctx;
        private final long limit;
        private final long startedNanos;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private boolean finished;
        private boolean counted;
        private byte[] buffer = new byte[0];
        private volatile int length;
        private ServletInputStream in;
        private ScheduledFuture<?> timer;

        AsyncRead(Context ctx, long limit, long startedNanos) {
            this.ctx = ctx;
            this.limit = limit;
            this.startedNanos = startedNanos;
        }

        CompletableFuture<byte[]> start() {
            try {
                ctx.req().getAsyncContext().setTimeout(0);
                long left = left();
                synchronized (this) {
                    timer = left > SLOW_AFTER.toNanos()
                            ? timers.schedule(this::becameSlow, SLOW_AFTER.toNanos(), TimeUnit.NANOSECONDS)
                            : timers.schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
                }
                in = ctx.req().getInputStream();
                in.setReadListener(this);
                return result;
            }
            catch (IOException | RuntimeException e) {
                return failed(this, e);
            }
        }

        void abandon() {
            finish();
        }

        private long left() {
            return timeout.toNanos() - (System.nanoTime() - startedNanos);
        }

        /** Still arriving after the grace: take a slot (or refuse) and wait for the deadline. */
        private void becameSlow() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                if (arriving.incrementAndGet() <= maxBodyReads) {
                    counted = true;
                    timer = timers.schedule(this::expire, Math.max(0, left()), TimeUnit.NANOSECONDS);
                    return;
                }
                arriving.decrementAndGet();
            }
            fail(ApiException.serverBusy(maxBodyReads));
        }

        private synchronized boolean isFinished() {
            return finished;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!isFinished() && in.isReady() && !in.isFinished()) {
                if (length == buffer.length) {
                    int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
                    buffer = Arrays.copyOf(buffer, Math.min(cap, Math.max(INITIAL_BUFFER, buffer.length * 2)));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
                if (length > limit) {
                    fail(ApiException.payloadTooLarge(limit));
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (finish()) {
                result.complete(Arrays.copyOf(buffer, length));
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (failure instanceof EofException) {
                // Jetty reports broken chunking as an early end too.
                log.oneLine(400, "request body broke off after " + length + " bytes (connection closed or "
                        + "malformed chunking)");
                fail(ApiException.badRequest("the request body ended before it was complete (" + length
                        + " bytes received)"));
            }
            else if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                log.oneLine(http.getCode(), "malformed request body: " + http.getReason());
                fail(ApiException.of(http.getCode(), "bad_request", "malformed request body: " + http.getReason()));
            }
            else if (failure instanceof java.util.concurrent.TimeoutException
                    || failure.getCause() instanceof java.util.concurrent.TimeoutException) {
                fail(ApiException.requestTimeout(length, timeout));
            }
            else {
                log.oneLine(400, "request body ended early after " + length + " bytes (" + failure + ")");
                fail(ApiException.badRequest("the request body ended before it was complete (" + length
                        + " bytes received)"));
            }
        }

        private void expire() {
            fail(ApiException.requestTimeout(length, timeout));
        }

        private void fail(ApiException error) {
            if (finish()) {
                // Drop what arrived: the buffer is not needed for an error answer.
                buffer = new byte[0];
                result.completeExceptionally(error);
            }
        }

        private synchronized boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            if (counted) {
                arriving.decrementAndGet();
            }
            if (timer != null) {
                timer.cancel(false);
            }
            return true;
        }
    }
}
