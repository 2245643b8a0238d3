package io.causeflow.client.investigation;

import io.causeflow.client.events.EventStreamClient;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the one subscription connects with. Equal settings mean "no restart needed". {@code toString()} masks the
 * token (it is a {@link StreamToken}).
 *
 * @param baseUrl the CauseFlow base URL; the stream is {@code {baseUrl}/v1/notifications/stream}
 * @param tenantId only this tenant's events are applied
 * @param token the stream's bearer token
 * @param heartbeatTimeout a connection silent this long is re-opened
 * @param reconnectDelay first wait before reconnecting
 * @param maxReconnectDelay longest wait before reconnecting
 */
public record StreamSettings(URI baseUrl, String tenantId, StreamToken token, Duration heartbeatTimeout,
        Duration reconnectDelay, Duration maxReconnectDelay) {
    /** Checks for null and blank. */
    public StreamSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is blank");
        }
    }

    /**
     * Settings with the client's default timing.
     *
     * @param baseUrl the CauseFlow base URL
     * @param tenantId the tenant
     * @param token the stream token
     * @return the settings
     */
    public static StreamSettings of(final URI baseUrl, final String tenantId, final StreamToken token) {
        return new StreamSettings(baseUrl, tenantId, token, EventStreamClient.DEFAULT_HEARTBEAT_TIMEOUT,
                EventStreamClient.DEFAULT_RECONNECT_DELAY, EventStreamClient.DEFAULT_MAX_RECONNECT_DELAY);
    }

    /** @return which stream a saved last event id belongs to: base URL and tenant */
    public String streamIdentity() {
        return baseUrl + " tenant " + tenantId;
    }

    /**
     * @return a stream client for these settings, resuming after {@code lastEventId} when given
     * @param lastEventId the id to resume after, or {@code ""}
     */
    EventStreamClient client(final String lastEventId) {
        EventStreamClient.Builder builder = EventStreamClient.builder().baseUrl(baseUrl).token(token.reveal())
                .heartbeatTimeout(heartbeatTimeout).reconnectDelay(reconnectDelay)
                .maxReconnectDelay(maxReconnectDelay);
        if (!lastEventId.isEmpty()) {
            builder.lastEventId(lastEventId);
        }
        return builder.build();
    }
}
