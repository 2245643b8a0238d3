package io.causeflow.client.events;

import java.time.Duration;

/**
 * Receives what a subscription sees. Called from HTTP client threads, one call at a time per subscription.
 * An exception thrown by a callback is swallowed so that it cannot stop the stream.
 */
public interface EventListener {
    /** Every decoded event, pings included. */
    void onEvent(CauseFlowEvent event);

    /** The stream is open (HTTP 200 with {@code text/event-stream}). */
    default void onConnected() {
    }

    /**
     * The connection ended or could not be made; another attempt follows.
     *
     * @param reason redacted reason, e.g. {@code "no data for 75 s"}
     * @param reconnectIn the wait before the next attempt
     */
    default void onDisconnected(final String reason, final Duration reconnectIn) {
    }

    /**
     * The subscription is over for good; no callback follows.
     *
     * @param reason why
     * @param message redacted detail
     */
    default void onClosed(final CloseReason reason, final String message) {
    }

    /** Why a subscription ended. */
    enum CloseReason {
        /** {@link EventSubscription#close()} was called. */
        CLOSED_BY_CALLER,
        /** 401 or 403: the token is wrong; retrying cannot help. */
        REJECTED,
        /** 204 or another final answer (404, 410): the server does not want us to reconnect. */
        ENDED_BY_SERVER
    }
}
