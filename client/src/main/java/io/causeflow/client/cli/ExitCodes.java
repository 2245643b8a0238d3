package io.causeflow.client.cli;

import io.causeflow.client.DeliveryStatus;

/**
 * The command line's exit codes. A duplicate exits 0 like an acceptance: the alert is at CauseFlow, which is
 * what a pipeline step wants to know; the output still says {@code DUPLICATE}.
 */
public final class ExitCodes {
    /** Accepted, duplicate, or a stream that ended by {@code --max-events}/{@code --timeout}. */
    public static final int OK = 0;
    /** Unexpected internal error (a bug). */
    public static final int INTERNAL = 1;
    /** Rejected by the server (credentials or request); retrying will not help. */
    public static final int REJECTED = 2;
    /** Transient trouble outlasted the retries, or the server ended the stream for good. */
    public static final int FAILED = 3;
    /**
     * {@code send --outbox}: not delivered now (transient trouble), stored in the outbox for {@code flush};
     * {@code flush}: entries are still pending.
     */
    public static final int QUEUED = 4;
    /** Bad usage or input: unknown option, missing secret, invalid alert field (like sysexits EX_USAGE). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }

    /** @return the exit code for a delivery status */
    public static int of(final DeliveryStatus status) {
        switch (status) {
            case ACCEPTED:
            case DUPLICATE:
                return OK;
            case REJECTED:
                return REJECTED;
            default:
                return FAILED;
        }
    }
}
