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
     * An event was dropped because it outgrew the subscription's size limit (the stream goes on).
     *
     * @param reason redacted detail, e.g. {@code "event dropped: event data longer than 1048576 characters; ..."}
     */
    default void onEventDropped(final String reason) {
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
        /**
         * A final refusal: 401 or 403 (the token is wrong), a redirect (the base URL is wrong) or another 4xx
         * such as 400 (e.g. a {@code Last-Event-ID} the server does not know); retrying cannot help.
         */
        REJECTED,
        /** 204 or another final answer (404, 410): the server does not want us to reconnect. */
        ENDED_BY_SERVER
    }
}
