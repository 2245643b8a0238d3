package io.causeflow.client.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.causeflow.client.Redactor;
import io.causeflow.client.RetryHints;
import io.causeflow.client.WebhookSigner;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One delivery attempt of a stored entry: the stored bytes, signed now with the secret resolved now, posted
 * once. Status rules are those of {@code CauseFlowClient} (docs/client.md §5): 2xx delivered, 409 delivered
 * before, 408/425/429/5xx and I/O trouble retryable, every other status final.
 */
final class Attempt {
    /** Response bodies are read up to this size; only the incident id and error code are wanted. */
    static final int MAX_RESPONSE_BYTES = 16 * 1024;
    private static final String USER_AGENT = "causeflow-client/1 (outbox)";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    private Attempt() {
    }

    /** What the attempt produced; GONE and DAMAGED are verdicts reached before sending (file discarded or broken). */
    enum Kind { ACCEPTED, DUPLICATE, FINAL, RETRY, GONE, DAMAGED }

    /**
     * @param kind the verdict
     * @param httpStatus the status, 0 when no response came
     * @param incidentId from a 2xx/409 body, or null
     * @param retryAfter the server's wait hint, or null
     * @param message redacted one-line description
     */
    record Result(Kind kind, int httpStatus, @CheckForNull String incidentId, @CheckForNull Duration retryAfter,
            String message) {
    }

    static CompletableFuture<Result> send(final HttpClient http, final OutboxEntry entry, final byte[] body,
            final String apiKey, final String webhookSecret, final Duration timeout, final Clock clock) {
        Redactor redactor = Redactor.of(apiKey, webhookSecret);
        HttpRequest request = HttpRequest.newBuilder(entry.endpoint())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-API-Key", apiKey)
                .header(WebhookSigner.HEADER, WebhookSigner.of(webhookSecret, entry.signatureFormat()).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = http.sendAsync(request, info -> new BoundedBody(MAX_RESPONSE_BYTES));
        }
        catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Result(Kind.RETRY, 0, null, null,
                    redactor.redact("cannot send: " + describe(e))));
        }
        return future.handle((response, error) -> response != null ? classify(response, clock, redactor)
                : new Result(Kind.RETRY, 0, null, null, redactor.redact(describeFailure(error, entry, timeout))));
    }

    private static Result classify(final HttpResponse<byte[]> response, final Clock clock, final Redactor redactor) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        String incidentId = text(body, "incidentId");
        String error = text(body, "error");
        String serverMessage = text(body, "message");
        String detail = (error == null ? "" : " " + error) + ")" + (serverMessage == null ? "" : ": " + serverMessage);
        if (incidentId != null && incidentId.length() > 128) {
            incidentId = null;
        }
        if (status >= 200 && status < 300) {
            return new Result(Kind.ACCEPTED, status, redact(redactor, incidentId), null,
                    "accepted (HTTP " + status + ")" + (incidentId == null ? "" : ", incident "
                            + redactor.redact(incidentId)));
        }
        if (status == 409) {
            return new Result(Kind.DUPLICATE, status, redact(redactor, incidentId), null,
                    redactor.redact("duplicate: already delivered (HTTP 409" + detail));
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            Duration hint = RetryHints.wait(response.headers(), status, clock.instant()).orElse(null);
            return new Result(Kind.RETRY, status, null, hint, redactor.redact("HTTP " + status + detail
                    + (hint == null ? "" : "; server asked to wait " + hint.toSeconds() + " s")));
        }
        String why = status == 401 || status == 403 ? "check the API key, the webhook secret and the tenant id"
                : status >= 300 && status < 400 ? "unexpected redirect, check the base URL"
                : "the server refused the request";
        return new Result(Kind.FINAL, status, null, null, redactor.redact("rejected (HTTP " + status + detail + "; "
                + why));
    }

    @CheckForNull
    private static String redact(final Redactor redactor, @CheckForNull final String text) {
        return text == null ? null : redactor.redact(text);
    }

    private static String describeFailure(final Throwable error, final OutboxEntry entry, final Duration timeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no response within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + entry.endpoint().getHost() + ": " + describe(cause);
        }
        if (cause instanceof IOException) {
            return "I/O error: " + describe(cause);
        }
        return "unexpected error: " + describe(cause);
    }

    static String describe(final Throwable error) {
        String text = error.getMessage();
        String name = error.getClass().getSimpleName();
        return text == null || text.isBlank() ? name : name + ": " + oneLine(text);
    }

    @CheckForNull
    private static JsonNode parse(final byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        }
        catch (IOException e) {
            return null; // a body we cannot read changes nothing about the status
        }
    }

    @CheckForNull
    private static String text(@CheckForNull final JsonNode node, final String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : oneLine(value.asText());
    }

    static String oneLine(final String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return (text.length() > MAX_TEXT ? out + "…" : out.toString()).strip();
    }

    /** Collects at most {@code limit} bytes, then cancels the rest: a huge answer costs nothing. */
    static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        @CheckForNull
        private Flow.Subscription subscription;

        BoundedBody(final int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(final Flow.Subscription newSubscription) {
            this.subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(final List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = limit - buffer.size();
                int take = Math.min(room, item.remaining());
                byte[] chunk = new byte[take];
                item.get(chunk);
                buffer.write(chunk, 0, take);
            }
            if (buffer.size() >= limit && subscription != null) {
                subscription.cancel();
                result.complete(buffer.toByteArray());
            }
        }

        @Override
        public void onError(final Throwable throwable) {
            result.complete(buffer.toByteArray()); // the status line already arrived; the body is optional
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }

}
