package io.causeflow.client.outbox;

import java.io.IOException;

/**
 * An alert could not be queued (disk full, directory not writable, outbox closed, alert larger than the
 * bound). The message names the alert and the directory; nothing partial was left behind.
 */
public final class OutboxException extends IOException {
    private static final long serialVersionUID = 1L;

    OutboxException(final String message) {
        super(message);
    }

    OutboxException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
