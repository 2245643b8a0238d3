package io.causeflow.client.investigation;

import io.causeflow.client.Redactor;
import io.causeflow.client.events.CauseFlowEvent;
import io.causeflow.client.events.EventListener;
import io.causeflow.client.events.EventStreamClient;
import io.causeflow.client.events.EventSubscription;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bounded attempt to open the stream, for a "Test stream" button: no reconnect, no resume, nothing applied.
 * Waits for the first event or ping; an open stream without one within the timeout still counts as reachable.
 */
public final class StreamProbe {
    private StreamProbe() {
    }

    /**
     * What the attempt found. The message is redacted and fit for a page.
     *
     * @param ok true when the stream opened
     * @param message what happened
     */
    public record Result(boolean ok, String message) {
    }

    /**
     * Tries the stream once.
     *
     * @param settings where and with which token
     * @param timeout the longest wait, e.g. 5 s
     * @return the result
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result probe(final StreamSettings settings, final Duration timeout) throws InterruptedException {
        Redactor redactor = Redactor.of(settings.token().reveal());
        EventStreamClient client = settings.client("");
        CompletableFuture<Result> outcome = new CompletableFuture<>();
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        long seconds = Math.max(1, timeout.toSeconds());
        EventSubscription subscription = client.subscribe(new EventListener() {
            @Override
            public void onEvent(final CauseFlowEvent event) {
                outcome.complete(new Result(true, "Connected to " + client.endpoint() + "; received '"
                        + event.name() + "'"));
            }

            @Override
            public void onConnected() {
                opened.complete(true);
            }

            @Override
            public void onDisconnected(final String reason, final Duration reconnectIn) {
                outcome.complete(new Result(false, "Cannot use the stream at " + client.endpoint() + ": " + reason));
            }

            @Override
            public void onClosed(final CloseReason reason, final String message) {
                if (reason != CloseReason.CLOSED_BY_CALLER) {
                    outcome.complete(new Result(false, "The stream at " + client.endpoint() + " ended: " + message));
                }
            }
        });
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            return opened.isDone()
                    ? new Result(true, "Connected to " + client.endpoint() + "; no event or ping within " + seconds
                            + " s (the server pings about every 30 s)")
                    : new Result(false, "No answer from " + client.endpoint() + " within " + seconds + " s");
        }
        catch (ExecutionException e) {
            return new Result(false, redactor.redact("Stream test failed: " + e.getCause()));
        }
        finally {
            subscription.close();
        }
    }
}
