package io.causeflow.client;

/** How a delivery ended (protocol section 0). */
public enum DeliveryStatus {
    /** Any 2xx: CauseFlow has the alert. */
    ACCEPTED,
    /** 409: the same {@code sourceAlertId} was delivered before; nothing new was created. Not an error. */
    DUPLICATE,
    /** A final refusal (credentials, or a request the server will never accept); retrying cannot help. */
    REJECTED,
    /** Transient trouble (network, 408/425/429/5xx) that outlasted the attempts or the time budget. */
    FAILED;

    /** @return true for {@link #ACCEPTED} and {@link #DUPLICATE}: the alert is at CauseFlow */
    public boolean isDelivered() {
        return this == ACCEPTED || this == DUPLICATE;
    }
}
