package io.causeflow.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Delivers alerts to {@code POST {baseUrl}/v1/webhooks/{tenantId}/custom}. Immutable and thread-safe; built by
 * {@link #builder()}. {@link #send(Alert)} never throws for network or HTTP trouble: it always returns a
 * {@link DeliveryOutcome}. Each alert is serialised and signed once and sent as one immutable
 * {@link HttpRequest}, so every retry carries identical bytes and signature.
 */
public final class CauseFlowClient {
    /** The public service. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.causeflow.ai");
    /** Header carrying the API key. */
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String USER_AGENT = "causeflow-client/1";
    private static final int MAX_SERVER_TEXT = 300;

    private final URI baseUrl;
    private final String tenantId;
    private final URI endpoint;
    private final String apiKey;
    private final WebhookSigner signer;
    private final HttpClient httpClient;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final Redactor redactor;

    private CauseFlowClient(final Builder builder, final String apiKey, final String webhookSecret) {
        this.baseUrl = builder.baseUrl;
        this.tenantId = builder.tenantId;
        this.endpoint = Endpoints.webhook(builder.baseUrl, builder.tenantId);
        this.apiKey = apiKey;
        this.signer = WebhookSigner.of(webhookSecret, builder.signatureFormat);
        this.httpClient = builder.httpClient == null ? defaultHttpClient() : builder.httpClient;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.jitter = builder.jitter;
        this.redactor = Redactor.of(apiKey, webhookSecret);
    }

    /** @return a builder; tenantId, apiKey and webhookSecret are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The HTTP client used when none is given: 10 s connect timeout, HTTP/1.1 (one small POST gains nothing
     * from HTTP/2, and plain-http h2c upgrades confuse some proxies), no redirects (a redirected POST would
     * lose its body or go to a host the signature was not meant for).
     *
     * @return the shared default client
     */
    public static HttpClient defaultHttpClient() {
        return DefaultHttpClient.INSTANCE;
    }

    /** One shared client (and connection pool) for every CauseFlowClient built without one; created lazily. */
    private static final class DefaultHttpClient {
        private static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return the URL alerts are posted to */
    public URI endpoint() {
        return endpoint;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String tenantId() {
        return tenantId;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public SignatureFormat signatureFormat() {
        return signer.format();
    }

    /**
     * Removes this client's API key and webhook secret from {@code text}; for callers that log their own
     * messages.
     *
     * @param text any text
     * @return the text without secrets
     */
    public String redact(final String text) {
        return redactor.redact(text);
    }

    /**
     * Builds the request that {@link #send(Alert)} sends, for inspection (CLI dry run, tests). The request
     * carries the API key header; do not log its headers.
     *
     * @param alert the alert
     * @return the signed request
     */
    public HttpRequest request(final Alert alert) {
        byte[] body = alert.jsonBytesShared();
        return HttpRequest.newBuilder(endpoint)
                .timeout(retryPolicy.perAttemptTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(API_KEY_HEADER, apiKey)
                .header(WebhookSigner.HEADER, signer.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /**
     * Delivers one alert, retrying transient trouble per the {@link RetryPolicy}.
     *
     * @param alert the alert
     * @return the outcome; never {@code null}, never an exception for network or HTTP trouble
     */
    public DeliveryOutcome send(final Alert alert) {
        Objects.requireNonNull(alert, "alert");
        return new Delivery(alert.sourceAlertId(), request(alert)).run();
    }

    @Override
    public String toString() {
        return "CauseFlowClient[endpoint=" + endpoint + ", signature=" + signer.format() + ", " + retryPolicy
                + ", apiKey=****, webhookSecret=****]";
    }

    /** One send: the attempt loop and the mapping of answers to outcomes. */
    private final class Delivery {
        private final Optional<String> sourceAlertId;
        private final HttpRequest request;
        private final Instant start;
        private int attempts;

        Delivery(final Optional<String> sourceAlertId, final HttpRequest request) {
            this.sourceAlertId = sourceAlertId;
            this.request = request;
            this.start = clock.instant();
        }

        DeliveryOutcome run() {
            while (true) {
                Duration remaining = remaining();
                attempts++;
                Answer answer = attempt(min(retryPolicy.perAttemptTimeout(), remaining));
                if (answer.interrupted) {
                    Thread.currentThread().interrupt();
                    return failed(answer, "interrupted; gave up");
                }
                if (answer.status() != 0) {
                    Optional<DeliveryOutcome> finalOutcome = finalOutcome(answer);
                    if (finalOutcome.isPresent()) {
                        return finalOutcome.get();
                    }
                }
                else if (!answer.retryable) {
                    return failed(answer, "not retried");
                }
                if (attempts >= retryPolicy.maxAttempts()) {
                    return failed(answer, "all " + attempts + " attempts used");
                }
                Optional<Duration> hint = answer.headers == null ? Optional.empty()
                        : RetryHints.wait(answer.headers, answer.status(), clock.instant());
                Duration wait = hint.orElseGet(() -> fullJitter(retryPolicy.backoffCeiling(attempts)));
                Duration left = remaining();
                if (wait.compareTo(left) >= 0) {
                    String why = hint.isPresent()
                            ? "server asked to wait " + seconds(wait) + ", beyond the remaining budget of "
                                    + seconds(left)
                            : "time budget of " + seconds(retryPolicy.totalBudget()) + " spent";
                    return failed(answer, why);
                }
                try {
                    sleeper.sleep(wait);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed(answer, "interrupted while waiting to retry");
                }
            }
        }

        private Duration remaining() {
            Duration left = retryPolicy.totalBudget().minus(Duration.between(start, clock.instant()));
            return left.isNegative() ? Duration.ZERO : left;
        }

        private Answer attempt(final Duration timeout) {
            if (timeout.isZero()) {
                return Answer.error("time budget spent before the attempt", true);
            }
            // The status and headers arrive before the body: kept here so that an answer whose body never ends
            // is still judged by its status code.
            AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
            CompletableFuture<HttpResponse<byte[]>> future;
            try {
                future = httpClient.sendAsync(request, info -> {
                    head.set(info);
                    return BoundedBody.subscriber(BoundedBody.DEFAULT_MAX_BYTES);
                });
            }
            catch (RuntimeException e) {
                return Answer.error("cannot send: " + describe(e), false);
            }
            try {
                HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return Answer.of(response.statusCode(), response.headers(), response.body(), false);
            }
            catch (TimeoutException e) {
                future.cancel(true);
                return headOnly(head.get()).orElseGet(() -> Answer.error("no response within " + seconds(timeout),
                        true));
            }
            catch (InterruptedException e) {
                future.cancel(true);
                Answer answer = Answer.error("interrupted", false);
                answer.interrupted = true;
                return answer;
            }
            catch (ExecutionException | CancellationException e) {
                Optional<Answer> answered = headOnly(head.get());
                if (answered.isPresent()) {
                    return answered.get(); // the body broke off after the status line: the status still counts
                }
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    return Answer.error("no response within " + seconds(timeout), true);
                }
                if (cause instanceof ConnectException) {
                    return Answer.error("cannot connect to " + endpoint.getHost() + ": " + describe(cause), true);
                }
                if (cause instanceof IOException) {
                    return Answer.error("I/O error: " + describe(cause), true);
                }
                return Answer.error("unexpected error: " + describe(cause), false);
            }
        }

        private Optional<Answer> headOnly(@CheckForNull final HttpResponse.ResponseInfo info) {
            return info == null ? Optional.empty()
                    : Optional.of(Answer.of(info.statusCode(), info.headers(), new byte[0], true));
        }

        /** Maps a response to its final outcome, or empty when it is transient and may be retried. */
        private Optional<DeliveryOutcome> finalOutcome(final Answer answer) {
            int status = answer.status();
            ResponseBody body = ResponseBody.parse(answer.body);
            Duration elapsed = elapsed();
            if (status >= 200 && status < 300) {
                String message = "accepted (HTTP " + status + ")" + body.incidentId().map(id -> ", incident " + id)
                        .orElse(answer.bodyIncomplete ? ", response body incomplete (no incidentId)"
                                : body.parsed() ? ", no incidentId in the response"
                                : ", response body not understood (no incidentId)");
                // The same masking as every other outcome: the server may echo a secret anywhere.
                return Optional.of(DeliveryOutcome.accepted(status, body.incidentId().map(redactor::redact),
                        attempts, clean(message), sourceAlertId, elapsed));
            }
            if (status == 409) {
                String message = "duplicate: already delivered (HTTP 409" + body.error().map(e -> " " + e).orElse("")
                        + ")" + body.incidentId().map(id -> ", incident " + id).orElse("");
                return Optional.of(DeliveryOutcome.duplicate(body.incidentId().map(redactor::redact),
                        body.error().map(this::clean), attempts, clean(message), sourceAlertId, elapsed));
            }
            if (isTransient(status)) {
                answer.reason = "HTTP " + status + body.error().map(e -> " " + e).orElse("")
                        + body.message().map(m -> ": " + m).orElse("");
                answer.errorCode = body.error().orElse(null);
                return Optional.empty();
            }
            String message = "rejected (HTTP " + status + body.error().map(e -> " " + e).orElse("") + ")"
                    + body.message().map(m -> ": " + m).orElse("") + "; " + hint(status) + "; not retried";
            return Optional.of(DeliveryOutcome.rejected(OptionalInt.of(status), body.error().map(this::clean),
                    attempts, clean(message), sourceAlertId, elapsed));
        }

        private DeliveryOutcome failed(final Answer answer, final String why) {
            String last = answer.reason == null ? "unknown" : answer.reason;
            String message = "failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " in "
                    + seconds(elapsed()) + ": " + last + "; " + why;
            OptionalInt status = answer.status() == 0 ? OptionalInt.empty() : OptionalInt.of(answer.status());
            return DeliveryOutcome.failed(status, Optional.ofNullable(answer.errorCode).map(this::clean), attempts,
                    clean(message), sourceAlertId, elapsed());
        }

        private Duration elapsed() {
            Duration elapsed = Duration.between(start, clock.instant());
            return elapsed.isNegative() ? Duration.ZERO : elapsed;
        }

        private String clean(final String text) {
            return redactor.redact(text);
        }
    }

    private Duration fullJitter(final Duration ceiling) {
        double factor = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        return Duration.ofMillis(Math.round(ceiling.toMillis() * factor));
    }

    static boolean isTransient(final int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    private static String hint(final int status) {
        if (status == 401 || status == 403) {
            return "check the API key, the webhook secret and the tenant id";
        }
        if (status == 413) {
            return "the body is too large for the server";
        }
        if (status >= 300 && status < 400) {
            return "unexpected redirect, check the base URL";
        }
        return "the server refused the request";
    }

    private static String describe(final Throwable error) {
        String text = error.getMessage();
        String name = error.getClass().getSimpleName();
        return text == null || text.isBlank() ? name : name + ": " + truncate(text);
    }

    static String truncate(final String text) {
        return text.length() <= MAX_SERVER_TEXT ? text : text.substring(0, MAX_SERVER_TEXT) + "…";
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(final Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                millis / 1000.0);
    }

    /** What one attempt produced: a status (0 = none) or an error text, and whether it is worth retrying. */
    private static final class Answer {
        private int status;
        @CheckForNull
        private HttpHeaders headers;
        private byte[] body = new byte[0];
        private boolean bodyIncomplete;
        @CheckForNull
        private String reason;
        @CheckForNull
        private String errorCode;
        private boolean retryable;
        private boolean interrupted;

        static Answer of(final int status, final HttpHeaders headers, final byte[] body, final boolean bodyIncomplete) {
            Answer answer = new Answer();
            answer.status = status;
            answer.headers = headers;
            answer.body = body;
            answer.bodyIncomplete = bodyIncomplete;
            answer.retryable = true;
            answer.reason = "HTTP " + status + (bodyIncomplete ? " (response body incomplete)" : "");
            return answer;
        }

        static Answer error(final String reason, final boolean retryable) {
            Answer answer = new Answer();
            answer.reason = reason;
            answer.retryable = retryable;
            return answer;
        }

        int status() {
            return status;
        }
    }

    /** Validating builder; {@link #build()} names the missing or invalid field, never a secret's value. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        @CheckForNull
        private String tenantId;
        @CheckForNull
        private String apiKey;
        @CheckForNull
        private String webhookSecret;
        private SignatureFormat signatureFormat = SignatureFormat.PREFIXED;
        @CheckForNull
        private HttpClient httpClient;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** @param baseUrl http(s) URL of the service, optionally with a path prefix; default the public service */
        public Builder baseUrl(final URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** @param tenantId the tenant id from CauseFlow's settings; URL-encoded into the path */
        public Builder tenantId(final String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** @param apiKey the API key, sent as {@code X-API-Key} */
        public Builder apiKey(final String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** @param webhookSecret the secret used to sign bodies */
        public Builder webhookSecret(final String webhookSecret) {
            this.webhookSecret = webhookSecret;
            return this;
        }

        public Builder signatureFormat(final SignatureFormat signatureFormat) {
            this.signatureFormat = Objects.requireNonNull(signatureFormat, "signatureFormat");
            return this;
        }

        /** @param httpClient e.g. Jenkins' proxy-aware client; default {@link #defaultHttpClient()} */
        public Builder httpClient(final HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public Builder retryPolicy(final RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** @param sleeper how to wait between attempts (tests pass a recording one) */
        public Builder sleeper(final Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @param clock measures the budget and interprets {@code Retry-After} dates and rate-limit resets */
        public Builder clock(final Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param jitter returns a number in {@code [0, 1)} scaling each backoff ceiling (full jitter) */
        public Builder jitter(final DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the client
         * @throws IllegalArgumentException naming the missing or invalid field (never its secret value)
         */
        public CauseFlowClient build() {
            Endpoints.requireBaseUrl(baseUrl);
            Endpoints.requireTenantId(tenantId);
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey is required");
            }
            String key = apiKey.strip();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    throw new IllegalArgumentException("apiKey contains a character not allowed in an HTTP header"
                            + " (position " + i + ")");
                }
            }
            if (webhookSecret == null || webhookSecret.isEmpty()) {
                throw new IllegalArgumentException("webhookSecret is required");
            }
            return new CauseFlowClient(this, key, webhookSecret);
        }
    }

}
