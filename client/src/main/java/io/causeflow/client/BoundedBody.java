package io.causeflow.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a fixed number of bytes of an HTTP response body, then stops: the rest is never buffered and the
 * exchange is cancelled (which closes the connection), so a server answering with an endless or huge body costs
 * at most the cap. {@code BodyHandlers.ofByteArray()} would buffer whatever arrives until memory runs out.
 */
public final class BoundedBody {
    /**
     * What {@link CauseFlowClient} reads of an answer: CauseFlow's answers are a few hundred bytes of JSON; 64 KiB
     * leaves room for a verbose proxy error page and still costs nothing.
     */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private BoundedBody() {
    }

    /**
     * A subscriber that completes with the first {@code maxBytes} bytes of the body (all of it when shorter) and
     * cancels the rest.
     *
     * @param maxBytes the most bytes kept, at least 0
     * @return a new subscriber, for one response
     */
    public static HttpResponse.BodySubscriber<byte[]> subscriber(final int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
        }
        return new Capped(maxBytes);
    }

    /**
     * @param maxBytes the most bytes kept
     * @return a handler returning {@link #subscriber(int)} for every response
     */
    public static HttpResponse.BodyHandler<byte[]> handler(final int maxBytes) {
        subscriber(maxBytes); // validates
        return info -> subscriber(maxBytes);
    }

    /** Collects up to the cap; the future completes once, at the end of the body or when the cap is reached. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        @CheckForNull
        private Flow.Subscription subscription;

        Capped(final int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(final Flow.Subscription flow) {
            this.subscription = flow;
            if (maxBytes == 0) {
                flow.cancel();
                result.complete(new byte[0]);
                return;
            }
            flow.request(1);
        }

        @Override
        public void onNext(final List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = maxBytes - kept.size();
                int take = Math.min(room, buffer.remaining());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                kept.write(chunk, 0, take);
                if (kept.size() >= maxBytes) {
                    // Enough: stop reading; cancelling closes the connection instead of draining the rest.
                    Flow.Subscription flow = subscription;
                    if (flow != null) {
                        flow.cancel();
                    }
                    result.complete(kept.toByteArray());
                    return;
                }
            }
            Flow.Subscription flow = subscription;
            if (flow != null) {
                flow.request(1);
            }
        }

        @Override
        public void onError(final Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }
}
