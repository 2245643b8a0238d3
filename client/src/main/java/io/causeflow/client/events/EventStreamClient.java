package io.causeflow.client.events;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.causeflow.client.BoundedBody;
import io.causeflow.client.Endpoints;
import io.causeflow.client.Redactor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Client for {@code GET {baseUrl}/v1/notifications/stream} with {@code Authorization: Bearer <token>}.
 * A subscription reconnects after any interruption, sending {@code Last-Event-ID}, waiting the server's
 * {@code retry:} time (or our initial delay) doubled per consecutive failure, with jitter, up to a maximum.
 * A connection silent for longer than the heartbeat timeout (the server pings every 30 s) is dropped and
 * re-opened. Final answers end the subscription: 401/403, redirects and other 4xx are {@code REJECTED},
 * 204/404/410 {@code ENDED_BY_SERVER}; 408, 425, 429 and 5xx are retried. Events larger than
 * {@link Builder#maxEventChars(int)} are dropped (see {@link SseParser}), so memory stays bounded whatever the
 * server sends. Immutable and thread-safe; never prints.
 */
public final class EventStreamClient {
    /** Default heartbeat timeout: two and a half missed 30 s pings. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(75);
    /** Default first reconnect delay when the server sent no {@code retry:}. */
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** Default largest reconnect delay. */
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Of a refusal's body only this much is read, for its {@code error} and {@code message}. */
    private static final int MAX_ERROR_BODY = 4096;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;
    private final String token;
    private final HttpClient httpClient;
    private final Duration heartbeatTimeout;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final Optional<String> resumeFrom;
    private final DoubleSupplier jitter;
    private final Redactor redactor;
    private final int maxEventChars;

    private EventStreamClient(final Builder builder) {
        this.endpoint = Endpoints.notificationStream(builder.baseUrl);
        this.token = builder.token;
        this.httpClient = builder.httpClient == null ? HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build() : builder.httpClient;
        this.heartbeatTimeout = builder.heartbeatTimeout;
        this.reconnectDelay = builder.reconnectDelay;
        this.maxReconnectDelay = builder.maxReconnectDelay;
        this.resumeFrom = builder.lastEventId;
        this.jitter = builder.jitter;
        this.redactor = Redactor.of(token);
        this.maxEventChars = builder.maxEventChars;
    }

    /** @return a builder; the token is required */
    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Opens the stream in the background and keeps it open until closed.
     *
     * @param listener receives events and state changes
     * @return the subscription; close it when done
     */
    public EventSubscription subscribe(final EventListener listener) {
        Subscription subscription = new Subscription(Objects.requireNonNull(listener, "listener"));
        subscription.start();
        return subscription;
    }

    @Override
    public String toString() {
        return "EventStreamClient[endpoint=" + endpoint + ", heartbeatTimeout=" + heartbeatTimeout + ", token=****]";
    }

    /** Reconnect loop, heartbeat watchdog and per-connection state. */
    private final class Subscription implements EventSubscription {
        private final EventListener listener;
        private final ScheduledExecutorService scheduler;
        private final CountDownLatch closedLatch = new CountDownLatch(1);
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile String lastEventId;
        private volatile Duration serverRetry;
        private volatile long lastActivityNanos;
        private int failures;
        @CheckForNull
        private volatile Connection current;

        Subscription(final EventListener listener) {
            this.listener = listener;
            this.lastEventId = resumeFrom.orElse("");
            this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "causeflow-events-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        void start() {
            long period = Math.max(10, heartbeatTimeout.toMillis() / 4);
            scheduler.scheduleWithFixedDelay(this::checkHeartbeat, period, period, TimeUnit.MILLISECONDS);
            scheduler.execute(this::connect);
        }

        private void connect() {
            if (closed.get()) {
                return;
            }
            Connection connection = new Connection();
            current = connection;
            lastActivityNanos = System.nanoTime();
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).GET()
                    .header("Accept", "text/event-stream")
                    .header("Cache-Control", "no-cache")
                    .header("Authorization", "Bearer " + token);
            if (!lastEventId.isEmpty()) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                connection.future = httpClient.sendAsync(request.build(), connection::handle);
                connection.future.whenComplete(connection::completed);
            }
            catch (RuntimeException e) {
                connection.end("cannot open the stream: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private void checkHeartbeat() {
            Connection connection = current;
            if (connection != null && !closed.get()
                    && System.nanoTime() - lastActivityNanos > heartbeatTimeout.toNanos()) {
                connection.end("no data for " + heartbeatTimeout.toMillis() + " ms (heartbeat timeout)");
            }
        }

        private synchronized void scheduleReconnect(final String reason, final boolean opened) {
            if (closed.get()) {
                return;
            }
            failures = opened ? 0 : failures + 1;
            Duration base = serverRetry != null ? serverRetry : reconnectDelay;
            long ceiling = base.toMillis() << Math.min(Math.max(0, failures - 1), 20);
            if (ceiling <= 0 || ceiling > maxReconnectDelay.toMillis()) {
                ceiling = Math.max(maxReconnectDelay.toMillis(), base.toMillis());
            }
            // Equal jitter: never less than half the ceiling, so a failing server is not hammered.
            long delay = ceiling / 2 + Math.round(ceiling / 2.0 * Math.min(1.0, Math.max(0.0, jitter.getAsDouble())));
            Duration wait = Duration.ofMillis(delay);
            callListener(() -> listener.onDisconnected(redactor.redact(reason), wait));
            try {
                scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.RejectedExecutionException e) {
                // closed concurrently: nothing to reconnect
            }
        }

        private void finish(final EventListener.CloseReason reason, final String message) {
            if (closed.compareAndSet(false, true)) {
                Connection connection = current;
                if (connection != null) {
                    connection.cancel();
                }
                scheduler.shutdownNow();
                callListener(() -> listener.onClosed(reason, redactor.redact(message)));
                closedLatch.countDown();
            }
        }

        private void callListener(final Runnable callback) {
            try {
                callback.run();
            }
            catch (RuntimeException e) {
                // A listener bug must not stop the stream.
            }
        }

        @Override
        public void close() {
            finish(EventListener.CloseReason.CLOSED_BY_CALLER, "closed by caller");
        }

        @Override
        public boolean isClosed() {
            return closed.get();
        }

        @Override
        public Optional<String> lastEventId() {
            return lastEventId.isEmpty() ? Optional.empty() : Optional.of(lastEventId);
        }

        @Override
        public boolean awaitClosed(final Duration timeout) throws InterruptedException {
            return closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** One HTTP exchange; ends exactly once. */
        private final class Connection implements Flow.Subscriber<List<ByteBuffer>>, SseParser.Sink {
            private final AtomicBoolean ended = new AtomicBoolean();
            private final SseParser parser = new SseParser(this, lastEventId, maxEventChars, maxEventChars);
            @CheckForNull
            private volatile CompletableFuture<HttpResponse<byte[]>> future;
            @CheckForNull
            private volatile Flow.Subscription flow;
            private volatile boolean opened;

            HttpResponse.BodySubscriber<byte[]> handle(final HttpResponse.ResponseInfo info) {
                if (info.statusCode() == 200) {
                    opened = true;
                    lastActivityNanos = System.nanoTime();
                    callListener(listener::onConnected);
                    return HttpResponse.BodySubscribers.fromSubscriber(this, subscriber -> (byte[]) null);
                }
                return BoundedBody.subscriber(MAX_ERROR_BODY);
            }

            void completed(@CheckForNull final HttpResponse<byte[]> response, @CheckForNull final Throwable error) {
                if (error != null) {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null ? error.getCause() : error;
                    end("connection failed: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                    return;
                }
                if (response == null) {
                    end("no response");
                    return;
                }
                int status = response.statusCode();
                if (status == 200) {
                    end("the server closed the stream");
                }
                else if (status == 401 || status == 403) {
                    ended.set(true);
                    finish(EventListener.CloseReason.REJECTED, "HTTP " + status + serverText(response)
                            + ": the stream token was refused; not reconnecting");
                }
                else if (status == 204 || status == 404 || status == 410) {
                    ended.set(true);
                    finish(EventListener.CloseReason.ENDED_BY_SERVER, "HTTP " + status + serverText(response)
                            + "; not reconnecting");
                }
                else if (status >= 300 && status < 400) {
                    // Never followed: a redirect could carry the token to another host; the base URL is wrong.
                    ended.set(true);
                    finish(EventListener.CloseReason.REJECTED, "HTTP " + status + " redirect"
                            + response.headers().firstValue("Location").map(to -> " to " + oneLine(to, 200))
                                    .orElse("")
                            + ": check the base URL; not reconnecting");
                }
                else if (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429) {
                    ended.set(true);
                    finish(EventListener.CloseReason.REJECTED, "HTTP " + status + serverText(response)
                            + ": the server refused the request; not reconnecting");
                }
                else {
                    end("HTTP " + status + serverText(response));
                }
            }

            void end(final String reason) {
                if (ended.compareAndSet(false, true)) {
                    cancel();
                    scheduleReconnect(reason, opened);
                }
            }

            void cancel() {
                Flow.Subscription subscription = flow;
                if (subscription != null) {
                    subscription.cancel();
                }
                CompletableFuture<HttpResponse<byte[]>> exchange = future;
                if (exchange != null) {
                    exchange.cancel(true);
                }
            }

            @Override
            public void onSubscribe(final Flow.Subscription subscription) {
                flow = subscription;
                if (ended.get() || closed.get()) {
                    subscription.cancel();
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onNext(final List<ByteBuffer> buffers) {
                if (ended.get() || closed.get()) {
                    return;
                }
                lastActivityNanos = System.nanoTime();
                for (ByteBuffer buffer : buffers) {
                    parser.feed(buffer);
                }
                Flow.Subscription subscription = flow;
                if (subscription != null) {
                    subscription.request(1);
                }
            }

            @Override
            public void onError(final Throwable error) {
                end("stream broken: " + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage()));
            }

            @Override
            public void onComplete() {
                end("the server closed the stream");
            }

            @Override
            public void onFrame(final SseFrame frame) {
                lastEventId = frame.lastEventId();
                if (!ended.get() && !closed.get()) {
                    CauseFlowEvent event = EventDecoder.decode(frame);
                    callListener(() -> listener.onEvent(event));
                }
            }

            @Override
            public void onRetry(final Duration reconnectionTime) {
                serverRetry = reconnectionTime;
            }

            @Override
            public void onDropped(final String reason) {
                if (!ended.get() && !closed.get()) {
                    callListener(() -> listener.onEventDropped(redactor.redact(reason)));
                }
            }
        }
    }

    /** {@code " error: message"} from a JSON refusal body, one line without control characters; or "". */
    private static String serverText(final HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                return "";
            }
            String error = node.path("error").isTextual() ? node.path("error").asText() : "";
            String message = node.path("message").isTextual() ? node.path("message").asText() : "";
            String text = (error.isBlank() ? "" : " " + oneLine(error, 100))
                    + (message.isBlank() ? "" : ": " + oneLine(message, 300));
            return text;
        }
        catch (java.io.IOException e) {
            return ""; // not JSON (or cut at the limit): the status says enough
        }
    }

    /** Server text goes into messages, logs and terminals: one line, no C0/C1 controls, bounded. */
    static String oneLine(final String text, final int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? ' ' : c);
        }
        return text.length() > max ? out.toString().strip() + "…" : out.toString().strip();
    }

    /** Validating builder. */
    public static final class Builder {
        private URI baseUrl = io.causeflow.client.CauseFlowClient.DEFAULT_BASE_URL;
        @CheckForNull
        private String token;
        @CheckForNull
        private HttpClient httpClient;
        private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
        private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
        private Optional<String> lastEventId = Optional.empty();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private int maxEventChars = SseParser.DEFAULT_MAX_CHARS;

        private Builder() {
        }

        /**
         * @param maxEventChars the longest line and the most data characters of one event (default 1 MiB, at
         *     least 16); larger events are dropped and reported through {@link EventListener#onEventDropped}
         * @return this
         */
        public Builder maxEventChars(final int maxEventChars) {
            if (maxEventChars < 16) {
                throw new IllegalArgumentException("maxEventChars must be at least 16, was " + maxEventChars);
            }
            this.maxEventChars = maxEventChars;
            return this;
        }

        public Builder baseUrl(final URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** @param token the bearer token for the stream */
        public Builder token(final String token) {
            this.token = token;
            return this;
        }

        public Builder httpClient(final HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public Builder heartbeatTimeout(final Duration heartbeatTimeout) {
            this.heartbeatTimeout = positive("heartbeatTimeout", heartbeatTimeout);
            return this;
        }

        public Builder reconnectDelay(final Duration reconnectDelay) {
            this.reconnectDelay = positive("reconnectDelay", reconnectDelay);
            return this;
        }

        public Builder maxReconnectDelay(final Duration maxReconnectDelay) {
            this.maxReconnectDelay = positive("maxReconnectDelay", maxReconnectDelay);
            return this;
        }

        /** @param lastEventId resume after this event (sent as {@code Last-Event-ID} on the first connection) */
        public Builder lastEventId(final String lastEventId) {
            this.lastEventId = Optional.of(lastEventId).filter(id -> !id.isEmpty());
            return this;
        }

        /** @param jitter returns a number in {@code [0, 1)} */
        public Builder jitter(final DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the client
         * @throws IllegalArgumentException naming the missing or invalid field (never the token)
         */
        public EventStreamClient build() {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token is required");
            }
            token = token.strip();
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    throw new IllegalArgumentException("token contains a character not allowed in an HTTP header"
                            + " (position " + i + ")");
                }
            }
            if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
                throw new IllegalArgumentException("maxReconnectDelay must not be shorter than reconnectDelay");
            }
            return new EventStreamClient(this);
        }

        private static Duration positive(final String field, final Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + value);
            }
            return value;
        }
    }
}
