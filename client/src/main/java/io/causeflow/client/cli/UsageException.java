package io.causeflow.client.cli;

/** Bad usage or input detected by a command; printed without a stack trace, exit code 64. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(final String message) {
        super(message);
    }
}
